import { expect } from '@open-wc/testing';
import { cellSize, paintSamples } from '../src/shared/render.js';
import { LABEL_COLORS, labelColor, labelColors } from '../src/shared/palette.js';

// The one sample renderer and the label palette, on plain canvases.

const pixel = (canvas: HTMLCanvasElement, x: number, y: number) => [...canvas.getContext('2d')!.getImageData(x, y, 1, 1).data.slice(0, 3)];
const colors = { ink: [200, 0, 0] as [number, number, number], paper: [0, 0, 255] as [number, number, number] };

describe('sample renderer', () => {
  it('paints grey images in ink and paper, colour images as they are, at native size', () => {
    const canvas = document.createElement('canvas');
    const grey = Float32Array.from({ length: 2 * 8 * 8 }, (_, i) => (i % 64 === 0 ? 1 : 0));
    paintSamples(canvas, grey, { height: 8, width: 8, channels: 1 }, { cols: 2, colors });
    expect([canvas.width, canvas.height]).to.deep.equal([16, 8]);
    expect(pixel(canvas, 0, 0)).to.deep.equal(colors.ink);
    expect(pixel(canvas, 1, 0)).to.deep.equal(colors.paper);
    expect(pixel(canvas, 8, 0)).to.deep.equal(colors.ink); // the second image's first pixel

    const rgb = new Float32Array(10 * 10 * 3);
    for (let p = 0; p < 100; p++) rgb.set([1, 0.5, 0], p * 3);
    paintSamples(canvas, rgb, { kind: 'image', height: 10, width: 10, channels: 3 }, { colors });
    expect([canvas.width, canvas.height]).to.deep.equal([10, 10]);
    const [r, g, b] = pixel(canvas, 4, 4);
    expect([r, Math.abs(g - 128) <= 1, b]).to.deep.equal([255, true, 0]);
  });

  it('draws vectors as a line in the ink colour over the paper', () => {
    const canvas = document.createElement('canvas');
    const length = 50;
    const values = Float32Array.from({ length: 2 * length }, (_, i) => Math.sin(i / 5) * 3 - 7); // any range
    paintSamples(canvas, values, { kind: 'vector', length }, { cols: 1, colors });
    const cell = cellSize({ kind: 'vector', length });
    expect([canvas.width, canvas.height]).to.deep.equal([cell.width, 2 * cell.height]);
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] > 150 && data[i + 2] < 100) ink++;
    expect(ink).to.be.above(cell.width); // a line across each of the two cells
    expect(pixel(canvas, 0, 0)).to.deep.equal(colors.paper);
  });

  it('draws an overlay (a reconstruction) over each vector in the accent colour, on the same scale', () => {
    const canvas = document.createElement('canvas');
    const length = 40;
    const accent: [number, number, number] = [0, 200, 0];
    const values = Float32Array.from({ length }, (_, i) => i); // a rising line
    const overlay = Float32Array.from({ length }, () => 100); // flat, far above it: the scale must include it
    paintSamples(canvas, values, { kind: 'vector', length }, { colors: { ...colors, accent }, overlay });
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const rows = (test: (i: number) => boolean) => {
      const ys = new Set<number>();
      for (let i = 0; i < data.length; i += 4) if (test(i)) ys.add(Math.floor(i / 4 / canvas.width));
      return [...ys];
    };
    const inkRows = rows((i) => data[i] > 100 && data[i] > data[i + 1] && data[i] > data[i + 2]);
    const accentRows = rows((i) => data[i + 1] > 100 && data[i + 1] > data[i] && data[i + 1] > data[i + 2]);
    expect(accentRows.length, 'the flat overlay spans few rows').to.be.within(1, 4);
    expect(Math.max(...accentRows), 'the overlay sits at the top').to.be.below(6);
    // The line rising 0..39 reaches only 39% of the shared range 0..100: it stays in the lower part.
    expect(Math.min(...inkRows)).to.be.above(canvas.height * 0.5);
    expect(Math.max(...inkRows)).to.be.at.least(canvas.height - 5);
  });
});

describe('label palette', () => {
  it('keeps the ten colour-blind-safe colours and extends to any number of distinct ones', () => {
    expect(Array.from({ length: 10 }, (_, i) => labelColor(i))).to.deep.equal([...LABEL_COLORS]);
    const many = Array.from({ length: 40 }, (_, i) => labelColor(i));
    for (const c of many) expect(c).to.match(/^#[0-9a-f]{6}$/);
    expect(new Set(many).size).to.equal(40);
  });

  it('lets --ae-label-<n> override any label, past ten too', () => {
    const el = document.createElement('div');
    el.style.setProperty('--ae-label-12', '#123456');
    document.body.append(el);
    const list = labelColors(el, 13);
    expect(list[12]).to.equal('#123456');
    expect(list[11]).to.equal(labelColor(11));
    el.remove();
  });
});
