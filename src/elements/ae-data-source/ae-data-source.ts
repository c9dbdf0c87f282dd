import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { DatasetInput } from '../../engine/dataset-input.js';
import { AEError, shown } from '../../engine/errors.js';
import { IMAGE_SIDES, sampleShapeOf, type SampleShape } from '../../engine/sample.js';
import { textOf, type NestedText } from '../../l10n/english.js';
import { AEElement } from '../../shared/ae-element.js';
import { attributeOf } from '../../shared/ae-base.js';
import { invalidAttribute } from '../../shared/attributes.js';
import type { AEEventMap } from '../../shared/events.js';
import type { LocalizeController } from '../../shared/localize.js';
import { paintSamples } from '../../shared/render.js';
import { StoreController } from '../../shared/store-controller.js';
import { StoreTask, type TaskRun } from '../../shared/store-task.js';
import { styles } from './ae-data-source.styles.js';
import { droppedFiles, type PathedFile } from './images.js';
import { fromFiles, fromUrl, isDatasetFile, skippedItem, textIn, type AddFilesOptions, type LoadContext, type Loaded, type Options, type Skip, type Source } from './loaders.js';

export { MAX_FILE_BYTES, MAX_IMAGES, MAX_IMAGE_VALUES, type AddFilesOptions, type SkippedItem } from './loaders.js';

/** Samples drawn in the summary's strip. */
const THUMBS = 12;

/** What `ae-data` carries, and `summary` holds: the dataset the element gave its store. */
export type DataSummary = AEEventMap['ae-data'];

/** `standardize` as an attribute: present or "true" is true, "false" is false; anything else is kept to be reported. */
const booleanText = {
  fromAttribute: (v: string | null) => (v === null || v === '' || v === 'true' ? true : v === 'false' ? false : v),
  toAttribute: (v: unknown) => (v === false ? 'false' : v === true ? '' : String(v)),
};

/**
 * @summary Gives a model store your own data, with no script: drop images (a folder of
 * class folders names the classes) or one CSV/TSV file, pick them, or name a URL.
 *
 * Images (PNG, JPEG, WebP, GIF's first frame; up to 20,000) are decoded in the browser
 * a slice at a time, with progress, resized to `size` and made grey or colour. A table
 * becomes one vector per row (`label-column` holds the labels; text labels are class
 * names), standardised per column unless `standardize="false"`. Anything that cannot be
 * read (an image that does not decode, a file that is no image, a ragged row, a cell
 * that is not a number) is skipped and listed in the summary with its reason; the rest is
 * used when enough remains. Files over 200 MB are refused before reading.
 *
 * `src` may also name a sprite sheet of `tile`-sized images with a `labels` file (one
 * byte per tile, or one-hot rows as in the tfjs MNIST sprite), or a dataset file.
 *
 * The summary shows the count, the sample shape, the classes with their counts, a strip
 * of samples spread over the data and every problem. The drop zone is a button: Enter or Space opens
 * the file picker.
 *
 * @event ae-data - The store took the data (`store.setDataset` succeeded, or a dataset
 * file loaded): `detail.n`, `detail.shape` (a sample shape), `detail.classes`
 * (`{ name, count }[]`), `detail.skipped` (`{ name, reason }[]`), `detail.name`.
 * @event ae-error - A bad attribute (`input-invalid`, naming it); a refused load
 * (`dataset-invalid`: empty, too big, too few samples left; `dataset-fetch-failed`;
 * `data-conflict`); and, once per load, the items it skipped and images of mixed sizes
 * (`dataset-invalid`; the rest is used).
 *
 * @csspart drop-zone - The drop zone (a button that opens the file picker).
 * @csspart folder-button - The button that picks a folder.
 * @csspart progress - The progress line (role=status).
 * @csspart summary - The summary of the loaded data.
 * @csspart thumbnails - The strip of up to 12 samples, spread over the data (canvas).
 * @csspart problems - The list of skipped items and their reasons.
 * @csspart error - The inline error message.
 *
 * @cssproperty --ae-drop-height - Least height of the drop zone (default 5rem).
 * @cssproperty --ae-thumb-size - Height of the thumbnail strip (default 48px).
 * @cssproperty --ae-digit-ink - Colour of grey images' ink and of sparklines.
 * @cssproperty --ae-digit-paper - Colour of grey images' paper.
 */
