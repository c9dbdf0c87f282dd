import type { ArgTypes } from '@storybook/web-components-vite';
import { PRESETS } from '../src/store/presets.js';
import { BUNDLED_DATA } from '../src/store/data-sources.js';

// Controls for the attributes; descriptions and types come from custom-elements.json.

export const select = (options: readonly string[], labels?: Record<string, string>) => ({ options: [...options], control: { type: 'select' as const, labels } });

export const number = (min: number, max: number, step = 1) => ({ control: { type: 'number' as const, min, max, step } });

export const text = { control: { type: 'text' as const } };

export const THEMES = ['light', 'dark'] as const;

/** The attributes every element shares (from its base class). */
export const commonArgTypes: ArgTypes = {
  model: { ...text, description: `Store id to join. Presets (pretrained): ${Object.keys(PRESETS).join(', ')}; any other id is a fresh model.` },
  theme: select(THEMES),
  data: { ...text, description: `Data of a store this element creates: ${BUNDLED_DATA.join(', ')}, or a dataset file's URL. Default: the preset's own, else mnist-10k.` },
};
