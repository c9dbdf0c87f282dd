import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/vae-latent-walk/define.js';
import { commonArgTypes, number, text } from './controls.js';

type Args = {
  model: string;
  theme?: 'light' | 'dark';
  data?: string;
  grid?: number;
  range?: string;
  dims?: string;
  steps?: number;
  from?: number;
  to?: number;
  seed?: number;
  onAeError?: (e: Event) => void;
  onAeDecode?: (e: Event) => void;
};

const meta: Meta<Args> = {
  title: 'Elements/vae-latent-walk',
  component: 'vae-latent-walk',
  tags: ['autodocs'],
  render: (a) => html`<vae-latent-walk
    model=${a.model}
    theme=${ifDefined(a.theme)}
    data=${ifDefined(a.data)}
    grid=${ifDefined(a.grid)}
    range=${ifDefined(a.range)}
    dims=${ifDefined(a.dims)}
    steps=${ifDefined(a.steps)}
    from=${ifDefined(a.from)}
    to=${ifDefined(a.to)}
    seed=${ifDefined(a.seed)}
    @ae-error=${a.onAeError}
    @ae-decode=${a.onAeDecode}
  ></vae-latent-walk>`,
  argTypes: {
    ...commonArgTypes,
    grid: number(2, 30),
    range: text,
    dims: text,
    steps: number(2, 30),
    from: number(0, 9999),
    to: number(0, 9999),
    seed: number(1, 1000),
  },
  args: { model: 'mnist-vae-2d', grid: 15, steps: 10, seed: 1 },
};
export default meta;

type Story = StoryObj<Args>;

/** The pretrained 2-D VAE: the 15x15 manifold over [-3, 3]², a cursor, interpolation, random draws. */
export const Default: Story = {};

/** A wider range shows where the VAE's prior runs out of digits. */
export const WideRange: Story = { args: { grid: 20, range: '-5,5' } };

/** Interpolation between two chosen images in 15 steps. */
export const ChosenPair: Story = { args: { from: 3, to: 10, steps: 15 } };

/** The plain 2-D autoencoder: its grid spans the observed codes, and random values make few digits. */
export const PlainAutoencoder: Story = { args: { model: 'mnist-ae-2d', theme: 'dark' } };

/** The adversarial autoencoder: codes pushed to fill a circle of ten gaussians, one per digit; random values are drawn from that prior. */
export const Adversarial: Story = { args: { model: 'mnist-aae-2d', range: '-4.5,4.5', grid: 15 } };

/** A 16-D code: the grid walks dimensions 2 and 5 with the others at the mean code. */
export const SixteenD: Story = { args: { model: 'mnist-ae-16', dims: '2,5', grid: 10 } };

/** Walking the emoji model's 2-D code: colour images decoded across its observed range. */
export const Emoji: Story = { args: { model: 'emoji-ae-2d', grid: 12 } };
