/**
 * Runs an async refresh at most once at a time: requests made while one runs share a
 * single follow-up, so a stream of `weightschange` events never piles up work. While
 * `busy()` (the model trains), the follow-up waits so that refreshing takes at most
 * `share` of the time: redrawing shares the engine with training and must not starve
 * it. Otherwise (a spec change, a reader moving a slider) it runs at once.
 */
export class Coalescer {
  private requested = 0;
  private done = 0;
  private looping = false;
  private waiters: { target: number; resolve: () => void }[] = [];

  constructor(
    private run: () => Promise<void>,
    private busy: () => boolean = () => true,
    private share = 0.25,
  ) {}

  /** Asks for a refresh; resolves once one that started after this call has finished. */
  request(): Promise<void> {
    this.requested++;
    if (!this.looping) void this.loop();
    return this.settled;
  }

  /** Resolves when every refresh requested so far has run (at once when none is due). */
  get settled(): Promise<void> {
    if (this.done >= this.requested) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ target: this.requested, resolve }));
  }

  private async loop() {
    this.looping = true;
    try {
      while (this.done < this.requested) {
        const target = this.requested;
        const t0 = performance.now();
        try {
          await this.run();
        } catch (e) {
          console.error(e); // refreshes report their own store errors; this is a bug
        } finally {
          this.done = target;
          this.waiters = this.waiters.filter((w) => (w.target <= target ? (w.resolve(), false) : true));
        }
        if (this.requested > target && this.busy()) {
          const took = performance.now() - t0;
          await new Promise((r) => setTimeout(r, (took * (1 - this.share)) / this.share));
        }
      }
    } finally {
      this.looping = false;
    }
  }
}
