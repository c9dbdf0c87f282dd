import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/ae-data-source/define.js';
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
