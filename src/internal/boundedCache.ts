/**
 * A map that keeps at most `capacity` entries and drops the least recently used one when a new
 * entry would exceed it (a `Map` keeps insertion order, so the first key is the oldest; a hit
 * moves its entry to the end). For memos of pure computations whose keys are the content of their
 * inputs: a dropped entry is only computed again.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** The value of `key`, marked as the most recently used, or undefined. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Stores `value` under `key`, dropping the least recently used entry when full. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
  }

  /** The value of `key`, computed by `compute` and stored when absent. */
  getOrCompute(key: K, compute: () => V): V {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = compute();
    this.set(key, value);
    return value;
  }

  /** Number of entries held. */
  get size(): number {
    return this.#entries.size;
  }
}
