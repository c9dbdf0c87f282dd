import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { Dataset } from '../engine/dataset.js';
import type { ModelStore } from '../store/model-store.js';
import { AEElement } from './ae-element.js';
import { Coalescer } from './refresh.js';
import { StoreController } from './store-controller.js';

/**
 * An element that draws from its store's dataset and redraws when the weights or spec
 * change: it loads the data (and the model, so a preset's weights) on first use, runs
 * `refresh` coalesced, and makes `updateComplete` wait for the latest drawing.
 */
export abstract class LiveElement extends AEElement {
  /** The store's dataset, once loaded. */
  protected loaded: Dataset | null = null;
  /** Why the store cannot show what the element expects (a preset's weights are missing, say); outlives attribute errors. */
  @state() protected storeProblem = '';
  /** Counts binds and weight or spec changes: a refresh can skip work its weights already did. */
  protected generation = 0;
  protected refresher = new Coalescer(
    () => this.refreshNow(),
    () => this.stores.store?.status === 'training',
  );
  protected stores = new StoreController(this, {
    bound: () => {
      this.generation++;
      this.storeProblem = '';
      this.loaded = null;
      this.rebound();
      void this.refresher.request();
    },
    problem: (e) => (this.storeProblem = this.reportError(e).message),
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
        this.changed();
      }
    },
  });

  private changed() {
    this.generation++;
    this.storeProblem = ''; // new weights: whatever was missing has been replaced
    void this.refresher.request();
  }

  /** Redraws from the current weights; the dataset is loaded and the store is ready. */
  protected abstract refresh(store: ModelStore, data: Dataset): Promise<void>;

  /** Called when the element binds to a (new) store, before its data loads. */
  protected rebound(): void {}

  /** Called once a store's dataset has loaded. */
  protected dataLoaded(_data: Dataset): void {}

  /**
   * `ds`, or the whole dataset when one of `indices` reaches past it: bundled data starts
   * as its test part, and image numbers past that wait for its train part to load.
   */
  protected async reach(store: ModelStore, ds: Dataset, ...indices: (number | null | undefined)[]): Promise<Dataset> {
    const beyond = indices.some((i) => typeof i === 'number' && Number.isInteger(i) && i >= ds.n);
    if (!beyond || !ds.trainPart) return ds;
    return (await this.attempt(() => store.dataset({ train: true }))) ?? ds;
  }

  /** Waits for the pending render only, not for refreshes: safe inside `refresh`. */
  protected rendered(): Promise<boolean> {
    return super.getUpdateComplete();
  }

  protected override renderError() {
    const extra = this.storeProblem && this.storeProblem !== this.errorMessage ? html`<p class="error" role="alert" part="error">${this.storeProblem}</p>` : nothing;
    return html`${super.renderError()}${extra}`;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.refresher.settled;
    return super.getUpdateComplete();
  }

  private async refreshNow() {
    const store = this.stores.store;
    if (!store || !this.isConnected) return;
    if (!this.loaded) {
      const data = await this.attempt(() => store.dataset());
      if (!data || this.stores.store !== store) return;
      this.loaded = data;
      this.dataLoaded(data);
      // A preset without weights still draws (a fresh model), and says why it looks untrained.
      await store.ready().catch((e) => {
        if (this.stores.store === store) this.storeProblem = this.reportError(e).message;
      });
      if (this.stores.store !== store) return;
    }
    await this.refresh(store, this.loaded);
  }
}
