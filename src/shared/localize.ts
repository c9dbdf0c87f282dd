import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AEError } from '../engine/errors.js';
import { onLanguages, translate, translateText, type ArgList, type MessageKey } from '../l10n/languages.js';
import { formatsOf, type Formats } from '../l10n/formats.js';

type Host = ReactiveControllerHost & HTMLElement;

const controllers = new Set<LocalizeController>();
let observer: MutationObserver | null = null;
let unlisten: (() => void) | null = null;

/** One observer for the page: any `lang` attribute that changes re-renders every localized element. */
function watch() {
  if (observer) return;
  const rerender = () => controllers.forEach((c) => c.changed());
  observer = new MutationObserver(rerender);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  unlisten = onLanguages(rerender);
}

function unwatch() {
  if (controllers.size) return;
  observer?.disconnect();
  unlisten?.();
  observer = null;
  unlisten = null;
}

/**
 * The language of an element and its texts: the nearest `lang` attribute (its own, an
 * ancestor's, across shadow roots, else the document's), read again whenever a `lang`
 * attribute in the document changes or the element is connected.
 */
export class LocalizeController implements ReactiveController {
  constructor(private host: Host) {
    host.addController(this);
  }

  hostConnected() {
    controllers.add(this);
    watch();
    this.changed(); // moved under another lang, perhaps
  }

  hostDisconnected() {
    controllers.delete(this);
    unwatch();
  }

  /** A lang attribute or a language changed: read the language again (before willUpdate runs) and re-render. */
  changed() {
    this.resolved = undefined;
    this.host.requestUpdate();
  }

  private resolved: string | undefined;

  /** The language tag in effect ("en" when none is set). */
  get lang(): string {
    return (this.resolved ??= this.nearestLang());
  }

  private nearestLang(): string {
    let node: Node | null = this.host;
    while (node) {
      if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || 'en';
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return document.documentElement.lang || 'en';
  }

  get formats(): Formats {
    return formatsOf(this.lang);
  }

  /** `key`'s text in the element's language. */
  term<K extends MessageKey>(key: K, ...args: ArgList<K>): string {
    return translate(this.lang, key, ...args);
  }

  /** A number as the language writes it. */
  number(x: number, options?: Intl.NumberFormatOptions): string {
    return this.formats.number(x, options);
  }

  /** A loss: 4 significant digits; "not a number" in words when it is not finite. */
  loss(x: number | null | undefined): string {
    return x != null && !Number.isFinite(x) ? this.term('common.notANumber') : this.formats.loss(x);
  }

  percent(x: number | null | undefined, digits = 1): string {
    return this.formats.percent(x, digits);
  }

  /** An error's message in the element's language: its catalogue entry when it has one, else its text. */
  error(error: AEError): string {
    return error.text ? translateText(this.lang, error.text) : error.message;
  }
}
