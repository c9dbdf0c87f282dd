import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/ae-reconstruction-grid/define.js';
import { commonArgTypes, number, text } from './controls.js';

type Args = {
  model: string;
  theme?: 'light' | 'dark';
  data?: string;
  count?: number;
  indices?: string;
  onAeError?: (e: Event) => void;
};

const meta: Meta<Args> = {
  title: 'Elements/ae-reconstruction-grid',
  component: 'ae-reconstruction-grid',
  tags: ['autodocs'],
  render: (a) => html`<ae-reconstruction-grid
    model=${a.model}
    theme=${ifDefined(a.theme)}
    data=${ifDefined(a.data)}
    count=${ifDefined(a.count)}
    indices=${ifDefined(a.indices)}
    @ae-error=${a.onAeError}
  ></ae-reconstruction-grid>`,
  argTypes: {
    ...commonArgTypes,
    count: number(1, 100),
    indices: text,
  },
  args: { model: 'mnist-ae-2d', count: 10 },
};
export default meta;

type Story = StoryObj<Args>;

/** One test digit of each class above its reconstruction by the pretrained 2-D autoencoder. */
export const Default: Story = {};

/** Chosen dataset images (by index) through the 32-D denoising autoencoder. */
export const Indices: Story = {
  args: { model: 'mnist-dae', indices: '0,7,42,123,999,4321' },
};

/** Twenty reconstructions by the 16-D autoencoder, in the dark theme. */
export const DarkSixteenD: Story = {
  args: { model: 'mnist-ae-16', count: 20, theme: 'dark' },
};

/** Colour: 18 test emoji over their reconstructions by the convolutional emoji model (32-number code). */
export const Emoji: Story = {
  args: { model: 'emoji-ae', count: 18 },
};