export class AeDataSource extends AEElement {
  static override styles = [...AEElement.styles, styles];

  /**
   * A URL to load: a CSV/TSV table (`.csv`, `.tsv`, or a text/csv answer), a sprite sheet
   * (an image, with `tile`; at most 40,000,000 values are taken), a dataset file
   * (`*.bin`, or a bundled name such as `mnist-10k`: the store must not have loaded other
   * data yet). Only this URL (and `labels`) is fetched.
   */
  @property() src?: string;
  /** Image size: a side from 8 to 128 (`"32"`), or height x width (`"28x28"`). Images of other sizes are resized. */
  @property() size = '32';
  /** `"1"` grey or `"3"` colour images; left out, colour when any image has colour. */
  @property() channels?: string;
  /** A table's label column: its header name, or its 0-based number. Without it, every column is a feature. */
  @property({ attribute: 'label-column' }) labelColumn?: string;
  /**
   * Train only on these classes (names or label numbers, separated by commas, such as
   * `"normal"`): every sample of the other classes goes to the test split, to be scored.
   * The anomaly-detection setup. Needs labels (a label column, class folders, a labels file).
   */
  @property({ attribute: 'train-labels' }) trainLabels?: string;
  /**
   * Reads `src` as a sprite sheet of tiles of height x width (`"28x28"`; sides 8 to 128),
   * each tile one image at that size. A sheet exactly height*width pixels wide holds one
   * flattened tile per pixel row (the tfjs MNIST sprite); any other is a grid read row by row.
   */
  @property() tile?: string;
  /** A sprite's labels file: one byte per tile, or one-hot rows (one byte per class, as the tfjs MNIST labels). */
  @property() labels?: string;
  /** Standardise a table's columns (mean 0, std 1 on the train split); `standardize="false"` keeps the values as they are. */
  @property({ converter: booleanText }) standardize: boolean | string = true;

  /** The data the element last gave its store, or null. */
  @state() summary: DataSummary | null = null;
  /** What the last load skipped, with reasons. */
  @state() private skipped: Skip[] = [];
  /** Remarks on the last load (images resized, say). */
  @state() private notes: NestedText[] = [];
  /** How far the load has got; null when none is running. */
  @state() private progress: NestedText | null = null;
  @state() private over = false;
  private thumbs: { values: Float32Array; shape: SampleShape; count: number } | null = null;

  @query('input.files') private fileInput!: HTMLInputElement;
  @query('input.folder') private folderInput!: HTMLInputElement;
  @query('canvas.strip') private strip?: HTMLCanvasElement;

  private source: Source | null = null;
  private options: Options = { height: 32, width: 32, tile: undefined, labels: undefined, channels: undefined, labelColumn: undefined, trainLabels: undefined, standardize: true };

  protected stores = new StoreController(this, {
    bound: () => {
      this.clearError('model');
      void this.loader.restart();
    },
    unbound: () => this.loader.abort(),
    problem: (e) => this.reportError(e, attributeOf(e) ?? 'load'),
  });

  private loader = new StoreTask(this, {
    store: () => this.stores.store,
    run: (run) => this.load(run),
    report: (e) => this.reportError(e, 'load'),
    busy: () => false,
  });

  /**
   * Loads files as a picker or a drop would: many images, or one CSV/TSV file. Each
   * file's class is the folder it sits in (its `webkitRelativePath`, or a name such as
   * `"cats/1.png"`) unless `options.label` says otherwise. Resolves once the store has
   * the data or the load was refused (the element shows why).
   */
  addFiles(files: File[] | FileList, options: AddFilesOptions = {}): Promise<void> {
    const list = [...(files ?? [])].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
    return this.take(list, options.label);
  }

