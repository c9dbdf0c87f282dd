import { expect } from '@open-wc/testing';
import { Coalescer } from '../src/shared/refresh.js';

/** A Coalescer whose runs end when the test says, counting how many started. */
function controlled(busy: boolean) {
  const ends: (() => void)[] = [];
  const coalescer = new Coalescer(() => new Promise<void>((end) => ends.push(end)), () => busy);
  return { coalescer, ends, started: () => ends.length };
}
const ticks = async (n = 20) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

describe('Coalescer', () => {
  it('folds requests made during a run into one follow-up, started at once when the model is idle', async () => {
    const { coalescer, ends, started } = controlled(false);
    void coalescer.request();
    void coalescer.request();
    void coalescer.request();
    expect(started()).to.equal(1);
    ends[0]();
    await ticks(); // no timer in between
    expect(started()).to.equal(2);
    ends[1]();
    await coalescer.settled;
    expect(started()).to.equal(2);
  });

  it('spaces the follow-up out while the model trains, so redraws leave the engine to training', async () => {
    const { coalescer, ends, started } = controlled(true);
    void coalescer.request();
    void coalescer.request();
    ends[0]();
    await ticks();
    expect(started()).to.equal(1); // waiting on a timer
    for (let i = 0; i < 200 && started() < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(started()).to.equal(2);
    ends[1]();
    await coalescer.settled;
  });
});
