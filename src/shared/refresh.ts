/**
 * Runs an async refresh at most once at a time: a request made while one runs queues a
 * single follow-up, so a stream of `weightschange` events never piles up work.
 */
export class Coalescer {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private run: () => Promise<void>) {}

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
      await this.run();
    } while (this.again);
  }

  /** Resolves when no refresh is running. */
  get settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
}
