import { css, unsafeCSS } from 'lit';
import { LABEL_COLORS } from '../../shared/palette.js';

// One rule per label colour: stylesheet rules, not style attributes, so the legend
// needs no 'unsafe-inline' in a page's Content-Security-Policy.
const swatches = unsafeCSS(LABEL_COLORS.map((c, l) => `.swatch.label-${l} { background: var(--ae-label-${l}, ${c}); }`).join('\n'));

export const styles = css`
  .plots {
    display: grid;
    gap: var(--_gap);
  }
  .plots.compare {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
  }
  figure {
    margin: 0;
    min-width: 0;
  }
  figcaption {
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .surface {
    position: relative;
    width: 100%;
    aspect-ratio: 1;
    height: var(--ae-plot-height, auto);
    touch-action: none;
    cursor: crosshair;
    background: var(--_panel);
    border-radius: var(--_radius);
  }
  .surface canvas,
  .surface svg {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  svg {
    overflow: visible;
    pointer-events: none;
  }
  svg .axis {
    color: var(--_muted);
    font-size: 10px;
  }
  svg .cursor {
    fill: none;
    stroke: var(--_fg);
    stroke-width: 2;
  }
  svg .hover {
    fill: none;
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  .axis-names {
    display: flex;
    justify-content: space-between;
    font-size: 0.8em;
  }
  .status {
    margin: 0.25rem 0;
    font-size: 0.85em;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    list-style: none;
    padding: 0;
    margin: 0.25rem 0;
  }
  .swatch {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    border-radius: 50%;
    margin-right: 0.3em;
    vertical-align: -0.05em;
    background: #777;
  }
  ${swatches}
  .details {
    display: flex;
    gap: 1rem;
    min-height: 4.5rem;
    align-items: center;
  }
  .tooltip,
  .decoded-view {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.85em;
  }
  [hidden] {
    display: none !important;
  }
  canvas.digit {
    width: 64px;
    height: 64px;
    border: 1px solid var(--_border);
  }
`;
