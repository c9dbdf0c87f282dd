import { AeDataSource } from './ae-data-source.js';

export { AeDataSource };
export { MAX_FILE_BYTES, MAX_IMAGES, MAX_IMAGE_VALUES, type DataSummary, type AddFilesOptions, type SkippedItem } from './ae-data-source.js';

if (!customElements.get('ae-data-source')) customElements.define('ae-data-source', AeDataSource);

declare global {
  interface HTMLElementTagNameMap {
    'ae-data-source': AeDataSource;
  }
}
