import { expect, fixture, html } from '@open-wc/testing';
import { configure, getConfig, type AeDataSource, type ModelStore } from '../../src/index.js';
import { MAX_FILE_BYTES } from '../../src/elements/ae-data-source/ae-data-source.js';
import { freshStore } from '../helpers.js';

// <ae-data-source>: images dropped from class folders, CSV/TSV files and URLs, every bad
// file written here in the test, each problem listed and fired once, the store kept usable.

const defaults = { ...getConfig() };
type AeEvent = { code: string; message: string; source: string; attribute?: string };

/** A PNG of `h` x `w`: a disc (class "discs", red) or a bar (class "bars", grey), moved by `k`. */
async function png(kind: 'discs' | 'bars', h: number, w: number, k: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, w, h);
  if (kind === 'discs') {
    ctx.fillStyle = `rgb(${200 + k * 3}, 40, 30)`;
    ctx.beginPath();
    ctx.arc(w / 2 + (k % 3) - 1, h / 2, Math.min(h, w) / 3, 0, 2 * Math.PI);
    ctx.fill();
  } else {
    ctx.fillStyle = `rgb(${150 + k * 5}, ${150 + k * 5}, ${150 + k * 5})`;
    ctx.fillRect((k % 4) + 2, 2, 4, h - 4);
  }
  return canvas.convertToBlob({ type: 'image/png' });
}

/** 30 PNGs in two class folders, 15 each, half 20x20 and half 24x16; names carry the folder. */
async function classFolders(): Promise<File[]> {
  const files: File[] = [];
  for (const kind of ['discs', 'bars'] as const) {
    for (let k = 0; k < 15; k++) {
      const [h, w] = k % 2 ? [24, 16] : [20, 20];
      files.push(new File([await png(kind, h, w, k)], `shapes/${kind}/${kind}-${k}.png`, { type: 'image/png' }));
    }
  }
  return files;
}

/** A file named .png that holds random bytes, and a text file. */
function badFiles(): File[] {
  const noise = new Uint8Array(300);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251;
  return [new File([noise], 'x.png', { type: 'image/png' }), new File(['meow'], 'cat.txt', { type: 'text/plain' })];
}

/** Collects the element's ae-error and ae-data events. */
function record(el: HTMLElement) {
  const errors: AeEvent[] = [];
  const data: AeDataSource['summary'][] = [];
  el.addEventListener('ae-error', (e) => errors.push(e.detail));
  el.addEventListener('ae-data', (e) => data.push(e.detail));
  return { errors, data };
}

const shadow = (el: HTMLElement) => el.shadowRoot!;
const problems = (el: HTMLElement) => [...shadow(el).querySelectorAll('[part~="problems"] li')].map((li) => li.textContent!.trim());

