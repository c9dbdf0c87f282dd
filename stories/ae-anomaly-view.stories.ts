import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/ae-anomaly-view/define.js';
import { commonArgTypes, number } from './controls.js';

type Args = {
  model: string;
  theme?: 'light' | 'dark';
  data?: string;
  threshold?: number;
  top?: number;
  bins?: number;
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
    @ae-error=${a.onAeError}
  ></ae-anomaly-view>`,
  argTypes: {
    ...commonArgTypes,
    threshold: number(0, 0.2, 0.001),
    top: number(0, 40),
    bins: number(5, 200),
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
