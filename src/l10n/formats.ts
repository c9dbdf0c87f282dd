/**
 * Number and word formatting for one language, through Intl: a catalogue entry gets one
 * of these, so "0.039" reads "0,039" in Polish and plurals follow the language's rules.
 */
export interface Formats {
  readonly lang: string;
  /** A number as the language writes it. */
  number(x: number, options?: Intl.NumberFormatOptions): string;
  /** A loss or error: 4 significant digits, scientific when very large or small; "–" when absent. */
  loss(x: number | null | undefined): string;
  /** A share as a percentage with `digits` decimals; "–" when absent. */
  percent(x: number | null | undefined, digits?: number): string;
  /** Samples per second, "2.4k" above a thousand. */
  rate(x: number): string;
  /** "a, b and c" (or "a, b or c") in the language. */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** The form of a word for `n`: `forms.one` for 1 in English, `few`/`many` in Polish. */
  plural(n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string;
}

const cache = new Map<string, Formats>();

/** The formats of `lang` (cached); an unknown language tag falls back to English. */
export function formatsOf(lang: string): Formats {
  let f = cache.get(lang);
  if (!f) {
    f = makeFormats(supported(lang));
    cache.set(lang, f);
  }
  return f;
}

function supported(lang: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([lang]).length ? lang : 'en';
  } catch {
    return 'en'; // not a well-formed language tag
  }
}

function makeFormats(lang: string): Formats {
  const numbers = new Map<string, Intl.NumberFormat>();
  const nf = (options: Intl.NumberFormatOptions = {}) => {
    const key = JSON.stringify(options);
    let n = numbers.get(key);
    if (!n) numbers.set(key, (n = new Intl.NumberFormat(lang, options)));
    return n;
  };
  const rules = new Intl.PluralRules(lang);
  const lists = { conjunction: new Intl.ListFormat(lang, { type: 'conjunction' }), disjunction: new Intl.ListFormat(lang, { type: 'disjunction' }) };
  const f: Formats = {
    lang,
    number: (x, options) => nf(options).format(x),
    loss: (x) => {
      if (x == null) return '–';
      if (!Number.isFinite(x)) return f.number(x);
      const tiny = x !== 0 && Math.abs(x) < 1e-3;
      return tiny || Math.abs(x) >= 1000
        ? nf({ notation: 'scientific', maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(x)
        : nf({ maximumSignificantDigits: 4, minimumSignificantDigits: 4, useGrouping: false }).format(x);
    },
    percent: (x, digits = 1) => (x == null ? '–' : nf({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x)),
    rate: (x) => (x >= 1000 ? `${nf({ minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x / 1000)}k` : nf({ maximumFractionDigits: 0 }).format(x)),
    list: (items, type = 'conjunction') => lists[type].format(items),
    plural: (n, forms) => forms[rules.select(n)] ?? forms.other,
  };
  return f;
}
