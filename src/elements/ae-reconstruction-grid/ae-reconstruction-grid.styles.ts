import { css } from 'lit';

export const styles = css`
  .grid {
    list-style: none;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  li {
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
  .mse {
    font-size: 0.75em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .summary {
    margin: 0.5rem 0 0;
  }
`;
