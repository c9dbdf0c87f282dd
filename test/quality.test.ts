import { expect } from '@open-wc/testing';
import * as lib from '../src/index.js';
// @ts-expect-error plain JS shared with scripts/quality.mjs
import { failures, measurePreset } from '../scripts/lib/quality.mjs';

// The shipped weights in weights/, loaded by preset id as a page loads them, must clear
// the quality bar on the test split (`npm run quality` prints the full table).
/** Test MSE bounds well below each dataset's mean-image baseline (MNIST 0.067, emoji 0.073). */
const BELOW: Record<string, number> = { 'mnist-10k': 0.045, 'emoji-32': 0.05 };
/** Codes held to a prior of ten fixed gaussians trade some reconstruction (its own check: below PCA-2). */
const PRESET_BELOW: Record<string, number> = { 'mnist-aae-2d': 0.055 };

describe('shipped preset weights', () => {
  before(() => lib.configure({ backend: 'wasm' }));

  for (const id of Object.keys(lib.PRESETS)) {
    it(`${id} loads its weights and clears its quality checks`, async () => {
      const row = await measurePreset(lib, id, { checksOnly: true });
      expect(row.pretrained, 'weights loaded').to.equal(true);
      const bound = PRESET_BELOW[id] ?? BELOW[lib.PRESETS[id].data ?? 'mnist-10k'];
      expect(row.testMse, `far below the mean-image baseline of its data`).to.be.below(bound);
      expect(failures(row), JSON.stringify(row)).to.deep.equal([]);
      await lib.getModelStore(id).dispose();
    });
  }
});
