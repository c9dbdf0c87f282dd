import { VaeLatentWalk } from './vae-latent-walk.js';

export { VaeLatentWalk };

if (!customElements.get('vae-latent-walk')) customElements.define('vae-latent-walk', VaeLatentWalk);

declare global {
  interface HTMLElementTagNameMap {
    'vae-latent-walk': VaeLatentWalk;
  }
}
