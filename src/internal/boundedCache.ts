/**
 * A map that keeps a bounded number of entries, dropping those not used for a while: an
 * approximation of least-recently-used eviction in two generations (as in the "2Q" and segmented
 * LRU caches). New and used entries go to the young generation; when it holds half the capacity
 * it becomes the old one and the previous old generation, whose entries were not used since, is
 * dropped. A hit in the old generation moves the entry back to the young one. At most `capacity`
 * entries are kept, and a look-up costs one or two `Map` reads (a strict LRU reorders a `Map` on
 * every hit, which costs more than the look-up itself in the assessment's memos). For memos of
 * pure computations whose keys are the content or the identity of their inputs: a dropped entry
 * is only computed again.
 */
export class BoundedCache<K, V> {
  #young = new Map<K, V>();
  #old = new Map<K, V>();
  readonly #half: number;

  constructor(capacity: number) {
    this.#half = Math.max(1, Math.floor(capacity / 2));
  }

  /** The value of `key` (kept in the young generation from now on), or undefined. */
  get(key: K): V | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old === undefined) return undefined;
    this.#old.delete(key);
    this.#insert(key, old);
    return old;
  }

  /** Stores `value` under `key`, in the young generation. */
  set(key: K, value: V): void {
    this.#old.delete(key);
    this.#insert(key, value);
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
    return this.#young.size + this.#old.size;
  }

  #insert(key: K, value: V): void {
    this.#young.set(key, value);
    if (this.#young.size >= this.#half) {
      this.#old = this.#young;
      this.#young = new Map();
    }
  }
}
