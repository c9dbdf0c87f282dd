// Runs in the page (passed to puppeteer's waitForFunction), so it must stay self-contained.

/** In the page: true once every ae-* element in the story has shown its store's data (or an error). */
export function rendered(selector) {
  const els = [...document.querySelectorAll(selector)].filter((el) => /^v?ae-/.test(el.localName));
  if (!els.length) return false;
  return els.every((el) => {
    const root = el.shadowRoot;
    if (!root) return false;
    if (root.querySelector('.error')) return true;
    // By class, not text: the status word is in the element's language.
    if (el.localName === 'ae-trainer') return /\bstatus-(ready|training|paused|error)\b/.test(root.querySelector('.status')?.className ?? '');
    if (el.localName === 'ae-latent-scatter') return el.points.length > 0;
    if (el.localName === 'ae-reconstruction-grid') return root.querySelector('[part~="grid"]')?.getAttribute('aria-busy') === 'false';
    if (el.localName === 'ae-denoise-demo') return el.source === 'draw' || el.images !== null;
    if (el.localName === 'vae-latent-walk') return el.gridImages !== null;
    if (el.localName === 'ae-anomaly-view') return el.scores !== null;
    // A data source draws once it has data: from `src`, or from files a page gives it (marked data-expect-data).
    if (el.localName === 'ae-data-source') return !(el.src || el.hasAttribute('data-expect-data')) || el.summary !== null;
    return true;
  });
}
