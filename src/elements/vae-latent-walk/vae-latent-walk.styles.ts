import { css } from 'lit';

export const styles = css`
  figure {
    margin: 0;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: flex-start;
  }
  .plane {
    position: relative;
    width: var(--ae-walk-size, 320px);
    max-width: 100%;
    aspect-ratio: 1;
    touch-action: none;
    cursor: crosshair;
  }
  canvas.manifold {
    width: 100%;
    height: 100%;
    border: 1px solid var(--_border);
  }
  .cursor {
    position: absolute;
    width: 14px;
    height: 14px;
    margin: -7px 0 0 -7px;
    border: 2px solid var(--_accent);
    border-radius: 50%;
    box-shadow: 0 0 0 1px var(--_bg);
    pointer-events: none;
  }
  canvas.focus {
    width: calc(var(--ae-digit-size, 56px) * 2.5);
    height: calc(var(--ae-digit-size, 56px) * 2.5);
    border: 1px solid var(--_border);
  }
  figcaption {
    font-size: 0.85em;
    color: var(--_muted);
    margin-top: 0.25rem;
    max-width: var(--ae-walk-size, 320px);
  }
  .mono {
    font-variant-numeric: tabular-nums;
  }
  section {
    margin-top: var(--_gap);
  }
  .title {
    margin: 0 0 0.25rem;
    font-weight: 600;
  }
  .strip-row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    overflow-x: auto;
  }
  .strip-row canvas {
    height: var(--ae-digit-size, 56px);
    width: auto;
    border: 1px solid var(--_border);
  }
  .strip-row .end-a,
  .strip-row .end-b {
    width: var(--ae-digit-size, 56px);
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: 0.4rem;
  }
  .draw {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: flex-end;
    margin-top: 0.4rem;
  }
  canvas.random {
    width: calc(var(--ae-digit-size, 56px) * 8);
    max-width: 100%;
    height: auto;
    margin-top: 0.4rem;
    border: 1px solid var(--_border);
  }
`;
