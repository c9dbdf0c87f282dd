import { AeDenoiseDemo } from './ae-denoise-demo.js';

export { AeDenoiseDemo };

if (!customElements.get('ae-denoise-demo')) customElements.define('ae-denoise-demo', AeDenoiseDemo);

declare global {
  interface HTMLElementTagNameMap {
    'ae-denoise-demo': AeDenoiseDemo;
  }
}
