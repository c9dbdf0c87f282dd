/**
 * Frees a resource (a model, a dataset copy) once it is retired and no call still holds
 * it: calls read tensors across awaits, and a model rebuilt or a dataset dropped under
 * them must stay readable until they end.
 */
export class Leases<T> {
  private held = new Map<T, number>();
  private retired = new Set<T>();

  constructor(private free: (item: T) => void) {}

  async with<R>(item: T, op: () => Promise<R>): Promise<R> {
    this.held.set(item, (this.held.get(item) ?? 0) + 1);
    try {
      return await op();
    } finally {
      const left = this.held.get(item)! - 1;
      if (left) this.held.set(item, left);
      else {
        this.held.delete(item);
        if (this.retired.delete(item)) this.free(item);
      }
    }
  }

  /** Frees `item` now, or when the last call holding it ends. */
  retire(item: T) {
    if (this.held.has(item)) this.retired.add(item);
    else this.free(item);
  }
}
