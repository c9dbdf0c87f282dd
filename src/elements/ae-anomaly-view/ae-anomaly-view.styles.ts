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
`;
