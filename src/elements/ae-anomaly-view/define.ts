import { AeAnomalyView } from './ae-anomaly-view.js';

export { AeAnomalyView };

if (!customElements.get('ae-anomaly-view')) customElements.define('ae-anomaly-view', AeAnomalyView);

declare global {
  interface HTMLElementTagNameMap {
    'ae-anomaly-view': AeAnomalyView;
  }
}
