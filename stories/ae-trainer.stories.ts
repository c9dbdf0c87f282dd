import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { ACTIVATIONS, KINDS, LOSSES, NOISE_TYPES } from '../src/engine/spec.js';
import { GRAPH_METRICS } from '../src/engine/kinds/kind.js';
import '../src/elements/ae-trainer/define.js';
import { commonArgTypes, number, select, text } from './controls.js';

type Args = {
  model: string;
  theme?: 'light' | 'dark';
  data?: string;
  kind?: string;
  'latent-dim'?: number;
  hidden?: string;
  activation?: string;
  'code-activation'?: string;
  loss?: string;
  'noise-type'?: string;
  noise?: number;
  beta?: number;
  sparsity?: number;
  neighbours?: number;
  metric?: string;
  'umap-weight'?: number;
  'min-dist'?: number;
  'learning-rate'?: number;
  'batch-size'?: number;
  epochs?: number;
  onAeError?: (e: Event) => void;
  onAeStatus?: (e: Event) => void;
  onAeEpoch?: (e: Event) => void;
  onAeTrainEnd?: (e: Event) => void;
};

const meta: Meta<Args> = {
  title: 'Elements/ae-trainer',
  component: 'ae-trainer',
  tags: ['autodocs'],
  // Spec attributes left unset keep the store's spec (a preset's pretrained model).
  render: (a) => html`<ae-trainer
    model=${a.model}
    theme=${ifDefined(a.theme)}
    data=${ifDefined(a.data)}
    kind=${ifDefined(a.kind)}
    latent-dim=${ifDefined(a['latent-dim'])}
    hidden=${ifDefined(a.hidden)}
    activation=${ifDefined(a.activation)}
    code-activation=${ifDefined(a['code-activation'])}
    loss=${ifDefined(a.loss)}
    noise-type=${ifDefined(a['noise-type'])}
    noise=${ifDefined(a.noise)}
    beta=${ifDefined(a.beta)}
    sparsity=${ifDefined(a.sparsity)}
    neighbours=${ifDefined(a.neighbours)}
    metric=${ifDefined(a.metric)}
    umap-weight=${ifDefined(a['umap-weight'])}
    min-dist=${ifDefined(a['min-dist'])}
    learning-rate=${ifDefined(a['learning-rate'])}
    batch-size=${ifDefined(a['batch-size'])}
    epochs=${ifDefined(a.epochs)}
    @ae-error=${a.onAeError}
    @ae-status=${a.onAeStatus}
    @ae-epoch=${a.onAeEpoch}
    @ae-train-end=${a.onAeTrainEnd}
  ></ae-trainer>`,
  argTypes: {
    ...commonArgTypes,
    kind: select(KINDS),
    'latent-dim': number(1, 512),
    hidden: text,
    activation: select(ACTIVATIONS),
    'code-activation': select(ACTIVATIONS),
    loss: select(LOSSES),
    'noise-type': select(NOISE_TYPES),
    noise: number(0, 1, 0.05),
    beta: number(0, 10, 0.1),
    sparsity: number(0, 1, 0.0001),
    neighbours: number(2, 100),
    metric: select(GRAPH_METRICS),
    'umap-weight': number(0, 100, 0.5),
    'min-dist': number(0, 3, 0.05),
    'learning-rate': number(0.00001, 0.5, 0.0001),
    'batch-size': number(1, 1024),
    epochs: number(1, 200),
  },
  args: { model: 'mnist-ae-2d', 'learning-rate': 0.001, 'batch-size': 64, epochs: 10 },
};
export default meta;

type Story = StoryObj<Args>;

/** The course lab's 2-D autoencoder with its pretrained weights: press Train to continue from them. */
export const Default: Story = {};

/** A variational autoencoder on its own store: fresh weights, trained live. */
export const Vae: Story = {
  args: { model: 'story-trainer-vae', kind: 'vae', 'latent-dim': 2, hidden: '256,128', activation: 'relu', loss: 'bce', beta: 1, epochs: 5 },
};

/** A denoising autoencoder that masks a third of each input's pixels while training. */
export const Denoising: Story = {
  args: { model: 'story-trainer-dae', kind: 'denoising', 'latent-dim': 32, hidden: '256', 'noise-type': 'masking', noise: 0.3, loss: 'bce', epochs: 5 },
};

/** A sparse autoencoder with a wider code and an L1 penalty on it. */
export const Sparse: Story = {
  args: { model: 'story-trainer-sparse', kind: 'sparse', 'latent-dim': 64, hidden: '256', sparsity: 0.001, 'code-activation': 'relu' },
};

/**
 * A UMAP-regularised autoencoder trained live: the trainer first builds the neighbour
 * graph of the 8,000 train digits ("Building the neighbour graph: n of 8,000 samples"),
 * then trains with two loss lines, reconstruction and UMAP.
 */
export const UmapRegularised: Story = {
  args: { model: 'story-trainer-umap', kind: 'umap-ae', 'latent-dim': 2, hidden: '200,200', 'code-activation': 'linear', loss: 'bce', 'umap-weight': 3, 'learning-rate': 0.003, epochs: 10 },
};

/** The dark theme, forced regardless of the reader's system setting. */
export const Dark: Story = {
  args: { model: 'mnist-vae-2d', theme: 'dark' },
};

/**
 * The convolutional preset. Where its pretrained weights are not shipped, the trainer
 * says so (`weights-missing`) and the model starts from fresh weights, ready to train.
 */
export const ConvPreset: Story = {
  args: { model: 'mnist-conv-ae' },
};

/** A fresh dense autoencoder on the colour emoji (`data="emoji-32"`), 2-number code. */
export const EmojiData: Story = {
  args: { model: 'story-trainer-emoji', data: 'emoji-32', 'latent-dim': 2, hidden: '256', 'code-activation': 'linear', loss: 'bce', epochs: 20 },
};
