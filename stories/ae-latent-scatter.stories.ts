import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/ae-latent-scatter/define.js';
import { commonArgTypes, select, text } from './controls.js';

type Args = {
  model: string;
  theme?: 'light' | 'dark';
  data?: string;
  split?: 'all' | 'train' | 'test';
  dims?: string;
  compare?: 'pca' | '';
  scores?: boolean;
  onAeError?: (e: Event) => void;
  onAeDecode?: (e: Event) => void;
  onAeSelect?: (e: Event) => void;
};

const meta: Meta<Args> = {
  title: 'Elements/ae-latent-scatter',
  component: 'ae-latent-scatter',
  tags: ['autodocs'],
  render: (a) => html`<ae-latent-scatter
    model=${a.model}
    theme=${ifDefined(a.theme)}
    data=${ifDefined(a.data)}
    split=${ifDefined(a.split)}
    dims=${ifDefined(a.dims)}
    compare=${ifDefined(a.compare)}
    ?scores=${a.scores}
    @ae-error=${a.onAeError}
    @ae-decode=${a.onAeDecode}
    @ae-select=${a.onAeSelect}
  ></ae-latent-scatter>`,
  argTypes: {
    ...commonArgTypes,
    split: select(['test', 'train', 'all']),
    dims: text,
    compare: select(['pca', ''], { pca: 'pca', '': '(none)' }),
    scores: { control: { type: 'boolean' } },
  },
  args: { model: 'mnist-ae-2d', split: 'test', compare: '', scores: false },
};
export default meta;

type Story = StoryObj<Args>;

/** The pretrained 2-D autoencoder's codes of the 2,000 test digits. Hover a point to see its digit; click to decode. */
export const Default: Story = {};

/** All 10,000 digits: the 8,000 train images load first. */
export const AllImages: Story = {
  args: { split: 'all' },
};

/** The same test images projected by PCA beside the autoencoder's codes. */
export const CompareWithPca: Story = {
  args: { compare: 'pca' },
};

/** Each map's 5-nearest-neighbour accuracy (test codes against train codes) and test MSE beside its title. */
export const WithScores: Story = {
  args: { compare: 'pca', scores: true },
};

/** The UMAP-regularised autoencoder's map of the test digits, with its scores. */
export const UmapRegularised: Story = {
  args: { model: 'mnist-umap-ae-2d', scores: true },
};

/** A VAE's latent space: the codes are the means of each image's distribution. */
export const VaeLatent: Story = {
  args: { model: 'mnist-vae-2d' },
};

/** A 16-number code, shown on two chosen code dimensions. */
export const ChosenDims: Story = {
  args: { model: 'mnist-ae-16', dims: '3,7' },
};

/** The emoji test split on a 2-D code, coloured by category (names in the legend), beside PCA's map. */
export const EmojiCategories: Story = {
  args: { model: 'emoji-ae-2d', compare: 'pca' },
};
