import { html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { IMAGE_SIDES } from '../../engine/sample.js';
import { AEBase } from '../../shared/ae-base.js';
import { invalidAttribute, wholeNumber } from '../../shared/attributes.js';
import { rasterize } from '../../shared/rasterize.js';
import { styles } from './ae-draw-pad.styles.js';

/** Resolution strokes are drawn at, before they are reduced to the model's image size. */
const CANVAS = 280;
/** Stroke width on that canvas: about two MNIST pixels once reduced. */
const STROKE = 22;
/** The default `label`: the pad shows it in the page's language (`draw.label`). */
const DEFAULT_LABEL = 'Drawing pad: draw a digit with mouse, touch or pen';

/**
 * @summary A drawing pad for digits: draw with mouse, touch or pen at any display size;
 * the drawing is reduced to a `height` x `width` image prepared like MNIST (fitted to a
 * 20x20 box, centred by its centre of mass).
 *
 * A bad `height` or `width` (not a whole number from 8 to 128) is shown in the pad and
 * fired as `ae-error`; the pad keeps its last good size.
 *
 * @event ae-draw - A stroke ended or the pad was cleared; `detail.image` (Float32Array,
 * 0..1, row-major) and `detail.empty`.
 * @event ae-error - A bad attribute; `detail.code` (`input-invalid`), `detail.message`, `detail.attribute`.
 *
 * @csspart pad - The drawing surface (canvas).
 * @csspart clear - The clear button.
 * @csspart error - The inline error message.
 *
 * @cssproperty --ae-pad-size - Displayed size of the pad (default 168px).
 * @cssproperty --ae-digit-ink - Colour of the ink.
 * @cssproperty --ae-digit-paper - Colour of the paper.
 */
export class AeDrawPad extends AEBase {
  static override styles = [...AEBase.styles, styles];

  /** Height of the image the drawing is reduced to: a whole number of pixels from 8 to 128. */
  @property({ type: Number }) height = 28;
  /** Width of the image the drawing is reduced to: a whole number of pixels from 8 to 128. */
  @property({ type: Number }) width = 28;
  /** Accessible name of the pad (not empty). */
  @property() label: string = 'Drawing pad: draw a digit with mouse, touch or pen';

  /** The size drawings are reduced to: the last good `height` and `width`. */
  private size = { height: 28, width: 28 };

  @state() private empty = true;
  @query('canvas') private canvas!: HTMLCanvasElement;
  private image: Float32Array | null = null;
  private last: { x: number; y: number } | null = null;
  private pointer: number | null = null;

  /** The drawing as an image (`height` x `width` of the last good size, 0..1), or null while the pad is empty. */
  get value(): Float32Array | null {
    return this.empty ? null : (this.image ??= this.reduce());
  }

  /** Wipes the drawing and fires `ae-draw` with an empty image. */
  clear() {
    const ctx = this.canvas?.getContext('2d');
    ctx?.clearRect(0, 0, CANVAS, CANVAS);
    this.empty = true;
    this.image = null;
    this.fire();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const { min, max } = IMAGE_SIDES;
    const before = this.size;
    for (const side of ['height', 'width'] as const) {
      if (!changed.has(side)) continue;
      const value = this.check(side, () => wholeNumber(this, side, this[side] ?? 28, min, max, 'pixels'));
      if (value !== undefined) this.size = { ...this.size, [side]: value };
    }
    if (changed.has('label')) {
      this.check('label', () => {
        if (!this.label?.trim()) throw invalidAttribute(this, 'label', this.label, 'draw.attr.label', {});
      });
    }
    if ((this.size.height !== before.height || this.size.width !== before.width) && !this.empty) {
      this.image = null;
      this.sizeChanged = true;
    }
  }

  private sizeChanged = false;

  protected override updated() {
    if (this.sizeChanged) {
      this.sizeChanged = false;
      this.fire();
    }
  }

  private point(e: PointerEvent) {
    const r = this.canvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / (r.width || 1)) * CANVAS, y: ((e.clientY - r.top) / (r.height || 1)) * CANVAS };
  }

  private down = (e: PointerEvent) => {
    if (this.pointer !== null || e.button > 0) return;
    e.preventDefault();
    this.pointer = e.pointerId;
    try {
      this.canvas.setPointerCapture(e.pointerId);
    } catch {
      // Synthetic or already-released pointers cannot be captured; drawing still works.
    }
    this.last = this.point(e);
    this.stroke(this.last, this.last);
  };

  private move = (e: PointerEvent) => {
    if (e.pointerId !== this.pointer || !this.last) return;
    const p = this.point(e);
    this.stroke(this.last, p);
    this.last = p;
  };

  private up = (e: PointerEvent) => {
    if (e.pointerId !== this.pointer) return;
    this.pointer = null;
    this.last = null;
    this.image = null;
    this.fire();
  };

  private stroke(a: { x: number; y: number }, b: { x: number; y: number }) {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.strokeStyle = getComputedStyle(this).getPropertyValue('--_ink').trim() || '#111';
    ctx.lineWidth = STROKE;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x + 0.01, b.y);
    ctx.stroke();
    this.empty = false;
  }

  /** Reads the ink back (alpha channel) and reduces it to the image size. */
  private reduce(): Float32Array {
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true });
    const { height, width } = this.size;
    const out = new Float32Array(height * width);
    if (!ctx) return out;
    const rgba = ctx.getImageData(0, 0, CANVAS, CANVAS).data;
    const ink = new Float32Array(CANVAS * CANVAS);
    for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4 + 3] / 255;
    return rasterize({ ink, width: CANVAS, height: CANVAS }, height, width);
  }

  private fire() {
    const image = this.value ?? new Float32Array(this.size.height * this.size.width);
    this.emit('ae-draw', { image, empty: this.empty });
  }

  override render() {
    return html`
      <canvas
        part="pad"
        width=${CANVAS}
        height=${CANVAS}
        role="img"
        aria-label=${this.label?.trim() && this.label !== DEFAULT_LABEL ? this.label : this.localize.term('draw.label')}
        @pointerdown=${this.down}
        @pointermove=${this.move}
        @pointerup=${this.up}
        @pointercancel=${this.up}
      ></canvas>
      <button part="clear" @click=${() => this.clear()} ?disabled=${this.empty}>${this.localize.term('draw.clear')}</button>
      ${this.renderError()}
    `;
  }
}
