import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/ae-draw-pad/define.js';
import { number, select, text, THEMES } from './controls.js';

type Args = { height: number; width: number; label: string; theme?: 'light' | 'dark'; onAeDraw?: (e: Event) => void; onAeError?: (e: Event) => void };

const meta: Meta<Args> = {
  title: 'Elements/ae-draw-pad',
  component: 'ae-draw-pad',
  tags: ['autodocs'],
  render: (a) => html`<ae-draw-pad height=${a.height} width=${a.width} label=${a.label} theme=${ifDefined(a.theme)} @ae-draw=${a.onAeDraw} @ae-error=${a.onAeError}></ae-draw-pad>`,
  // The pad takes sides from 8 to 128 (the library's image sides); others are reported in the pad.
  argTypes: { height: number(8, 128), width: number(8, 128), label: text, theme: select(THEMES) },
  args: { height: 28, width: 28, label: 'Drawing pad: draw a digit with mouse, touch or pen' },
};
export default meta;

/** Draw with mouse, touch or pen; each stroke fires `ae-draw` with a 28x28 image. */
export const Default: StoryObj<Args> = {};

/** A 16x16 image, in the dark theme. */
export const SmallDark: StoryObj<Args> = { args: { height: 16, width: 16, theme: 'dark' } };
