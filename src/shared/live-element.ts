import type { Dataset } from '../engine/dataset.js';
import { AEError } from '../engine/errors.js';
import { AEElement } from './ae-element.js';
import { attributeOf } from './ae-base.js';
import { StoreController } from './store-controller.js';
import { StoreTask, type TaskRun } from './store-task.js';

/** Slots of store-level problems: they outlive attribute errors and clear on a new store or new weights. */
const STORE_SLOTS = ['store', 'model', 'data'];

/**
 * An element that draws from its store's dataset and redraws when the weights or spec
 * change: it loads the data (and the model, so a preset's weights) on first use, runs
 * `refresh` through a `StoreTask` (coalesced; a run on a store, model, data or watched
 * value the element has left is dropped), and makes `updateComplete` wait for the latest
 * drawing.
 */
export abstract class LiveElement extends AEElement {
  /** The store's dataset, once loaded. */
  protected loaded: Dataset | null = null;
  /** Counts binds and weight or spec changes: a refresh can skip work its weights already did. */
  protected generation = 0;
  protected stores = new StoreController(this, {
    bound: () => {
      this.generation++;
      for (const slot of STORE_SLOTS) this.clearError(slot);
      this.loaded = null;
      this.rebound();
      for (const task of this.tasks) task.abort();
      void this.refresher.restart();
    },
    unbound: () => {
      this.refresher.abort();
      for (const task of this.tasks) task.abort();
      this.loaded = null;
      this.rebound();
    },
    problem: (e) => this.reportError(e, attributeOf(e) ?? 'store'),
    weightschange: () => this.changed(),
    specchange: () => this.changed(),
    datachange: ({ detail }) => {
      if (!this.loaded) return; // the next refresh loads it
      if (detail.reason === 'train-split') {
        // Same test images at the same indices, and more: nothing drawn is out of date.
        this.loaded = detail.dataset;
        this.dataLoaded(detail.dataset);
      } else {
        this.loaded = null;
        this.generation++;
        void this.refresher.restart();
      }
    },
  });
  /** Runs `refresh`: on a new store, new weights, a new spec or data, or a change of `watched()`. */
  protected refresher = new StoreTask(this, {
    store: () => this.stores.store,
    run: (run) => this.refreshNow(run),
    report: (e) => this.reportError(e),
    args: () => this.watched(),
  });

  private tasks: StoreTask[] = [];

  /**
   * A further `StoreTask` on the element's store (a cursor decode, say): runs one at a
   * time, requests during a run share one follow-up started at once; aborted when the
   * element binds another store; `updateComplete` waits for it too.
   */
  protected storeTask(work: (run: TaskRun) => Promise<void>): StoreTask {
    const task = new StoreTask(this, { store: () => this.stores.store, run: work, report: (e) => this.reportError(e), busy: () => false });
    this.tasks.push(task);
    return task;
  }

  private changed() {
    this.generation++;
    this.clearError('store'); // new weights: whatever was missing has been replaced
    void this.refresher.request();
  }

  /**
   * Redraws from the current weights; the dataset is loaded and the store is ready.
   * Await store calls through `run.step(...)`: a stale run ends there.
   */
  protected abstract refresh(run: TaskRun, data: Dataset): Promise<void>;

  /** The values `refresh` depends on besides the store: a change aborts a running refresh and starts another. */
  protected watched(): readonly unknown[] {
    return [];
  }

  /** Called when the element binds to a (new) store, before its data loads, and when it leaves its store. */
  protected rebound(): void {}

  /** Called once a store's dataset has loaded. */
  protected dataLoaded(_data: Dataset): void {}

  /**
   * `ds`, or the whole dataset when one of `indices` reaches past it: bundled data starts
   * as its test part, and image numbers past that wait for its train part to load.
   */
  protected async reach(run: TaskRun, ds: Dataset, ...indices: (number | null | undefined)[]): Promise<Dataset> {
    const beyond = indices.some((i) => typeof i === 'number' && Number.isInteger(i) && i >= ds.n);
    if (!beyond || !ds.trainPart) return ds;
    const whole = (await run.attempt(run.store.dataset({ train: true }))) ?? ds;
    if (this.loaded === ds) this.loaded = whole; // as the store's train-split datachange does
    return whole;
  }

  /** What the element says before it has drawn: loading, or that no model is named. */
  protected get waitingText(): string {
    return this.localize.term(this.stores.store ? 'common.loading' : 'common.noModel');
  }

  /** Waits for the pending render only, not for refreshes: safe inside `refresh`. */
  protected rendered(): Promise<boolean> {
    return super.getUpdateComplete();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.refresher.settled;
    await Promise.all(this.tasks.map((t) => t.settled));
    return super.getUpdateComplete();
  }

  private async refreshNow(run: TaskRun) {
    if (!this.isConnected) return;
    if (!this.loaded) {
      const data = await run.step(run.store.dataset());
      this.loaded = data;
      this.dataLoaded(data);
      // A preset without weights still draws (a fresh model), and says why it looks untrained.
      const failure = await run.step(run.store.ready().then(() => null, (e: unknown) => e ?? AEError.of('input-invalid', 'common.loadFailed', undefined)));
      if (failure) this.reportError(failure, 'store');
    }
    await this.refresh(run, this.loaded);
  }
}
