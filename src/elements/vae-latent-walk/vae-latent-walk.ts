import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Dataset } from '../../engine/dataset.js';
import type { ModelStore } from '../../store/model-store.js';
import { imageIndex, invalidAttribute, seedValue, wholeNumber } from '../../shared/attributes.js';
import { LiveElement } from '../../shared/live-element.js';
import type { TaskRun } from '../../shared/store-task.js';
import { paintSamples, sampleColors } from '../../shared/render.js';
import { describeImage, gatherImages, randomTestImage, valuesPerSample } from '../../shared/samples.js';
import { describeKind, kindText } from '../../shared/kind-text.js';
import { mulberry32 } from '../../engine/random.js';
import { kindOf, type ModelSpec } from '../../engine/spec.js';
import '../ae-draw-pad/define.js';
import { codeStats, gridLatents, interpolate, parsePair, planePoint, randomLatents, type CodeStats, type Plane } from './latents.js';
import { styles } from './vae-latent-walk.styles.js';
import { drawPadFor, whyNoDrawing } from '../../shared/drawing.js';

/** How many random latent vectors "Decode random values" shows (4 rows of 8). */
const RANDOM_COUNT = 32;

interface Endpoint {
  image: Float32Array;
  /** The dataset image it is, named at render time in the element's language; null for the reader's drawing. */
  source: { ds: Dataset; index: number } | null;
}

/**
 * @summary A VAE's latent space to walk: the decoded manifold grid with a draggable
 * cursor, the straight line between two images' codes, and decoded random values;
 * redrawn live while the model trains.
 *
 * @event ae-error - A bad attribute or a failed store call; `detail.code`, `detail.message`.
 * @event ae-decode - The cursor's latent point was decoded; `detail.latent`, `detail.image`.
 *
 * @csspart grid - The decoded manifold grid (canvas).
 * @csspart plane - The focusable area over the grid (arrow keys move the cursor).
 * @csspart cursor - The cursor marker.
 * @csspart decoded - The decoded image at the cursor.
 * @csspart interpolation - The interpolation section.
 * @csspart strip - The decoded images between the two endpoints (canvas).
 * @csspart random - The decoded random values (canvas).
 * @csspart error - The inline error message.
 *
 * @cssproperty --ae-walk-size - Displayed size of the manifold grid (default 320px).
 * @cssproperty --ae-digit-size - Displayed size of single images (default 56px).
 * @cssproperty --ae-digit-ink - Colour of a full-intensity pixel.
 * @cssproperty --ae-digit-paper - Colour of an empty pixel.
 */
export class VaeLatentWalk extends LiveElement {
  static override styles = [...LiveElement.styles, styles];

  /** Id of the page-wide model store to join; a preset id loads its pretrained weights. */
  @property({ reflect: true }) override model = 'mnist-vae-2d';
  /** Images per side of the manifold grid (2 to 30). */
  @property({ type: Number }) grid = 15;
  /** Latent range of the grid, "low,high"; by default -3,3 for a VAE, the observed code range otherwise. */
  @property() range?: string;
  /** The two code dimensions the grid walks ("0,1"); the others stay at the mean code. */
  @property() dims = '0,1';
  /** Images in the interpolation strip, both endpoints included (2 to 30). */
  @property({ type: Number }) steps = 10;
  /** Dataset index of the interpolation's first image (default: a test image chosen by `seed`). */
  @property({ type: Number }) from?: number;
  /** Dataset index of the interpolation's last image. */
  @property({ type: Number }) to?: number;
  /** Seed of the chosen pair and of the random values. */
  @property({ type: Number }) seed = 1;

  @state() private plane: Plane | null = null;
  /** The cursor as fractions of the plane: u left to right, v bottom to top. */
  @state() private cursor = { u: 0.5, v: 0.5 };
  @state() private ends: [Endpoint, Endpoint] | null = null;
  @state() private loading = true;
  @state() private kind = '';
  /** The spec the walk was drawn with: the kind's prior text depends on it. */
  private spec: ModelSpec | null = null;
  /** Whether the pad holds a drawing to use as an endpoint. */
  @state() private hasDrawing = false;
  @query('canvas.manifold') private gridCanvas?: HTMLCanvasElement;
  @query('canvas.focus') private focusCanvas?: HTMLCanvasElement;
  @query('canvas.strip') private stripCanvas?: HTMLCanvasElement;
  @query('canvas.random') private randomCanvas?: HTMLCanvasElement;
  @query('canvas.end-a') private endA?: HTMLCanvasElement;
  @query('canvas.end-b') private endB?: HTMLCanvasElement;
  @query('ae-draw-pad') private pad?: HTMLElementTagNameMap['ae-draw-pad'];

