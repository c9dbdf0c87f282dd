import { AeDrawPad } from './ae-draw-pad.js';

export { AeDrawPad };

if (!customElements.get('ae-draw-pad')) customElements.define('ae-draw-pad', AeDrawPad);

declare global {
  interface HTMLElementTagNameMap {
    'ae-draw-pad': AeDrawPad;
  }
}
