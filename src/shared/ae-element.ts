import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AEError } from '../engine/errors.js';
import type { AEEventMap } from './events.js';
import { themeStyles } from './theme.js';

/**
 * The base of every element: the `model` attribute, a typed `emit()`, and one inline
 * error slot that shows a message and fires `ae-error` together.
 */
export abstract class AEElement extends LitElement {
  static override styles = [themeStyles];

  /** Id of the page-wide model store to join; a preset id loads its pretrained weights. */
  @property({ reflect: true }) model = 'mnist-ae-2d';

  /**
   * The data of a store this element creates: a bundled dataset (`mnist-10k`, `emoji-32`)
   * or the URL of a dataset file. By default a preset's own data, else MNIST. Elements of
   * one model that name different data get a `data-conflict` error.
   */
  @property() data?: string;

  /** `light` or `dark` forces a theme; by default it follows the reader's system. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** The message shown in the element's error region, if any. */
  @state() protected errorMessage = '';

  /** Fires an `ae-*` event that bubbles out of shadow roots. */
  protected emit<K extends keyof AEEventMap>(name: K, detail: AEEventMap[K]): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
  }

  /** Shows `error` inline and fires `ae-error`. */
  protected reportError(error: unknown): AEError {
    const err = AEError.from(error);
    this.errorMessage = err.message;
    this.emit('ae-error', { code: err.code, message: err.message, source: this.localName });
    return err;
  }

  protected clearError() {
    this.errorMessage = '';
  }

  protected renderError() {
    return this.errorMessage ? html`<p class="error" role="alert" part="error">${this.errorMessage}</p>` : nothing;
  }

  /** Runs a store call, reporting its failure inline; resolves undefined on failure. */
  protected async attempt<T>(op: () => Promise<T>): Promise<T | undefined> {
    try {
      return await op();
    } catch (e) {
      this.reportError(e);
      return undefined;
    }
  }
}
