import { AeLatentScatter } from './ae-latent-scatter.js';

export { AeLatentScatter };

if (!customElements.get('ae-latent-scatter')) customElements.define('ae-latent-scatter', AeLatentScatter);

declare global {
  interface HTMLElementTagNameMap {
    'ae-latent-scatter': AeLatentScatter;
  }
}
