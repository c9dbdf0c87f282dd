import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/ae-denoise-demo/define.js';
import { commonArgTypes, number, select } from './controls.js';

type Args = {
  model: string;
  theme?: 'light' | 'dark';
  data?: string;
  task?: 'denoise' | 'inpaint' | 'superres' | 'colorize';
  noiseType?: 'gaussian' | 'salt-pepper' | 'masking';
  noise?: number;
  block?: number;
  factor?: number;
  seed?: number;
  index?: number;
  source?: 'test' | 'draw';
  onAeError?: (e: Event) => void;
};

const meta: Meta<Args> = {
  title: 'Elements/ae-denoise-demo',
  component: 'ae-denoise-demo',
  tags: ['autodocs'],
  render: (a) => html`<ae-denoise-demo
    model=${a.model}
    theme=${ifDefined(a.theme)}
    data=${ifDefined(a.data)}
    task=${ifDefined(a.task)}
    noise-type=${ifDefined(a.noiseType)}
    noise=${ifDefined(a.noise)}
    block=${ifDefined(a.block)}
    factor=${ifDefined(a.factor)}
    seed=${ifDefined(a.seed)}
    index=${ifDefined(a.index)}
    source=${ifDefined(a.source)}
    @ae-error=${a.onAeError}
  ></ae-denoise-demo>`,
  argTypes: {
    ...commonArgTypes,
    task: select(['denoise', 'inpaint', 'superres', 'colorize']),
    noiseType: { ...select(['gaussian', 'salt-pepper', 'masking']), name: 'noise-type' },
    noise: number(0, 1, 0.05),
    block: number(1, 28),
    factor: select(['2', '4']),
    seed: number(1, 1000),
    index: number(0, 9999),
    source: select(['test', 'draw']),
  },
  args: { model: 'mnist-dae', task: 'denoise', noiseType: 'gaussian', noise: 0.5, seed: 1 },
};
export default meta;

type Story = StoryObj<Args>;

/** A test digit under gaussian noise (σ 0.5), restored by the pretrained denoising autoencoder. */
export const Default: Story = {};

/** Salt-and-pepper noise on a fifth of the pixels. */
export const SaltAndPepper: Story = { args: { noiseType: 'salt-pepper', noise: 0.2 } };

/** Inpainting: a 10-pixel square is blanked and the model fills it in. */
export const Inpaint: Story = { args: { task: 'inpaint', block: 10 } };

/** Super-resolution: the digit is averaged over 4x4 blocks and the model sharpens it. */
export const SuperResolution: Story = { args: { task: 'superres', factor: 4 } };

/** The reader draws the digit. */
export const Draw: Story = { args: { source: 'draw' } };

/** A plain autoencoder was not trained to denoise; the element says so. */
export const PlainModel: Story = { args: { model: 'mnist-ae-2d', theme: 'dark' } };

/** Colour: an emoji downsampled 4x and rebuilt by the emoji model; drawing is off for colour data. */
export const EmojiSuperResolution: Story = { args: { model: 'emoji-ae', task: 'superres', factor: 4 } };

/** Colorization: the grey version of a test emoji, coloured by the emoji colorizer (its task by default), beside the original. */
export const Colorize: Story = { args: { model: 'emoji-colorize', task: undefined, noiseType: undefined, noise: undefined } };
