import { css } from 'lit';

export const styles = css`
  .grid {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  figure {
    margin: 0;
    display: grid;
    gap: 2px;
    justify-items: center;
  }
  canvas {
    width: var(--ae-digit-size, 56px);
    height: var(--ae-digit-size, 56px);
    border: 1px solid var(--_border);
  }
  figcaption {
    font-size: 0.75em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .summary {
    margin: 0.5rem 0 0;
  }
`;
