// Redraw cost of <ae-latent-scatter>'s point renderer (the ScatterPlot class itself,
// bundled from src by scripts/bench-elements.mjs) against a plain d3 SVG circle scatter
// of the same points, in the same page.
import { select } from 'd3-selection';
import { scaleLinear } from 'd3-scale';
import { ScatterPlot } from '../src/elements/ae-latent-scatter/scatter-plot.ts';
import { LABEL_COLORS } from '../src/shared/palette.ts';
import { packColors } from '../src/elements/ae-latent-scatter/point-layer.ts';

const SIZE = 480;

function randomPoints(n, seed = 1) {
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const points = new Float32Array(n * 2);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const l = i % 10;
    const [cx, cy] = [Math.cos(l), Math.sin(l)];
    points[i * 2] = cx + (rand() - 0.5) * 1.2;
    points[i * 2 + 1] = cy + (rand() - 0.5) * 1.2;
    labels[i] = l;
  }
  return { points, labels };
}

function host() {
  const div = document.createElement('div');
  div.style.cssText = `position:relative;width:${SIZE}px;height:${SIZE}px`;
  document.body.append(div);
  return div;
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
/** Time of one redraw, including style, layout and paint: until the next frame is produced. */
async function timeFrames(redraw, repeats) {
  const times = [];
  for (let r = 0; r < repeats; r++) {
    await new Promise((ok) => requestAnimationFrame(ok));
    const t0 = performance.now();
    redraw(r);
    document.body.getBoundingClientRect(); // force style and layout now
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Synchronous redraw time only (what blocks the main thread), median of `repeats`. */
function timeSync(redraw, repeats) {
  const times = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    redraw(r);
    document.body.getBoundingClientRect();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function canvasScatter(data) {
  const div = host();
  const canvas = document.createElement('canvas');
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  for (const el of [canvas, svg]) el.style.cssText = 'position:absolute;inset:0;width:100%;height:100%';
  div.append(canvas, svg);
  const colors = packColors(LABEL_COLORS);
  const plot = new ScatterPlot(div, canvas, svg, () => ({ size: 2, colors, unlabelled: colors[0] }));
  plot.resize(SIZE, SIZE, 1);
  plot.setData(data.points, data.labels);
  // A redraw as in pan/zoom or a training refresh: new view, every point repainted.
  const redraw = (r) => {
    plot.zoomBy(r % 2 ? 1 / 1.1 : 1.1);
    plot.draw();
  };
  return { redraw, dispose: () => (plot.dispose(), div.remove()) };
}

function svgScatter(data) {
  const div = host();
  const svg = select(div).append('svg').attr('width', SIZE).attr('height', SIZE);
  const n = data.labels.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  const x = scaleLinear().domain([-2, 2]).range([0, SIZE]);
  const y = scaleLinear().domain([-2, 2]).range([SIZE, 0]);
  const circles = svg
    .selectAll('circle')
    .data(idx)
    .join('circle')
    .attr('r', 1)
    .attr('fill', (i) => LABEL_COLORS[data.labels[i]]);
  const redraw = (r) => {
    const k = r % 2 ? 1 : 1.1;
    circles.attr('cx', (i) => x(data.points[i * 2] * k)).attr('cy', (i) => y(data.points[i * 2 + 1] * k));
  };
  redraw(0);
  return { redraw, dispose: () => div.remove() };
}

window.benchScatter = async ({ sizes, svgMax, repeats }) => {
  const rows = [];
  for (const n of sizes) {
    const data = randomPoints(n);
    const row = { n };
    const c = canvasScatter(data);
    row.canvasMs = timeSync(c.redraw, repeats);
    row.canvasFrameMs = await timeFrames(c.redraw, Math.min(repeats, 10));
    c.dispose();
    if (n <= svgMax) {
      const t0 = performance.now();
      const s = svgScatter(data);
      row.svgBuildMs = performance.now() - t0;
      row.svgMs = timeSync(s.redraw, Math.max(3, Math.min(repeats, Math.round(2e6 / n))));
      row.svgFrameMs = await timeFrames(s.redraw, 5);
      s.dispose();
    }
    rows.push(row);
  }
  return rows;
};
window.benchReady = true;