describe('<ae-data-source>', () => {
  let store: ModelStore;
  before(() => configure({ ...defaults, backend: 'wasm' }));
  after(() => configure({ ...defaults }));
  beforeEach(() => (store = freshStore('source')));
  afterEach(() => store.dispose());

  it('keeps folder names in File names (the tests name class folders so)', () => {
    expect(new File([], 'discs/a.png').name).to.equal('discs/a.png');
  });

  it('takes 30 PNGs of two sizes dropped from two class folders: the chosen size, the folder classes, bad files skipped with reasons; it trains and leaks nothing', async () => {
    const el = await fixture<AeDataSource>(html`<ae-data-source model=${store.id} size="24x20"></ae-data-source>`);
    const { errors, data } = record(el);
    const dt = new DataTransfer();
    for (const f of [...(await classFolders()), ...badFiles()]) dt.items.add(f);
    const zone = shadow(el).querySelector<HTMLButtonElement>('button[part~="drop-zone"]')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 50)); // the drop handler reads its files first
    await el.updateComplete;

    expect(data.length, JSON.stringify(errors)).to.equal(1);
    const detail = data[0]!;
    expect(detail.n).to.equal(30);
    expect(detail.shape).to.deep.equal({ kind: 'image', height: 24, width: 20, channels: 3 });
    expect(detail.classes).to.deep.equal([
      { name: 'bars', count: 15 },
      { name: 'discs', count: 15 },
    ]);
    expect(detail.skipped.map((s) => s.name).sort()).to.deep.equal(['cat.txt', 'x.png']);
    expect(detail.skipped.find((s) => s.name === 'cat.txt')!.reason).to.equal('not an image');
    expect(detail.skipped.find((s) => s.name === 'x.png')!.reason).to.match(/could not be decoded/);
    expect(el.summary).to.deep.equal(detail);

    // One ae-error for the skipped files, dataset-invalid, naming them.
    expect(errors.length).to.equal(1);
    expect(errors[0].code).to.equal('dataset-invalid');
    expect(errors[0].message).to.contain('x.png').and.contain('cat.txt');
    expect(errors[0].message).to.contain('The images came in 2 sizes'); // resized, and said so
    expect(problems(el)).to.have.members(['cat.txt: not an image', 'x.png: could not be decoded as an image']);
    const summary = shadow(el).querySelector('[part~="summary"]')!.textContent!;
    expect(summary).to.contain('30 images').and.contain('24x20x3 image').and.contain('2 sizes').and.contain('resized to 24x20');
    const strip = shadow(el).querySelector<HTMLCanvasElement>('canvas[part~="thumbnails"]')!;
    expect([strip.width, strip.height]).to.deep.equal([12 * 20, 24]);

    const ds = await store.dataset();
    expect([ds.n, ds.height, ds.width, ds.channels]).to.deep.equal([30, 24, 20, 3]);
    expect(ds.classNames).to.deep.equal(['bars', 'discs']);
    expect(Array.from(ds.labels!).filter((l) => l === 1).length).to.equal(15);
    expect(Math.max(...ds.images)).to.be.at.most(1);
    expect(Math.min(...ds.images)).to.be.at.least(0);
    await expect(el).to.be.accessible();

    const before = (await store.memory()).numTensors;
    await store.train({ epochs: 1 });
    const trained = (await store.memory()).numTensors;
    await el.addFiles(await classFolders()); // the same data again: a new dataset, the old one freed
    expect(data.length).to.equal(2);
    expect((await store.memory()).numTensors).to.equal(before);
    await store.train({ epochs: 1 });
    expect((await store.memory()).numTensors).to.equal(trained);
  });

  it('addFiles: a label function names the classes, channels="1" makes grey, size="16" is 16x16', async () => {
    const el = await fixture<AeDataSource>(html`<ae-data-source model=${store.id} size="16" channels="1"></ae-data-source>`);
    const files = await classFolders();
    await el.addFiles(files, { label: (file) => (file.name.includes('-1') ? 'teens' : 'others') });
    expect(el.summary!.shape).to.deep.equal({ kind: 'image', height: 16, width: 16, channels: 1 });
    expect(el.summary!.classes.map((c) => c.name)).to.deep.equal(['others', 'teens']);
    const ds = await store.dataset();
    expect(ds.channels).to.equal(1);
    // Files at the top level (no folders) have no classes.
    const flat = await Promise.all([0, 1, 2, 3].map(async (k) => new File([await png('bars', 16, 16, k)], `b${k}.png`, { type: 'image/png' })));
    await el.addFiles(flat);
    expect(el.summary!.n).to.equal(4);
    expect(el.summary!.classes).to.deep.equal([]);
    expect(shadow(el).querySelector('[part~="summary"]')!.textContent).to.not.contain('resized');
  });

  it('a CSV with a header and a label column: classes, standardised, a ragged row and a non-numeric cell skipped and listed', async () => {
    const el = await fixture<AeDataSource>(html`<ae-data-source model=${store.id} label-column="kind"></ae-data-source>`);
    const { errors, data } = record(el);
    const lines = ['a,b,kind,c'];
    for (let i = 0; i < 40; i++) lines.push(`${i},${100 + 2 * i},${i % 4 ? 'normal' : 'odd'},${(i * 37) % 11}`);
    lines.splice(12, 0, '1,2,normal'); // line 13: ragged
    lines.splice(20, 0, '1,abc,odd,3'); // line 21: not a number
    await el.addFiles([new File([lines.join('\n')], 'rows.csv', { type: 'text/csv' })]);
    expect(data.length).to.equal(1);
    expect(data[0]!.n).to.equal(40);
    expect(data[0]!.shape).to.deep.equal({ kind: 'vector', length: 3 });
    expect(data[0]!.classes).to.deep.equal([
      { name: 'odd', count: 10 },
      { name: 'normal', count: 30 },
    ]);
    expect(problems(el)).to.deep.equal(['line 13: has 3 cells; the header has 4', 'line 21: column "b" is "abc", not a number']);
    expect(errors.map((e) => e.code)).to.deep.equal(['dataset-invalid']);
    const ds = await store.dataset();
    expect(ds.sample).to.equal('vector');
    expect(ds.scaling, 'standardised by default').to.not.equal(undefined);
    expect(ds.classNames).to.deep.equal(['odd', 'normal']);
    await expect(el).to.be.accessible();

    el.setAttribute('standardize', 'false');
    await el.updateComplete;
    expect(data.length, 'the same file loads again').to.equal(2);
    expect((await store.dataset()).scaling).to.equal(undefined);
    expect(store.spec.outputActivation).to.equal('linear'); // kept from the standardised data

    // train-labels: the model trains on the normal rows only; the odd ones are all in the test split.
    el.setAttribute('train-labels', 'normal');
    await el.updateComplete;
    expect(data.length).to.equal(3);
    const split = await store.dataset();
    expect(Array.from(split.trainIndices).every((i) => split.labels![i] === 1)).to.equal(true);
    expect(Array.from(split.testIndices).filter((i) => split.labels![i] === 0).length).to.equal(10);
    expect(shadow(el).querySelector('[part~="summary"]')!.textContent).to.contain('trains on "normal" only');
    el.setAttribute('train-labels', 'normal, weird');
    await el.updateComplete;
    const last = errors.at(-1)!;
    expect(last).to.include({ code: 'input-invalid', attribute: 'train-labels' });
    expect(last.message).to.contain('train-labels="normal, weird"').and.contain('"weird"').and.contain('the classes are "odd", "normal"');
    expect(await store.dataset()).to.equal(split);
  });

  it('an empty file and a one-row CSV are refused with dataset-invalid, and the store keeps its data', async () => {
    const el = await fixture<AeDataSource>(html`<ae-data-source model=${store.id}></ae-data-source>`);
    await el.addFiles([new File(['x,y\n1,2\n3,4\n5,6\n7,8\n'], 'good.csv')]);
    const good = await store.dataset();
    expect(good.n).to.equal(4);
    const { errors, data } = record(el);
    await el.addFiles([new File([''], 'empty.csv')]);
    expect(errors.map((e) => e.code)).to.deep.equal(['dataset-invalid']);
    expect(errors[0].message).to.contain('empty.csv is empty');
    expect(shadow(el).querySelector('.error[role="alert"]')!.textContent).to.contain('empty.csv is empty');
    await el.addFiles([new File(['x,y\n1,2\n'], 'one.csv')]);
    expect(errors.map((e) => e.code)).to.deep.equal(['dataset-invalid', 'dataset-invalid']);
    expect(errors[1].message).to.match(/one\.csv.*at least 2 to train on/);
    expect(shadow(el).querySelector('.error')!.textContent).to.not.contain('empty.csv');
    expect(data).to.deep.equal([]);
    expect(await store.dataset()).to.equal(good);
    expect(el.summary).to.equal(null);
    // The store still trains; the next good file clears the message.
    await store.train({ epochs: 1 });
    await el.addFiles([new File(['x,y\n1,2\n3,4\n5,6\n'], 'ok.csv')]);
    expect(shadow(el).querySelector('.error')).to.equal(null);
    expect(data.length).to.equal(1);
  });

  it(`refuses a file over ${MAX_FILE_BYTES / 2 ** 20} MB before reading it`, async () => {
    const el = await fixture<AeDataSource>(html`<ae-data-source model=${store.id}></ae-data-source>`);
    const { errors } = record(el);
    const mb = new Uint8Array(2 ** 20);
    const big = new File(Array.from({ length: MAX_FILE_BYTES / 2 ** 20 + 1 }, () => mb), 'huge.csv', { type: 'text/csv' });
    await el.addFiles([big]);
    expect(errors.length).to.equal(1);
    expect(errors[0].code).to.equal('dataset-invalid');
    expect(errors[0].message).to.equal('huge.csv is 201 MB; files over 200 MB are refused.');
  });

  it('src: the shipped heartbeat CSV with its label column, and a dataset file through the store', async () => {
    const el = await fixture<AeDataSource>(html`<ae-data-source model=${store.id} src="/data/ecg-beats.csv" label-column="label"></ae-data-source>`);
    await el.updateComplete;
    expect(el.summary!.n).to.equal(2500);
    expect(el.summary!.shape).to.deep.equal({ kind: 'vector', length: 140 });
    expect(el.summary!.classes.find((c) => c.name === 'normal')!.count).to.equal(2000);
    expect(el.summary!.skipped).to.deep.equal([]);
    const strip = shadow(el).querySelector<HTMLCanvasElement>('canvas[part~="thumbnails"]')!;
    expect(strip.width).to.be.above(0);
    await expect(el).to.be.accessible();

    // A dataset file the store loads itself; another store's data is a conflict.
    const other = freshStore('source-bin');
    const bin = await fixture<AeDataSource>(html`<ae-data-source model=${other.id} src="mnist-10k"></ae-data-source>`);
    await bin.updateComplete;
    expect(bin.summary!.n).to.equal(2000);
    expect(bin.summary!.shape).to.deep.equal({ kind: 'image', height: 28, width: 28, channels: 1 });
    expect(bin.summary!.classes.length).to.equal(10);
    const { errors } = record(el);
    el.src = 'emoji-32';
    await el.updateComplete;
    expect(errors.map((e) => e.code)).to.deep.equal(['data-conflict']);
    await other.dispose();

    // A missing URL.
    el.src = '/data/no-such.csv';
    await el.updateComplete;
    expect(errors.map((e) => e.code)).to.deep.equal(['data-conflict', 'dataset-fetch-failed']);
    expect(errors[1].message).to.contain('404');
  });

  it('a sprite sheet by src with tile and a labels file: a grid, and the tfjs MNIST layout with one-hot labels', async () => {
    /** Tile k: grey level 10k + 20 with a bright pixel at (k % 8, k % 8), so each tile is known. */
    const tileValue = (k: number, y: number, x: number) => (y === k % 8 && x === k % 8 ? 255 : 10 * k + 20);
    async function sheet(w: number, h: number, place: (k: number, y: number, x: number) => [number, number] | null, tiles: number): Promise<Blob> {
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d')!;
      const img = ctx.createImageData(w, h);
      for (let k = 0; k < tiles; k++) {
        for (let y = 0; y < 8; y++) {
          for (let x = 0; x < 8; x++) {
            const [px, py] = place(k, y, x)!;
            const o = (py * w + px) * 4;
            img.data.fill(tileValue(k, y, x), o, o + 3);
            img.data[o + 3] = 255;
          }
        }
      }
      ctx.putImageData(img, 0, 0);
      return canvas.convertToBlob({ type: 'image/png' });
    }
    const put = (name: string, body: Blob | Uint8Array<ArrayBuffer>, type: string) => fetch(`/__files/${name}`, { method: 'PUT', body: new Blob([body]), headers: { 'content-type': type } });
    // A grid of 5 x 4 tiles of 8x8 (40x32 pixels), one label byte per tile.
    await put('grid.png', await sheet(40, 32, (k, y, x) => [(k % 5) * 8 + x, Math.floor(k / 5) * 8 + y], 20), 'image/png');
    await put('grid-labels.bin', Uint8Array.from({ length: 20 }, (_, k) => k % 2), 'application/octet-stream');
    const el = await fixture<AeDataSource>(html`<ae-data-source model=${store.id} src="/__files/grid.png" tile="8x8" labels="/__files/grid-labels.bin"></ae-data-source>`);
    await el.updateComplete;
    expect(el.summary!.n).to.equal(20);
    expect(el.summary!.shape).to.deep.equal({ kind: 'image', height: 8, width: 8, channels: 1 });
    expect(el.summary!.classes).to.deep.equal([
      { name: '0', count: 10 },
      { name: '1', count: 10 },
    ]);
    let ds = await store.dataset();
    for (const k of [0, 7, 13, 19]) {
      expect(Math.round(ds.images[k * 64 + 1] * 255), `tile ${k}`).to.equal(tileValue(k, 0, 1));
      expect(Math.round(ds.images[k * 64 + (k % 8) * 9] * 255), `tile ${k}'s bright pixel`).to.equal(255);
    }
    expect(Array.from(ds.labels!.slice(0, 4))).to.deep.equal([0, 1, 0, 1]);

    // The MNIST layout: one flattened 8x8 tile per pixel row of a 64-pixel-wide sheet; labels one-hot, 3 classes.
    await put('rows.png', await sheet(64, 12, (k, y, x) => [y * 8 + x, k], 12), 'image/png');
    const oneHot = new Uint8Array(12 * 3);
    for (let k = 0; k < 12; k++) oneHot[k * 3 + (k % 3)] = 1;
    await put('rows-labels.bin', oneHot, 'application/octet-stream');
    el.labels = '/__files/rows-labels.bin';
    el.src = '/__files/rows.png';
    await el.updateComplete;
    expect(el.summary!.n).to.equal(12);
    ds = await store.dataset();
    expect(Math.round(ds.images[5 * 64 + 3] * 255)).to.equal(tileValue(5, 0, 3));
    expect(Array.from(ds.labels!.slice(0, 6))).to.deep.equal([0, 1, 2, 0, 1, 2]);

    // A labels file of the wrong length, an image without tile, a bad tile.
    const { errors } = record(el);
    await put('short.bin', new Uint8Array(5), 'application/octet-stream');
    el.labels = '/__files/short.bin';
    await el.updateComplete;
    expect(errors.at(-1)!.code).to.equal('dataset-invalid');
    expect(errors.at(-1)!.message).to.contain('has 5 bytes; the sprite has 12 tiles');
    el.removeAttribute('tile');
    await el.updateComplete;
    expect(errors.at(-1)!.message).to.contain('give its tile size');
    el.setAttribute('tile', '4x4');
    await el.updateComplete;
    expect(errors.at(-1)!).to.include({ code: 'input-invalid', attribute: 'tile' });
    expect(errors.at(-1)!.message).to.contain('tile="4x4"');
  });

  it('bad size, channels and standardize are input-invalid and name the attribute', async () => {
    const el = await fixture<AeDataSource>(html`<ae-data-source model=${store.id}></ae-data-source>`);
    const { errors } = record(el);
    for (const [attribute, value] of [['size', '7'], ['size', '28x200'], ['size', 'big'], ['channels', '2'], ['standardize', 'maybe']]) {
      el.setAttribute(attribute, value);
      await el.updateComplete;
      const last = errors.at(-1)!;
      expect(last.code).to.equal('input-invalid');
      expect(last.attribute).to.equal(attribute);
      expect(last.message).to.contain(`${attribute}="${value}"`);
      el.removeAttribute(attribute);
      await el.updateComplete;
    }
    expect(errors.length).to.equal(5);
    expect(shadow(el).querySelector('.error')).to.equal(null);
  });

  it('the drop zone is a button that opens the file picker (Enter and Space act as a click)', async () => {
    const el = await fixture<AeDataSource>(html`<ae-data-source model=${store.id}></ae-data-source>`);
    const zone = shadow(el).querySelector('[part~="drop-zone"]')!;
    expect(zone.localName).to.equal('button');
    const input = shadow(el).querySelector<HTMLInputElement>('input[type="file"][multiple]')!;
    let opened = 0;
    input.addEventListener('click', (e) => {
      e.preventDefault(); // no real dialog in the test
      opened++;
    });
    (zone as HTMLButtonElement).click();
    expect(opened).to.equal(1);
    expect(shadow(el).querySelector('input[webkitdirectory]')).to.not.equal(null);
    expect(shadow(el).querySelector('[role="status"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