  private take(files: PathedFile[], label?: AddFilesOptions['label']): Promise<void> {
    this.source = { kind: 'files', files, label };
    return this.loader.restart();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const before = JSON.stringify(this.options);
    if (changed.has('size')) {
      const size = this.check('size', () => parseSides(this, 'size', this.size ?? '32'));
      if (size) this.options = { ...this.options, ...size };
    }
    if (changed.has('channels')) {
      const channels = this.check('channels', () => parseChannels(this, this.channels));
      if (channels !== undefined) this.options = { ...this.options, channels: channels || undefined };
    }
    if (changed.has('tile')) {
      if (!this.tile?.trim()) (this.options = { ...this.options, tile: undefined }), this.clearError('tile');
      else {
        const tile = this.check('tile', () => parseSides(this, 'tile', this.tile));
        if (tile) this.options = { ...this.options, tile };
      }
    }
    if (changed.has('labels')) this.options = { ...this.options, labels: this.labels?.trim() || undefined };
    if (changed.has('trainLabels')) {
      const names = (this.trainLabels ?? '').split(',').map((t) => t.trim()).filter(Boolean);
      this.options = { ...this.options, trainLabels: names.length ? names : undefined };
    }
    if (changed.has('labelColumn')) this.options = { ...this.options, labelColumn: this.labelColumn?.trim() || undefined };
    if (changed.has('standardize')) {
      const value = this.check('standardize', () => {
        if (typeof this.standardize !== 'boolean') throw invalidAttribute(this, 'standardize', this.standardize, 'dataSource.attr.standardize', {});
        return this.standardize;
      });
      if (value !== undefined) this.options = { ...this.options, standardize: value };
    }
    let restart = JSON.stringify(this.options) !== before && this.source !== null && this.hasUpdated;
    if (changed.has('src')) {
      const src = this.src?.trim();
      if (src) (this.source = { kind: 'url', url: src }), (restart = true);
      else if (this.source?.kind === 'url') this.source = null;
    }
    if (restart) void this.loader.restart();
  }

  protected override updated() {
    if (this.strip && this.thumbs) paintSamples(this.strip, this.thumbs.values, this.thumbs.shape, { count: this.thumbs.count, cols: this.thumbs.shape.kind === 'image' ? this.thumbs.count : Math.min(4, this.thumbs.count) });
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.loader.settled;
    return super.getUpdateComplete();
  }

  /** One load of the current source into the store. */
  private async load(run: TaskRun) {
    const source = this.source;
    if (!source) return;
    this.clearError('load');
    this.summary = null;
    this.thumbs = null;
    this.skipped = [];
    this.notes = [];
    try {
      if (source.kind === 'url' && isDatasetFile(source.url)) return await this.loadDatasetFile(run, source.url);
      const ctx: LoadContext = { run, options: this.options, tile: this.tile, progress: (text) => (this.progress = text) };
      const loaded = source.kind === 'url' ? await fromUrl(ctx, source.url) : await fromFiles(ctx, source);
      this.skipped = loaded.skipped;
      this.notes = loaded.notes;
      this.reportSkipped(loaded);
      this.progress = textOf('dataSource.progress.handing');
      const input = this.withTrainLabels(loaded.input);
      await run.step(run.store.setDataset(input).catch((e: unknown) => Promise.reject(this.trainLabelsError(e))));
      if (input.trainLabels) this.notes = [...this.notes, textOf('dataSource.note.trainLabels', { labels: input.trainLabels })];
      this.took(input, loaded.skipped);
    } finally {
      this.progress = null;
    }
  }

  /**
   * `train-labels` as the input's trainLabels: class names as they are, other whole numbers
   * as label numbers. Each must be a class of the data, checked here as the store would so
   * that the message names the attribute in the reader's language.
   */
  private withTrainLabels(input: DatasetInput): DatasetInput {
    const chosen = this.options.trainLabels;
    if (!chosen) return input;
    const { labels, classNames } = input;
    if (!labels) throw invalidAttribute(this, 'train-labels', this.trainLabels, 'dataSource.attr.trainLabelsNeedLabels', {});
    const trainLabels = chosen.map((t) => (classNames?.includes(t) || !/^\d+$/.test(t) ? t : Number(t)));
    const present = new Set(Array.from(labels));
    const unknown = trainLabels.find((c) => {
      const k = typeof c === 'string' && classNames ? classNames.indexOf(c) : c;
      return typeof k !== 'number' || !present.has(k);
    });
    if (unknown !== undefined) {
      throw invalidAttribute(this, 'train-labels', this.trainLabels, 'dataSource.attr.trainLabelsClass', { label: shown(unknown), classes: classNames ? [...classNames] : null });
    }
    return { ...input, trainLabels };
  }

