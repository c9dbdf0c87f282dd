import { css } from 'lit';

export const styles = css`
  /* hidden="200,200" gives layer widths here; it does not hide the element. */
  :host([hidden]) {
    display: block;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem;
  }
  .badge,
  .status {
    font-size: 0.8em;
    padding: 0 0.4rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
    color: var(--_muted);
  }
  .status-training {
    color: var(--_accent);
    border-color: var(--_accent);
  }
  .status-error {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .spec {
    margin: 0.25rem 0 0.5rem;
    font-size: 0.85em;
  }
  .controls,
  .files {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin-bottom: 0.5rem;
  }
  .files button {
    font-size: 0.85em;
  }
  .pending {
    background: var(--_panel);
    border-left: 3px solid var(--_accent);
    padding: 0.4rem 0.6rem;
    margin: 0 0 0.5rem;
  }
  .progress {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.5rem 1rem;
  }
  .progress label {
    display: grid;
    gap: 0.15rem;
    font-size: 0.85em;
    color: var(--_muted);
  }
  progress {
    width: 100%;
    accent-color: var(--_accent);
  }
  figure {
    margin: 0.5rem 0;
  }
  svg.loss {
    width: 100%;
    height: auto;
    display: block;
    overflow: visible;
  }
  svg .axis {
    color: var(--_muted);
    font-size: 10px;
  }
  svg path.train {
    fill: none;
    stroke: var(--ae-color-accent, var(--_accent));
    stroke-width: 1.5;
  }
  svg path.test {
    fill: none;
    stroke: var(--ae-color-test, #d55e00);
    stroke-width: 1.5;
    stroke-dasharray: 4 3;
  }
  svg .series path,
  .key.series {
    fill: none;
    stroke-width: 1.25;
    opacity: 0.85;
  }
  svg .series-1,
  .key.series-1 {
    stroke: var(--ae-color-series-1, #117733);
    border-top-color: var(--ae-color-series-1, #117733);
  }
  svg .series-2,
  .key.series-2 {
    stroke: var(--ae-color-series-2, #882255);
    border-top-color: var(--ae-color-series-2, #882255);
  }
  svg .series-3,
  .key.series-3 {
    stroke: var(--ae-color-series-3, #ddcc77);
    border-top-color: var(--ae-color-series-3, #ddcc77);
  }
  svg .series-4,
  .key.series-4 {
    stroke: var(--ae-color-series-4, #88ccee);
    border-top-color: var(--ae-color-series-4, #88ccee);
  }
  svg .test-dots circle {
    fill: var(--ae-color-test, #d55e00);
  }
  figcaption {
    font-size: 0.8em;
  }
  .key {
    display: inline-block;
    width: 1.2em;
    height: 0;
    border-top: 2px solid var(--_accent);
    vertical-align: middle;
    margin-left: 0.5em;
  }
  .key.series {
    border-top-style: dotted;
  }
  .key.test {
    border-top: 2px dashed var(--ae-color-test, #d55e00);
  }
  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(6rem, 1fr));
    gap: 0.25rem 1rem;
    margin: 0;
  }
  .stats dt {
    font-size: 0.75em;
    color: var(--_muted);
  }
  .stats dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
`;
