import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/ae-data-source/define.js';
import type { AeDataSource } from '../src/elements/ae-data-source/ae-data-source.js';
import { commonArgTypes, select, text } from './controls.js';

type Args = {
  model: string;
  theme?: 'light' | 'dark';
  src?: string;
  size?: string;
  channels?: string;
  labelColumn?: string;
  standardize?: string;
  onAeData?: (e: Event) => void;
  onAeError?: (e: Event) => void;
};

const meta: Meta<Args> = {
  title: 'Elements/ae-data-source',
  component: 'ae-data-source',
  tags: ['autodocs'],
  render: (a) => html`<ae-data-source
    model=${a.model}
    theme=${ifDefined(a.theme)}
    src=${ifDefined(a.src)}
    size=${ifDefined(a.size)}
    channels=${ifDefined(a.channels)}
    label-column=${ifDefined(a.labelColumn)}
    standardize=${ifDefined(a.standardize)}
    @ae-data=${a.onAeData}
    @ae-error=${a.onAeError}
  ></ae-data-source>`,
  argTypes: {
    model: commonArgTypes.model,
    theme: commonArgTypes.theme,
    src: { ...text, description: 'A CSV/TSV file, a dataset file (*.bin) or a bundled dataset name (mnist-10k, emoji-32).' },
    size: text,
    channels: select(['1', '3']),
    labelColumn: text,
    standardize: select(['true', 'false']),
  },
  args: { model: 'story-data' },
};
export default meta;

type Story = StoryObj<Args>;

/** Drop images (a folder of class folders names the classes) or one CSV/TSV file, or press the zone to pick them. */
export const DropZone: Story = { args: { model: 'story-drop', size: '28x28' } };

/** The shipped heartbeat CSV: 2,500 beats of 140 points, five classes in its `label` column, standardised per column. */
export const HeartbeatCsv: Story = { args: { model: 'story-ecg', src: 'data/ecg-beats.csv', labelColumn: 'label' } };

/** A dataset file the store loads itself: the bundled MNIST test part, with its ten digit classes. */
export const DatasetFile: Story = { args: { model: 'story-bin', src: 'mnist-10k' } };

type Draw = (g: OffscreenCanvasRenderingContext2D, side: number, k: number) => void;

/** Two classes of drawn shapes: bars and discs, in varied colours. */
const SHAPES: [string, Draw][] = [
  ['bars', (g, side, k) => g.fillRect(side * (0.2 + (k % 3) * 0.2), side * 0.1, side * 0.2, side * 0.8)],
  ['discs', (g, side, k) => (g.beginPath(), g.arc(side / 2, side / 2, side * (0.2 + (k % 3) * 0.08), 0, 2 * Math.PI), g.fill())],
];

async function shape(draw: Draw, side: number, k: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(side, side);
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, side, side);
  g.fillStyle = `hsl(${(k * 47) % 360} 70% 40%)`;
  draw(g, side, k);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** 24 PNGs of 40x40 in the folders bars/ and discs/, made here (no image ships with the library). */
async function shapeFiles(): Promise<File[]> {
  const files: File[] = [];
  for (const [name, draw] of SHAPES) {
    for (let k = 0; k < 12; k++) files.push(new File([await shape(draw, 40, k)], `${name}/${name}-${k}.png`, { type: 'image/png' }));
  }
  return files;
}

/** A sprite sheet of 24x24 tiles (a grid of 8 x 4 shapes) and its labels file (one byte per tile), as blob URLs. */
async function shapeSprite(): Promise<{ sheet: string; labels: string }> {
  const [cols, rows, side] = [8, 4, 24];
  const sheet = new OffscreenCanvas(cols * side, rows * side);
  const g = sheet.getContext('2d')!;
  const labels = new Uint8Array(cols * rows);
  for (let k = 0; k < cols * rows; k++) {
    labels[k] = k % 2;
    g.drawImage(await createImageBitmap(await shape(SHAPES[labels[k]][1], side, k)), (k % cols) * side, Math.floor(k / cols) * side);
  }
  return { sheet: URL.createObjectURL(await sheet.convertToBlob({ type: 'image/png' })), labels: URL.createObjectURL(new Blob([labels])) };
}

/** Image files from class folders, given with `addFiles()` (as a drop or the folder picker would): resized to 24x24, classes from the folders. */
export const ImageFolders: Story = {
  args: { model: 'story-images', size: '24' },
  loaders: [async () => ({ files: await shapeFiles() })],
  render: (a, { loaded }) => html`<ae-data-source
    model=${a.model}
    size=${ifDefined(a.size)}
    data-expect-data
    ${ref((el) => el && void (el as AeDataSource).updateComplete.then(() => (el as AeDataSource).addFiles(loaded.files as File[])))}
  ></ae-data-source>`,
};

/** A sprite sheet by `src`, cut into `tile`-sized images, with a `labels` file of one byte per tile. */
export const SpriteSheet: Story = {
  args: { model: 'story-sprite' },
  loaders: [async () => shapeSprite()],
  render: (a, { loaded }) => html`<ae-data-source model=${a.model} src=${loaded.sheet as string} tile="24x24" labels=${loaded.labels as string}></ae-data-source>`,
};