  private stats: CodeStats | null = null;
  private pairDraw = 0;
  private randomDraw = 0;
  private drawn: { grid: Float32Array; strip: Float32Array; random: Float32Array; n: number; steps: number } | null = null;
  private focusImage: Float32Array | null = null;

  /** The decoded grid (n*n images, row-major from the top-left) of the last refresh. */
  get gridImages(): Float32Array | null {
    return this.drawn?.grid ?? null;
  }

  /** The decoded interpolation strip of the last refresh. */
  get stripImages(): Float32Array | null {
    return this.drawn?.strip ?? null;
  }

  /** The latent vector under the cursor. */
  get cursorLatent(): number[] {
    return this.plane ? Array.from(planePoint(this.plane, this.cursor.u, this.cursor.v)) : [];
  }

  protected override rebound() {
    this.loading = true;
    this.stats = null;
    this.ends = null;
    this.drawn = null;
    this.focusImage = null;
    this.plane = null;
    this.kind = '';
    this.spec = null;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('from') || changed.has('to') || (changed.has('seed') && changed.get('seed') !== undefined)) this.ends = null;
  }

  protected override watched() {
    return [this.grid, this.range, this.dims, this.steps, this.from, this.to, this.seed];
  }

  /** Reads the attributes, reporting bad values (once each) and falling back to the defaults. */
  private settings(store: ModelStore, ds: Dataset) {
    const latentDim = store.spec.latentDim;
    const n = this.check('grid', () => wholeNumber(this, 'grid', this.grid ?? 15, 2, 30)) ?? 15;
    const steps = this.check('steps', () => wholeNumber(this, 'steps', this.steps ?? 10, 2, 30)) ?? 10;
    const dims =
      this.check('dims', () => {
        const pair = parsePair(this.dims ?? '0,1');
        if (pair && pair.every((d) => Number.isInteger(d) && d >= 0 && d < latentDim) && (pair[0] !== pair[1] || latentDim === 1)) return pair;
        throw invalidAttribute(this, 'dims', this.dims, 'attr.dims', { max: latentDim - 1 });
      }) ?? ([0, Math.min(1, latentDim - 1)] as [number, number]);
    const range =
      this.check('range', () => {
        if (this.range == null || this.range.trim() === '') return null;
        const pair = parsePair(this.range);
        if (!pair || !(pair[0] < pair[1])) throw invalidAttribute(this, 'range', this.range, 'walk.attr.range', {});
        return pair;
      }) ?? null;
    const from = this.check('from', () => imageIndex(this, 'from', this.from, ds.n));
    const to = this.check('to', () => imageIndex(this, 'to', this.to, ds.n));
    const seed = this.check('seed', () => seedValue(this, 'seed', this.seed ?? 1)) ?? 1;
    return { n, steps, dims, range, from, to, seed };
  }

  protected async refresh(run: TaskRun, data: Dataset) {
    const { store } = run;
    const ds = await this.reach(run, data, this.from, this.to);
    const s = this.settings(store, ds);
    const kind = kindOf(store.spec.kind);
    const vae = kind.code === 'gaussian';
    // Code statistics: the mean holds the other dimensions, and a plain AE's range and random draws follow its codes.
    const codes = await run.step(store.codes('test'));
    const stats = codeStats(codes.codes, codes.indices.length, codes.dim);
    const [d0, d1] = s.dims;
    const span = (d: number): [number, number] => s.range ?? (vae ? [-3, 3] : [stats.low[d], stats.high[d]]);
    const plane: Plane = { dims: s.dims, x: span(d0), y: span(d1), base: stats.mean.slice() };
    const ends = this.ends ?? this.pickEnds(ds, s.seed, s.from, s.to);
    const endCodes = await run.step(store.encode(concat(ends[0].image, ends[1].image), 2));
    const dim = stats.dim;
    const randomSeed = s.seed * 7919 + this.randomDraw;
    // A kind with a prior is drawn from it; others from a normal with their codes' mean and spread.
    const random = kind.prior ? await run.step(store.samplePrior(RANDOM_COUNT, randomSeed)) : randomLatents(RANDOM_COUNT, stats.mean, stats.std, randomSeed);
    const latents = concat(gridLatents(plane, s.n), interpolate(endCodes.subarray(0, dim), endCodes.subarray(dim), s.steps), random);
    const count = s.n * s.n + s.steps + RANDOM_COUNT;
    const images = await run.step(store.decode(latents, count));
    this.clearError(); // a failure of an earlier refresh is over
    const size = valuesPerSample(ds);
    this.stats = stats;
    this.drawn = {
      grid: images.subarray(0, s.n * s.n * size),
      strip: images.subarray(s.n * s.n * size, (s.n * s.n + s.steps) * size),
      random: images.subarray((s.n * s.n + s.steps) * size),
      n: s.n,
      steps: s.steps,
    };
    this.plane = plane;
    this.ends = ends;
    this.kind = store.spec.kind;
    this.spec = store.spec;
    this.loading = false;
    this.requestUpdate();
    await run.step(this.cursorDecoder.request());
  }

  /** Two test images of different labels, chosen by `seed` (or the `from`/`to` images). */
  private pickEnds(ds: Dataset, seed: number, from?: number, to?: number): [Endpoint, Endpoint] {
    const rand = mulberry32(seed * 104729 + this.pairDraw);
    const pick = () => randomTestImage(ds, rand);
    const a = from ?? pick();
    let b = to ?? pick();
    for (let k = 0; to === undefined && k < 50 && ds.labels && ds.labels[b] === ds.labels[a]; k++) b = pick();
    return [
      { image: gatherImages(ds, [a]), source: { ds, index: a } },
      { image: gatherImages(ds, [b]), source: { ds, index: b } },
    ];
  }

  /** Decodes the cursor's point; moves made meanwhile are folded into one more decode. */
  private cursorDecoder = this.storeTask(async (run) => {
    if (!this.plane) return;
    const latent = planePoint(this.plane, this.cursor.u, this.cursor.v);
    const image = await run.step(run.store.decode(latent, 1));
    this.focusImage = image;
    this.requestUpdate();
    this.emit('ae-decode', { latent: Array.from(latent), image });
  });

  private moveCursor(u: number, v: number) {
    this.cursor = { u: Math.min(1, Math.max(0, u)), v: Math.min(1, Math.max(0, v)) };
    void this.cursorDecoder.request();
  }

  private onKey(e: KeyboardEvent) {
    const cell = 1 / Math.max(1, (this.drawn?.n ?? this.grid) - 1);
    const step = e.shiftKey ? cell / 5 : cell;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (e.key === 'Home') this.moveCursor(0.5, 0.5);
    else if (moves[e.key]) this.moveCursor(this.cursor.u + moves[e.key][0], this.cursor.v + moves[e.key][1]);
    else return;
    e.preventDefault();
  }

  private onPointer(e: PointerEvent) {
    if (e.type === 'pointerdown') {
      if (e.button > 0) return;
      try {
        (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
      } catch {
        // a synthetic pointer cannot be captured; dragging still works inside the plane
      }
    } else if (!(e.buttons & 1)) return;
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    this.moveCursor((e.clientX - r.left) / (r.width || 1), 1 - (e.clientY - r.top) / (r.height || 1));
  }

  private newPair() {
    this.pairDraw++;
    this.ends = null;
    void this.refresher.restart();
  }

  private useDrawing(which: 0 | 1) {
    const image = this.pad?.value;
    if (!image || !this.ends) return;
    const ends: [Endpoint, Endpoint] = [...this.ends];
    ends[which] = { image, source: null };
    this.ends = ends;
    void this.refresher.restart();
  }

  private newRandom() {
    this.randomDraw++;
    void this.refresher.restart();
  }

  protected override updated() {
    // Placed through CSSOM, not a style attribute: pages with a strict CSP allow this.
    const mark = this.renderRoot.querySelector<HTMLElement>('.cursor');
    mark?.style.setProperty('left', `${this.cursor.u * 100}%`);
    mark?.style.setProperty('top', `${(1 - this.cursor.v) * 100}%`);
    const ds = this.loaded;
    const d = this.drawn;
    if (!d) {
      // Nothing of the current store yet: no picture of another store's stays up.
      for (const c of [this.gridCanvas, this.stripCanvas, this.randomCanvas, this.focusCanvas]) c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
      return;
    }
    if (!ds) return;
    const colors = sampleColors(this);
    if (this.gridCanvas) paintSamples(this.gridCanvas, d.grid, ds, { cols: d.n, colors });
    if (this.stripCanvas) paintSamples(this.stripCanvas, d.strip, ds, { cols: d.steps, colors });
    if (this.randomCanvas) paintSamples(this.randomCanvas, d.random, ds, { cols: 8, colors });
    if (this.focusCanvas && this.focusImage) paintSamples(this.focusCanvas, this.focusImage, ds, { count: 1, colors });
    if (this.ends && this.endA && this.endB) {
      paintSamples(this.endA, this.ends[0].image, ds, { count: 1, colors });
      paintSamples(this.endB, this.ends[1].image, ds, { count: 1, colors });
    }
  }

  /** An endpoint in words: its image, or the reader's drawing. */
  private endName(end: Endpoint | undefined): string | undefined {
    if (!end) return undefined;
    return end.source ? describeImage(this.localize, end.source.ds, end.source.index) : this.localize.term('walk.yourDrawing');
  }

  override render() {
    const p = this.plane;
    const z = this.cursorLatent;
    const [d0, d1] = p?.dims ?? [0, 1];
    const t = this.localize.term.bind(this.localize);
    const where = p ? t('walk.where', { dims: [d0, d1], values: [z[d0], z[d1]] }) : '';
    const n = this.drawn?.n ?? this.grid;
    // How the kind's prior draws are made; empty for a kind without a prior.
    const priorText = this.kind ? kindText(this.localize, this.kind, 'priorText', this.spec ?? undefined) : '';
    const [from, to] = [this.endName(this.ends?.[0]), this.endName(this.ends?.[1])];
    return html`
      <div class="top" aria-busy=${this.loading}>
        <figure class="manifold-figure">
          <div
            class="plane"
            part="plane"
            tabindex="0"
            role="slider"
            aria-label=${t('walk.cursorLabel')}
            aria-roledescription=${t('walk.roleDescription')}
            aria-valuemin=${p?.x[0] ?? -3}
            aria-valuemax=${p?.x[1] ?? 3}
            aria-valuenow=${p ? z[d0] : 0}
            aria-valuetext=${where}
            @keydown=${this.onKey}
            @pointerdown=${this.onPointer}
            @pointermove=${this.onPointer}
          >
            <canvas class="digit manifold" part="grid"></canvas>
            ${p ? html`<span class="cursor" part="cursor"></span>` : nothing}
          </div>
          <figcaption>
            ${this.loading
              ? html`<span class="muted">${this.waitingText}</span>`
              : t('walk.gridCaption', { n, dims: [d0, d1], x: p!.x, y: p!.y, others: (this.stats?.dim ?? 2) > 2 })}
          </figcaption>
        </figure>
        <figure class="focus-figure">
          <canvas class="digit focus" part="decoded" role="img" aria-label=${t('walk.decodedAt', { where })}></canvas>
          <figcaption class="mono">${where}</figcaption>
        </figure>
      </div>
      ${this.kind && !priorText ? html`<p class="note">${t('walk.notVae', { kind: describeKind(this.localize, this.kind) })}</p>` : nothing}
      <section class="interpolation" part="interpolation" aria-label=${t('walk.interpolation')}>
        <p class="title">${t('walk.interpolationTitle', { steps: this.drawn?.steps ?? this.steps })}</p>
        <div class="strip-row">
          <canvas class="digit end-a" role="img" aria-label=${t('walk.from', { name: from ?? '' })}></canvas>
          <canvas class="digit strip" part="strip" role="img" aria-label=${t('walk.strip')}></canvas>
          <canvas class="digit end-b" role="img" aria-label=${t('walk.to', { name: to ?? '' })}></canvas>
        </div>
        <p class="muted">${t('walk.fromTo', { from: from ?? '…', to: to ?? '…' })}</p>
        <div class="actions">
          <button @click=${this.newPair}>${t('walk.newPair')}</button>
          ${this.loaded && whyNoDrawing(this.localize, this.loaded)
            ? nothing
            : html`<details>
                <summary>${t('walk.drawOwn')}</summary>
                <div class="draw">
                  ${drawPadFor(this.localize, this.loaded, (e) => (this.hasDrawing = !e.detail.empty))}
                  <div class="actions">
                    <button ?disabled=${!this.hasDrawing} @click=${() => this.useDrawing(0)}>${t('walk.useFirst')}</button>
                    <button ?disabled=${!this.hasDrawing} @click=${() => this.useDrawing(1)}>${t('walk.useLast')}</button>
                  </div>
                </div>
              </details>`}
        </div>
      </section>
      <section class="random-section" aria-label=${t('walk.random')}>
        <div class="actions">
          <button @click=${this.newRandom}>${t('walk.decodeRandom')}</button>
          <span class="muted">${!this.kind ? '' : priorText || t('walk.fromCodes')}</span>
        </div>
        <canvas class="digit random" part="random" role="img" aria-label=${t('walk.randomLabel', { count: RANDOM_COUNT })}></canvas>
      </section>
      ${this.renderError()}
    `;
  }
}

function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