  /** The store's refusal of trainLabels, as the attribute's error. */
  private trainLabelsError(e: unknown): unknown {
    const err = AEError.from(e);
    if (!this.options.trainLabels || !/"trainLabels"/.test(err.message)) return e;
    return invalidAttribute(this, 'train-labels', this.trainLabels, 'attr.about', { reason: err.message.replace(/^Dataset "trainLabels" /, '') });
  }

  /** Each load's problems (skipped items, images of mixed sizes), reported once as one `ae-error`. */
  private reportSkipped({ input, skipped, mixedSizes }: Loaded) {
    if (!skipped.length && !mixedSizes) return;
    const lang = this.localize.lang;
    const items = skipped.slice(0, 3).map((s) => ({ name: textIn(lang, s.name), reason: s.reason }));
    const [left, mixed] = [Math.max(0, skipped.length - 3), mixedSizes ? textIn(lang, mixedSizes) : null];
    const message = this.localize.term('dataSource.skippedReport', { name: input.name ?? null, count: skipped.length, items, left, used: input.n, mixed });
    this.emit('ae-error', { code: 'dataset-invalid', message, source: this.localName });
  }

  private took(input: DatasetInput, skipped: Skip[]) {
    const shape: SampleShape = input.sample === 'vector' ? { kind: 'vector', length: input.length! } : { kind: 'image', height: input.height!, width: input.width!, channels: input.channels ?? 1 };
    const summary: DataSummary = { name: input.name ?? 'data', n: input.n, shape, classes: classCounts(input.labels, input.classNames, input.n), skipped: skipped.map(skippedItem) };
    this.thumbs = thumbnails(input.images, input.n, shape);
    this.summary = summary;
    this.emit('ae-data', summary);
  }

  /** A dataset file through the store's own loading: it must be the data the store uses. */
  private async loadDatasetFile(run: TaskRun, url: string) {
    run.store.useData(url, `<ae-data-source src="${url}">`);
    this.progress = textOf('dataSource.progress.loading', { url });
    await run.step(run.store.ready());
    const ds = await run.step(run.store.dataset());
    this.took({ ...ds, sample: sampleShapeOf(ds).kind, length: ds.width }, []);
  }

  private openPicker = () => this.fileInput?.click();
  private openFolder = () => this.folderInput?.click();

