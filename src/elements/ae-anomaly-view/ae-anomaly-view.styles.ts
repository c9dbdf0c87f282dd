import { css } from 'lit';

export const styles = css`
  svg.histogram {
    display: block;
    width: 100%;
    max-width: 640px;
    height: auto;
    font-size: 10px;
  }
  .bars rect {
    fill: var(--ae-bar-color, var(--_muted));
  }
  .bars rect.above {
    fill: var(--ae-bar-flagged, var(--_danger));
  }
  .threshold line,
  line.threshold {
    stroke: var(--_danger);
    stroke-width: 2;
  }
  .marker line {
    stroke: var(--_accent);
    stroke-width: 2;
    stroke-dasharray: 4 3;
  }
  .marker text {
    fill: var(--_accent);
  }
  .axis text {
    fill: var(--_muted);
  }
  .axis path,
  .axis line {
    stroke: var(--_border);
  }
  label.threshold {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    max-width: 640px;
  }
  label.threshold input {
    flex: 1;
  }
  output {
    font-variant-numeric: tabular-nums;
    min-width: 4.5em;
  }
  .summary {
    margin: 0.5rem 0;
  }
  .flagged {
    color: var(--_danger);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_gap) * 2);
    align-items: flex-start;
  }
  .title {
    margin: 0 0 0.25rem;
    font-weight: 600;
  }
  ul.worst li {
    font-size: 0.75em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  canvas.worst {
    width: var(--ae-digit-size, 56px);
    height: var(--ae-digit-size, 56px);
    border: 1px solid var(--_border);
  }
  canvas.worst.vector {
    width: var(--ae-signal-width, 192px);
    height: auto;
  }
  .anomalies rect {
    fill: var(--ae-bar-anomaly, var(--_accent));
  }
  .key {
    margin: 0 0 0.25rem;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .key span {
    border-bottom: 2px solid var(--_ink);
    margin-right: 0.75em;
  }
  .key .reconstruction {
    border-bottom-color: var(--_accent);
  }
  svg.roc {
    display: block;
    flex: 0 1 260px;
    width: 260px;
    max-width: 100%;
    height: auto;
    font-size: 10px;
  }
  svg.roc .curve {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2;
  }
  svg.roc .chance {
    stroke: var(--_border);
    stroke-dasharray: 4 3;
  }
  svg.roc .at-threshold {
    fill: var(--_danger);
  }
  svg.roc .axis-label {
    fill: var(--_muted);
  }
  dl.scores {
    flex: 1 1 12rem;
    margin: 0;
    display: grid;
    gap: 0.5rem;
    font-variant-numeric: tabular-nums;
  }
  dl.scores dt {
    font-weight: 600;
  }
  dl.scores dd {
    margin: 0;
  }
  dl.scores .muted {
    font-size: 0.85em;
  }
`;
