import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import type { ModelStore } from '../../src/index.js';
import { isStale, StoreTask, type TaskRun } from '../../src/shared/store-task.js';

// StoreTask on its own: a host and stores that are plain objects, and work whose store
// calls end when the test says.

const host = (): ReactiveControllerHost => ({ addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) });
const fakeStore = (id: string, status = 'ready') => ({ id, status }) as unknown as ModelStore;
const ticks = async (n = 20) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

/** Work whose one store call waits for the test; records what it applied and what was reported. */
function setup(options: { store?: () => ModelStore | null; args?: () => readonly unknown[] } = {}) {
  let current: ModelStore | null = fakeStore('a');
  const calls: { resolve: (v: string) => void; reject: (e: unknown) => void; store: ModelStore }[] = [];
  const applied: string[] = [];
  const reported: unknown[] = [];
  const runs: TaskRun[] = [];
  const task = new StoreTask(host(), {
    store: options.store ?? (() => current),
    args: options.args,
    report: (e) => reported.push(e),
    run: async (run) => {
      runs.push(run);
      const value = await run.step(new Promise<string>((resolve, reject) => calls.push({ resolve, reject, store: run.store })));
      applied.push(`${(run.store as unknown as { id: string }).id}:${value}`);
    },
  });
  return { task, calls, applied, reported, runs, setStore: (s: ModelStore | null) => (current = s) };
}

describe('StoreTask', () => {
  it('applies a current run and reports its failure once', async () => {
    const t = setup();
    const done = t.task.request();
    await ticks();
    t.calls[0].resolve('one');
    await done;
    expect(t.applied).to.deep.equal(['a:one']);
    const failed = t.task.request();
    await ticks();
    t.calls[1].reject(new Error('engine stopped'));
    await failed;
    expect(t.reported.map((e) => (e as Error).message)).to.deep.equal(['engine stopped']);
  });

  it('restart aborts the running run: its late result is not applied, its late failure not reported', async () => {
    const t = setup();
    void t.task.request();
    await ticks();
    const settled = t.task.restart();
    expect(t.runs[0].signal.aborted).to.equal(true);
    await ticks();
    expect(t.calls.length).to.equal(2); // the new run started without waiting for the old call
    t.calls[0].reject(new Error('old failure'));
    t.calls[1].resolve('new');
    await settled;
    await ticks();
    expect(t.applied).to.deep.equal(['a:new']);
    expect(t.reported).to.deep.equal([]);
  });

  it('drops the result of a run whose store the element left, and reports nothing of it', async () => {
    const t = setup();
    void t.task.request();
    await ticks();
    t.setStore(fakeStore('b'));
    t.calls[0].resolve('stale');
    await t.task.settled;
    expect(t.applied).to.deep.equal([]);
    expect(t.reported).to.deep.equal([]);
    expect(t.runs[0].signal.aborted).to.equal(true);
  });

  it('folds requests made during a run into one follow-up', async () => {
    const t = setup();
    void t.task.request();
    void t.task.request();
    void t.task.request();
    await ticks();
    expect(t.calls.length).to.equal(1);
    t.calls[0].resolve('first');
    await ticks();
    expect(t.calls.length).to.equal(2);
    t.calls[1].resolve('second');
    await t.task.settled;
    expect(t.applied).to.deep.equal(['a:first', 'a:second']);
  });

  it('aborts and runs again when a watched value changes, not when it stays', async () => {
    let split = 'test';
    const t = setup({ args: () => [split] });
    t.task.hostUpdate();
    void t.task.request();
    await ticks();
    t.task.hostUpdate(); // same value: nothing happens
    expect(t.runs[0].signal.aborted).to.equal(false);
    split = 'all';
    t.task.hostUpdate();
    expect(t.runs[0].signal.aborted).to.equal(true);
    await ticks();
    t.calls[0].resolve('old');
    t.calls[1].resolve('new');
    await t.task.settled;
    expect(t.applied).to.deep.equal(['a:new']);
  });

  it('aborts when the host leaves the page, and runs nothing without a store', async () => {
    const t = setup();
    void t.task.request();
    await ticks();
    t.task.hostDisconnected();
    t.calls[0].resolve('late');
    await t.task.settled;
    expect(t.applied).to.deep.equal([]);
    t.setStore(null);
    await t.task.request();
    expect(t.calls.length).to.equal(1);
  });

  it('step throws the stale sentinel, attempt passes it on, and check throws it once aborted', async () => {
    const unhandled: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => {
      unhandled.push(e.reason);
      e.preventDefault();
    };
    window.addEventListener('unhandledrejection', onRejection);
    const t = setup();
    void t.task.request();
    await ticks();
    const run = t.runs[0];
    t.task.abort();
    let caught: unknown = null;
    try {
      run.check();
    } catch (e) {
      caught = e;
    }
    expect(isStale(caught)).to.equal(true);
    expect(caught).to.not.be.instanceOf(Error);
    let passed: unknown = null;
    await run.attempt(Promise.reject(new Error('x'))).catch((e) => (passed = e));
    expect(isStale(passed)).to.equal(true);
    expect(t.reported).to.deep.equal([]);
    t.calls[0].resolve('late');
    await t.task.settled;
    await new Promise((r) => setTimeout(r, 0)); // unhandled rejections are announced after a task
    window.removeEventListener('unhandledrejection', onRejection);
    expect(unhandled).to.deep.equal([]);
  });
});
