import { html, LitElement, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { rasterize } from '../../shared/rasterize.js';
import type { AEEventMap } from '../../shared/events.js';
import { themeStyles } from '../../shared/theme.js';
import { styles } from './ae-draw-pad.styles.js';

/** Resolution strokes are drawn at, before they are reduced to the model's image size. */
const CANVAS = 280;
/** Stroke width on that canvas: about two MNIST pixels once reduced. */
const STROKE = 22;

/**
 * @summary A drawing pad for digits: draw with mouse, touch or pen at any display size;
 * the drawing is reduced to a `height` x `width` image prepared like MNIST (fitted to a
 * 20x20 box, centred by its centre of mass).
 *
 * @event ae-draw - A stroke ended or the pad was cleared; `detail.image` (Float32Array,
 * 0..1, row-major) and `detail.empty`.
 *
 * @csspart pad - The drawing surface (canvas).
 * @csspart clear - The clear button.
 *
 * @cssproperty --ae-pad-size - Displayed size of the pad (default 168px).
 * @cssproperty --ae-digit-ink - Colour of the ink.
 * @cssproperty --ae-digit-paper - Colour of the paper.
 */
export class AeDrawPad extends LitElement {
  static override styles = [themeStyles, styles];

  /** Height of the image the drawing is reduced to. */
  @property({ type: Number }) height = 28;
  /** Width of the image the drawing is reduced to. */
  @property({ type: Number }) width = 28;
  /** Accessible name of the pad. */
  @property() label = 'Drawing pad: draw a digit with mouse, touch or pen';

  @state() private empty = true;
  @query('canvas') private canvas!: HTMLCanvasElement;
  private image: Float32Array | null = null;
  private last: { x: number; y: number } | null = null;
  private pointer: number | null = null;

  /** The drawing as an image (`height` x `width`, 0..1), or null while the pad is empty. */
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

  protected override updated(changed: PropertyValues<this>) {
    if ((changed.has('height') || changed.has('width')) && !this.empty) {
      this.image = null;
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
    const out = new Float32Array(this.height * this.width);
    if (!ctx) return out;
    const rgba = ctx.getImageData(0, 0, CANVAS, CANVAS).data;
    const ink = new Float32Array(CANVAS * CANVAS);
    for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4 + 3] / 255;
    return rasterize({ ink, width: CANVAS, height: CANVAS }, this.height, this.width);
  }

  private fire() {
    const image = this.value ?? new Float32Array(this.height * this.width);
    const detail: AEEventMap['ae-draw'] = { image, empty: this.empty };
    this.dispatchEvent(new CustomEvent('ae-draw', { detail, bubbles: true, composed: true }));
  }

  override render() {
    return html`
      <canvas
        part="pad"
        width=${CANVAS}
        height=${CANVAS}
        role="img"
        aria-label=${this.label}
        @pointerdown=${this.down}
        @pointermove=${this.move}
        @pointerup=${this.up}
        @pointercancel=${this.up}
      ></canvas>
      <button part="clear" @click=${() => this.clear()} ?disabled=${this.empty}>Clear</button>
    `;
  }
}
