import { property } from 'lit/decorators.js';
import { AEBase } from './ae-base.js';

/**
 * The base of every element that joins a model store: the error-reporting base plus the
 * `model` and `data` attributes (a `StoreController` reads them).
 */
export abstract class AEElement extends AEBase {
  /**
   * Id of the page-wide model store to join; a preset id loads its pretrained weights.
   * Any other non-empty id names a store the page's elements share.
   */
  @property({ reflect: true }) model = 'mnist-ae-2d';

  /**
   * The data of a store this element creates: a bundled dataset (`mnist-10k`, `emoji-32`)
   * or the URL of a dataset file. By default a preset's own data, else MNIST. Elements of
   * one model that name different data get a `data-conflict` error.
   */
  @property() data?: string;
}
