import { css } from 'lit';

export const styles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
  }
  .controls label {
    display: grid;
    gap: 0.15rem;
    font-size: 0.85em;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    display: flex;
    gap: 0.75rem;
    font-size: 0.85em;
  }
  fieldset label {
    display: flex !important;
    align-items: center;
    gap: 0.25rem;
  }
  legend {
    float: left;
    margin-right: 0.25rem;
    color: var(--_muted);
  }
  output {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .body {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: flex-start;
    margin-top: var(--_gap);
  }
  .panels {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  figure {
    margin: 0;
  }
  figure canvas {
    display: block;
    width: var(--ae-panel-size, 140px);
    height: var(--ae-panel-size, 140px);
    border: 1px solid var(--_border);
  }
  figcaption {
    font-size: 0.85em;
    margin-top: 0.25rem;
    max-width: var(--ae-panel-size, 140px);
    font-variant-numeric: tabular-nums;
  }
  .summary {
    margin: 0.5rem 0 0;
    font-variant-numeric: tabular-nums;
  }
`;
