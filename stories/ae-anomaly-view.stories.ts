import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/ae-anomaly-view/define.js';
import { getModelStore, parseTable } from '../src/index.js';
import { commonArgTypes, number, text } from './controls.js';

type Args = {
  model: string;
  theme?: 'light' | 'dark';
  data?: string;
  threshold?: number;
  top?: number;
  bins?: number;
  'anomaly-label'?: string;
  onAeError?: (e: Event) => void;
};

const meta: Meta<Args> = {
  title: 'Elements/ae-anomaly-view',
  component: 'ae-anomaly-view',
  tags: ['autodocs'],
  render: (a) => html`<ae-anomaly-view
    model=${a.model}
    theme=${ifDefined(a.theme)}
    data=${ifDefined(a.data)}
    threshold=${ifDefined(a.threshold)}
    top=${ifDefined(a.top)}
    bins=${ifDefined(a.bins)}
    anomaly-label=${ifDefined(a['anomaly-label'])}
    @ae-error=${a.onAeError}
  ></ae-anomaly-view>`,
  argTypes: {
    ...commonArgTypes,
    threshold: number(0, 0.2, 0.001),
    top: number(0, 40),
    bins: number(5, 200),
    'anomaly-label': text,
  },
  args: { model: 'mnist-ae-2d', top: 8, bins: 40 },
};
export default meta;

type Story = StoryObj<Args>;

/** Test-split errors of the 2-D autoencoder; the threshold flags the worst 2%. Draw a letter on the pad. */
export const Default: Story = {};

/** The 16-D autoencoder reconstructs better: a tighter histogram. A fixed threshold, fine bins. */
export const SixteenD: Story = { args: { model: 'mnist-ae-16', threshold: 0.03, bins: 80, theme: 'dark' } };

/** The emoji the colour model rebuilds worst. */
export const Emoji: Story = { args: { model: 'emoji-ae', top: 8 } };

/** The store of the heartbeat story: data/ecg-beats.csv, trained on normal beats once per page. */
const ECG_STORE = 'ecg-beats-story';
let ecgReady: Promise<void> | null = null;

function trainOnNormalBeats(): Promise<void> {
  ecgReady ??= (async () => {
    const csv = await (await fetch(new URL('data/ecg-beats.csv', document.baseURI))).text();
    const { input } = parseTable(csv, { labelColumn: 'label', name: 'ecg-beats' });
    const store = getModelStore(ECG_STORE);
    await store.setSpec({ hidden: [64], latentDim: 8, activation: 'relu', codeActivation: 'linear' });
    await store.setDataset({ ...input, trainLabels: ['normal'] });
    await store.train({ epochs: 15, batchSize: 32, learningRate: 2e-3 });
  })();
  return ecgReady;
}

/**
 * Synthetic heartbeats (data/ecg-beats.csv, 140 points each, from the ECGSYN model): a
 * dense 140-64-8 autoencoder trained here on normal beats only (15 epochs, a few
 * seconds). The worst beats are drawn with their reconstruction over them; with
 * `anomaly-label` naming the four anomaly classes, the view adds precision and recall at
 * the threshold and the ROC curve with its AUC.
 */
export const Heartbeats: Story = {
  args: { model: ECG_STORE, 'anomaly-label': 'pvc, st-elevation, t-inversion, af', top: 6, bins: 60 },
  loaders: [async () => ({ trained: await trainOnNormalBeats() })],
};
