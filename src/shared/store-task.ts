import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ModelStore } from '../store/model-store.js';
import { Coalescer } from './refresh.js';

/**
 * What a stale run's steps throw. The class is private to this module and its one
 * instance never leaves a run: `StoreTask` swallows it, and `isStale()` lets other
 * catch blocks pass it on instead of reporting it.
 */
class StaleRun {
  readonly reason = 'The element moved on (new store, model, data or attributes); this result is dropped.';
}
const STALE: unknown = Object.freeze(new StaleRun());

/** Whether `error` is the sentinel a stale run's step throws (pass it on; never report it). */
export function isStale(error: unknown): boolean {
  return error === STALE;
}

/** One run of a `StoreTask`: the store it works on, and steps that end it once it is stale. */
export interface TaskRun {
  /** The store this run works on. */
  readonly store: ModelStore;
  /**
   * Aborts when the run goes stale: the element bound another store (new `model` or
   * `data`), a watched attribute changed, `restart()` started a newer run, or the element
   * left the page.
   */
  readonly signal: AbortSignal;
  /**
   * Awaits `work` and returns its value; throws the private stale sentinel as soon as the
   * run is aborted (without waiting for `work`, whose result or failure is then dropped).
   * Write `const codes = await run.step(run.store.codes('test'))`: no check after it.
   */
  step<T>(work: T | PromiseLike<T>): Promise<T>;
  /** Like `step`, but a failure is reported (if the run is current) and gives undefined. */
  attempt<T>(work: T | PromiseLike<T>): Promise<T | undefined>;
  /** Throws the stale sentinel if the run has been aborted. */
  check(): void;
}

/** How a `StoreTask` finds its store, does its work and reports failures. */
export interface StoreTaskOptions {
  /** The store to work on now; null runs nothing. */
  store: () => ModelStore | null;
  /** The work of one run; it reads the element's state and applies its results itself. */
  run: (run: TaskRun) => Promise<void>;
  /** Reports a failure of a current run (a stale run's failures are dropped). */
  report: (error: unknown) => void;
  /**
   * Values the work depends on, read after each host update (after `willUpdate`): when
   * one changes (`Object.is`), the running run is aborted and a new one starts.
   */
  args?: () => readonly unknown[];
  /** Whether follow-ups are spaced out (default: while the store trains). */
  busy?: () => boolean;
  /** Share of the time runs may take while busy (default 0.25). */
  share?: number;
}

/**
 * A ReactiveController for an element's async store work, in the spirit of `@lit/task`:
 * each run gets the store and an AbortSignal, and a run that goes stale (another store,
 * a changed watched value, a newer run, the element leaving the page) is abandoned at
 * its next `step`: its results are never applied and its errors never reported.
 *
 * Runs are coalesced: one at a time, and requests made while one runs share a single
 * follow-up. While the store trains, follow-ups wait so that the work takes at most
 * `share` of the time (redrawing shares the engine with training); otherwise, and after
 * an aborted run, the follow-up starts at once. `settled` resolves once every run
 * requested so far has finished.
 */
export class StoreTask implements ReactiveController {
  private current: AbortController | null = null;
  private args: readonly unknown[] | null = null;
  private lastAborted = false;
  private coalescer: Coalescer;

  constructor(
    host: ReactiveControllerHost,
    private options: StoreTaskOptions,
  ) {
    const busy = options.busy ?? (() => options.store()?.status === 'training');
    this.coalescer = new Coalescer(() => this.runOnce(), () => !this.lastAborted && busy(), options.share);
    host.addController(this);
  }

  /** Asks for a run (coalesced with any already due); resolves once one started after this call ends. */
  request(): Promise<void> {
    return this.coalescer.request();
  }

  /** Aborts the running run, if any, and asks for a new one. */
  restart(): Promise<void> {
    this.abort();
    return this.request();
  }

  /** Aborts the running run, if any: its results and errors are dropped. */
  abort(): void {
    this.current?.abort();
  }

  /** Whether a run is in progress. */
  get running(): boolean {
    return this.current !== null;
  }

  /** Resolves when every run requested so far has finished (at once when none is due). */
  get settled(): Promise<void> {
    return this.coalescer.settled;
  }

  hostUpdate() {
    if (!this.options.args) return;
    const next = this.options.args();
    const prev = this.args;
    this.args = next;
    if (prev && (prev.length !== next.length || next.some((v, i) => !Object.is(v, prev[i])))) void this.restart();
  }

  hostDisconnected() {
    this.abort();
  }

  private async runOnce() {
    const store = this.options.store();
    this.lastAborted = false;
    if (!store) return;
    const ac = new AbortController();
    this.current = ac;
    const run = makeRun(store, ac, () => this.options.store() === store, this.options.report);
    try {
      await this.options.run(run);
    } catch (e) {
      if (!isStale(e) && !ac.signal.aborted) this.options.report(e);
    } finally {
      this.lastAborted = ac.signal.aborted;
      if (this.current === ac) this.current = null;
    }
  }
}

function makeRun(store: ModelStore, ac: AbortController, bound: () => boolean, report: (e: unknown) => void): TaskRun {
  const { signal } = ac;
  const check = () => {
    if (!signal.aborted && !bound()) ac.abort(); // the element left this store without saying so
    if (signal.aborted) throw STALE;
  };
  const step = <T>(work: T | PromiseLike<T>): Promise<T> => {
    const pending = Promise.resolve(work);
    try {
      check();
    } catch (e) {
      pending.catch(() => undefined); // a stale run's failures are dropped, not left unhandled
      return Promise.reject(e);
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(STALE);
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          try {
            check();
            resolve(value);
          } catch (e) {
            reject(e);
          }
        },
        (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(signal.aborted || !bound() ? STALE : error);
        },
      );
    });
  };
  const attempt = async <T>(work: T | PromiseLike<T>): Promise<T | undefined> => {
    try {
      return await step(work);
    } catch (e) {
      if (isStale(e)) throw e;
      report(e);
      return undefined;
    }
  };
  return { store, signal, step, attempt, check };
}
