import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AEError } from '../engine/errors.js';
import { oneOf } from './attributes.js';
import type { AEEventMap } from './events.js';
import { LocalizeController } from './localize.js';
import { isStale } from './store-task.js';
import { themeStyles } from './theme.js';

const THEMES = ['light', 'dark'] as const;

/**
 * The base of every element, with or without a store: the `theme` attribute, a typed
 * `emit()`, and one inline error region that shows messages and fires `ae-error`.
 *
 * Messages live in slots: one per attribute (an error whose `details.attribute` names
 * it), and `general` for the rest. An attribute's message is shown and fired once per
 * bad value and cleared when the attribute is good again; a subclass may add its own
 * slots (`store`, say).
 */
export abstract class AEBase extends LitElement {
  static override styles = [themeStyles];

  /** `light` or `dark` forces a theme; by default it follows the reader's system. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Texts and numbers in the language of the nearest `lang` attribute. */
  protected localize = new LocalizeController(this);

  /** The errors shown in the element's error region, by slot. */
  @state() private problems: ReadonlyMap<string, AEError> = new Map();

  /** Every message shown in the error region, in order, in the element's language. */
  protected get errorMessages(): string[] {
    return [...this.problems.values()].map((e) => this.localize.error(e));
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('theme')) {
      if (this.theme === undefined || this.theme === null) this.clearError('theme');
      else this.check('theme', () => oneOf(this, 'theme', this.theme, THEMES, 'attr.theme'));
    }
  }

  /** Fires an `ae-*` event that bubbles out of shadow roots. */
  protected emit<K extends keyof AEEventMap>(name: K, detail: AEEventMap[K]): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
  }

  /**
   * Shows `error` inline and fires `ae-error` with its code and message. `slot` defaults
   * to the attribute the error names, else `general`; an attribute slot that already
   * shows the same message fires nothing again.
   */
  protected reportError(error: unknown, slot?: string): AEError {
    const err = AEError.from(error);
    const attribute = attributeOf(err);
    const key = slot ?? attribute ?? 'general';
    if (key !== 'general' && this.problems.get(key)?.message === err.message) return err;
    this.problems = new Map(this.problems).set(key, err);
    this.emit('ae-error', { code: err.code, message: this.localize.error(err), source: this.localName, ...(attribute ? { attribute } : {}) });
    return err;
  }

  /** Clears one slot's message (`general` by default). */
  protected clearError(slot = 'general') {
    if (!this.problems.has(slot)) return;
    const next = new Map(this.problems);
    next.delete(slot);
    this.problems = next;
  }

  /**
   * Runs `test` for `attribute`: its value when it passes (clearing the attribute's
   * message), undefined after reporting its error when it fails.
   */
  protected check<T>(attribute: string, test: () => T): T | undefined {
    try {
      const value = test();
      this.clearError(attribute);
      return value;
    } catch (e) {
      this.reportError(e, attribute);
      return undefined;
    }
  }

  /** The error region: every current message, with role=alert; nothing when all is well. */
  protected renderError() {
    const messages = this.errorMessages;
    if (!messages.length) return nothing;
    return html`<div class="error" role="alert" part="error">${messages.map((m) => html`<p>${m}</p>`)}</div>`;
  }

  /** Runs a call, reporting its failure inline; resolves undefined on failure. A stale run's sentinel passes through. */
  protected async attempt<T>(op: () => Promise<T>): Promise<T | undefined> {
    try {
      return await op();
    } catch (e) {
      if (isStale(e)) throw e;
      this.reportError(e);
      return undefined;
    }
  }
}

/** The attribute an error is about (`details.attribute`), if it names one. */
export function attributeOf(error: unknown): string | undefined {
  const attribute = (error as { details?: { attribute?: unknown } } | null)?.details?.attribute;
  return typeof attribute === 'string' ? attribute : undefined;
}
