import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { PRESETS } from '../src/index.js';

type Args = { model: string };

const meta: Meta<Args> = {
  title: 'Composed/One store, three views',
  argTypes: { model: { control: { type: 'text' } } },
  render: ({ model }) => html`
    <p style="font: 0.9rem/1.4 system-ui, sans-serif; max-width: 60ch">
      All three elements name the same <code>model="${model}"</code>, so they share one model
      store: training in one shows up in the others.
      ${PRESETS[model]
        ? html`The id is a preset, so the model starts from its pretrained weights.`
        : html`The id is not a preset, so the model starts untrained.`}
      Press <strong>Train</strong> and watch the latent codes spread out by digit and the
      reconstructions sharpen, epoch by epoch.
    </p>
    <div style="display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr))">
      <ae-trainer model=${model} epochs="5"></ae-trainer>
      <ae-latent-scatter model=${model} split="test"></ae-latent-scatter>
    </div>
    <ae-reconstruction-grid model=${model} style="margin-top: 1rem"></ae-reconstruction-grid>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** A fresh course-lab autoencoder (784-200-200-2), trained live in the page. */
export const LiveLab: Story = { args: { model: 'story-lab' } };

/** The same three views on the pretrained VAE preset. */
export const PretrainedVae: Story = { args: { model: 'mnist-vae-2d' } };
