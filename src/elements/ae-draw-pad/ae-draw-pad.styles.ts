import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-grid;
    gap: 0.4rem;
    justify-items: start;
    padding: 0;
    border: 0;
    background: none;
  }
  canvas {
    width: var(--ae-pad-size, 168px);
    height: var(--ae-pad-size, 168px);
    background: var(--_paper);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    /* the page must not scroll or zoom while a finger draws */
    touch-action: none;
    cursor: crosshair;
  }
`;
