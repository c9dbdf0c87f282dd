import { AeLatentClassifier } from './ae-latent-classifier.js';

export { AeLatentClassifier };

if (!customElements.get('ae-latent-classifier')) customElements.define('ae-latent-classifier', AeLatentClassifier);

declare global {
  interface HTMLElementTagNameMap {
    'ae-latent-classifier': AeLatentClassifier;
  }
}
