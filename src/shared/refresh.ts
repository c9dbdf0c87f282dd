/**
 * Runs an async refresh at most once at a time: a request made while one runs queues a
 * single follow-up, so a stream of `weightschange` events never piles up work. A
 * follow-up also waits so that refreshing takes at most `share` of the time: redrawing
 * a plot shares the engine with training, and should not starve it.
 */
export class Coalescer {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private run: () => Promise<void>,
    private share = 0.25,
  ) {}

  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = null));
    return this.running;
  }

  private async loop() {
    do {
      this.again = false;
      const t0 = performance.now();
      await this.run();
      if (this.again) {
        const took = performance.now() - t0;
        await new Promise((r) => setTimeout(r, (took * (1 - this.share)) / this.share));
      }
    } while (this.again);
  }

  /** Resolves when no refresh is running. */
  get settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
}