  private picked = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same files again count as a new choice
    if (files.length) void this.addFiles(files);
  };

  private dragOver = (e: DragEvent) => {
    if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    this.over = true;
  };

  private dragLeave = () => (this.over = false);

  private drop = async (e: DragEvent) => {
    e.preventDefault();
    this.over = false;
    if (!e.dataTransfer) return;
    const files = await droppedFiles(e.dataTransfer).catch((err: unknown) => {
      this.reportError(AEError.of('dataset-invalid', 'dataSource.dropUnreadable', { reason: String((err as Error)?.message ?? err) }), 'load');
      return null;
    });
    if (files?.length) void this.take(files);
  };

  override render() {
    const t = this.localize.term.bind(this.localize);
    return html`
      <button class="zone ${this.over ? 'over' : ''}" part="drop-zone" @click=${this.openPicker} @dragenter=${this.dragOver} @dragover=${this.dragOver} @dragleave=${this.dragLeave} @drop=${this.drop}>
        ${t('dataSource.dropZone')}
      </button>
      <div class="actions">
        <button part="folder-button" @click=${this.openFolder}>${t('dataSource.chooseFolder')}</button>
        <span class="note">${t('dataSource.resizedTo', { height: this.options.height, width: this.options.width })}</span>
      </div>
      <input class="files" type="file" multiple hidden accept="image/*,.csv,.tsv,.txt,text/csv,text/tab-separated-values" @change=${this.picked} />
      <input class="folder" type="file" webkitdirectory hidden @change=${this.picked} />
      <p class="progress" role="status" part="progress">${this.progress ? textIn(this.localize.lang, this.progress) : ''}</p>
      ${this.renderSummary()} ${this.renderError()}
    `;
  }

  private renderSummary() {
    const s = this.summary;
    if (!s && !this.skipped.length) return nothing;
    const l = this.localize;
    const t = l.term.bind(l);
    const vectors = s?.shape.kind === 'vector';
    return html`<div part="summary" class="summary">
      ${s
        ? html`<p class="counts"><strong>${s.name}</strong>: ${t('dataSource.counts', { n: s.n, vectors, shape: shapeText(s.shape, l), classes: s.classes.length })}</p>
            ${s.classes.length ? html`<ul class="classes">${s.classes.map((c) => html`<li>${c.name}: ${l.number(c.count)}</li>`)}</ul>` : nothing}
            ${this.thumbs
              ? html`<canvas part="thumbnails" class="strip ${s.shape.kind}" role="img" aria-label=${t('dataSource.thumbnails', { count: this.thumbs.count, n: s.n, vectors })}></canvas>`
              : nothing}`
        : nothing}
      ${this.notes.map((n) => html`<p class="note">${textIn(l.lang, n)}</p>`)}
      ${this.skipped.length
        ? html`<p>${t('dataSource.skippedCount', { count: this.skipped.length })}</p>
            <ul class="problems" part="problems">${this.skipped.map((p) => html`<li>${textIn(l.lang, p.name)}: ${textIn(l.lang, p.reason)}</li>`)}</ul>`
        : nothing}
    </div>`;
  }
}

/** `size` or `tile`: "32" or "28x28" (height x width), sides from 8 to 128. */
function parseSides(el: Element, attribute: string, value: unknown): { height: number; width: number } {
  const { min, max } = IMAGE_SIDES;
  const m = /^\s*(\d+)\s*(?:[x×]\s*(\d+)\s*)?$/i.exec(String(value ?? ''));
  const [height, width] = m ? [Number(m[1]), Number(m[2] ?? m[1])] : [NaN, NaN];
  if (height >= min && height <= max && width >= min && width <= max) return { height, width };
  throw invalidAttribute(el, attribute, value, 'dataSource.attr.sides', { min, max });
}

/** "24x20x3 image", "vector of 140", in the element's language. */
function shapeText(shape: SampleShape, l: LocalizeController): string {
  return shape.kind === 'image' ? l.term('dataSource.shape.image', { height: shape.height, width: shape.width, channels: shape.channels }) : l.term('dataSource.shape.vector', { length: shape.length });
}

/** `channels`: "1", "3", or left out (0: follow the images). */
function parseChannels(el: Element, value: unknown): 0 | 1 | 3 {
  if (value === undefined || value === null) return 0;
  const v = String(value).trim();
  if (v === '1' || v === '3') return Number(v) as 1 | 3;
  throw invalidAttribute(el, 'channels', value, 'dataSource.attr.channels', {});
}

function classCounts(labels: DatasetInput['labels'], classNames: string[] | undefined, n: number): { name: string; count: number }[] {
  if (!labels) return [];
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
  const order = classNames ? classNames.map((_, k) => k).filter((k) => counts.has(k)) : [...counts.keys()].sort((a, b) => a - b);
  return order.map((k) => ({ name: classNames?.[k] ?? String(k), count: counts.get(k)! }));
}

/** Up to THUMBS samples spread over the data, as 0..1 pixels or the vectors' own values. */
function thumbnails(values: DatasetInput['images'], n: number, shape: SampleShape): { values: Float32Array; shape: SampleShape; count: number } {
  const size = shape.kind === 'image' ? shape.height * shape.width * shape.channels : shape.length;
  const k = Math.min(THUMBS, n);
  const out = new Float32Array(k * size);
  const scale = values instanceof Uint8Array ? 1 / 255 : 1;
  for (let j = 0; j < k; j++) {
    const i = Math.floor((j * n) / k);
    for (let p = 0; p < size; p++) out[j * size + p] = values[i * size + p] * scale;
  }
  return { values: out, shape, count: k };
}

