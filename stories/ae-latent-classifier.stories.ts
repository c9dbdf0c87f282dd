import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/ae-latent-classifier/define.js';
import '../src/elements/ae-draw-pad/define.js';
import '../src/elements/ae-trainer/define.js';
import { commonArgTypes, number, text } from './controls.js';

type Args = {
  model: string;
  theme?: 'light' | 'dark';
  data?: string;
  k?: number;
  draw?: boolean;
  pad?: string;
  onAeError?: (e: Event) => void;
};

const classifier = (a: Args) => html`<ae-latent-classifier
  model=${a.model}
  theme=${ifDefined(a.theme)}
  data=${ifDefined(a.data)}
  k=${ifDefined(a.k)}
  pad=${ifDefined(a.pad)}
  ?draw=${a.draw}
  @ae-error=${a.onAeError}
></ae-latent-classifier>`;

const meta: Meta<Args> = {
  title: 'Elements/ae-latent-classifier',
  component: 'ae-latent-classifier',
  tags: ['autodocs'],
  render: classifier,
  argTypes: {
    ...commonArgTypes,
    k: number(1, 50),
    draw: { control: { type: 'boolean' } },
    pad: text,
  },
  args: { model: 'mnist-ae-2d', k: 5, draw: false },
};
export default meta;

type Story = StoryObj<Args>;

/** The lab's 2-D code against PCA-2 and raw pixels: kNN-5 on the 2,000 test digits. */
export const Default: Story = {};

/** Draw a digit on the element's own pad: its code is classified, and the nearest training digits shown. */
export const Draw: Story = { args: { draw: true } };

/** A 16-number code, its 16-component PCA, and a wider vote (k = 15), in the dark theme. */
export const SixteenD: Story = { args: { model: 'mnist-ae-16', k: 15, theme: 'dark' } };

/** One nearest neighbour decides: k = 1. */
export const OneNeighbour: Story = { args: { k: 1 } };

/** The drawing comes from an `<ae-draw-pad>` elsewhere on the page, named by its id in `pad`. */
export const PadElsewhere: Story = {
  args: { pad: 'story-pad' },
  render: (a) => html`<div style="display: flex; gap: 1rem; align-items: flex-start; flex-wrap: wrap">
    <ae-draw-pad id="story-pad" label="Draw a digit for the classifier"></ae-draw-pad>
    <div style="flex: 1 1 32rem">${classifier(a)}</div>
  </div>`,
};

/** Colour emoji in nine categories, by their class names; a grey drawing cannot stand in for them, so the pad gives way to a note. */
export const Emoji: Story = { args: { model: 'emoji-ae', draw: true } };

/** A fresh lab model: press Train and watch the code's accuracy climb while PCA and pixels stay put. */
export const WhileTraining: Story = {
  args: { model: 'story-classifier-lab' },
  render: (a) => html`<ae-trainer model=${a.model} epochs="5" code-activation="linear" loss="bce"></ae-trainer>
    <div style="margin-top: 1rem">${classifier(a)}</div>`,
};
