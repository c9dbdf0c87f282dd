import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/ae-draw-pad/define.js';
import { number, text } from './controls.js';

type Args = { height: number; width: number; label: string; onAeDraw?: (e: Event) => void };

const meta: Meta<Args> = {
  title: 'Elements/ae-draw-pad',
  component: 'ae-draw-pad',
  tags: ['autodocs'],
  render: (a) => html`<ae-draw-pad height=${a.height} width=${a.width} label=${a.label} @ae-draw=${a.onAeDraw}></ae-draw-pad>`,
  argTypes: { height: number(8, 64), width: number(8, 64), label: text },
  args: { height: 28, width: 28, label: 'Drawing pad: draw a digit with mouse, touch or pen' },
};
export default meta;

/** Draw with mouse, touch or pen; each stroke fires `ae-draw` with a 28x28 image. */
export const Default: StoryObj<Args> = {};
