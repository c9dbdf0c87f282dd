import { AeReconstructionGrid } from './ae-reconstruction-grid.js';

export { AeReconstructionGrid };

if (!customElements.get('ae-reconstruction-grid')) customElements.define('ae-reconstruction-grid', AeReconstructionGrid);

declare global {
  interface HTMLElementTagNameMap {
    'ae-reconstruction-grid': AeReconstructionGrid;
  }
}
