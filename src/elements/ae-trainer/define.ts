import { AeTrainer } from './ae-trainer.js';

export { AeTrainer };

if (!customElements.get('ae-trainer')) customElements.define('ae-trainer', AeTrainer);

declare global {
  interface HTMLElementTagNameMap {
    'ae-trainer': AeTrainer;
  }
}
