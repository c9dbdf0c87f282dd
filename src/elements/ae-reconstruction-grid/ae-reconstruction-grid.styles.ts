import { css } from 'lit';

export const styles = css`
  canvas {
    width: var(--ae-digit-size, 56px);
    height: var(--ae-digit-size, 56px);
    border: 1px solid var(--_border);
  }
  /* Line plots of vectors: wider than tall. */
  .vectors canvas {
    width: calc(2 * var(--ae-digit-size, 56px));
  }
  .mse {
    font-size: 0.75em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .summary {
    margin: 0.5rem 0 0;
  }
`;
