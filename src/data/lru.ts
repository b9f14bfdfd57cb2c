/**
 * A `Map` that keeps at most `limit` entries, forgetting the least recently
 * used first. Caches keyed by values a page controls (a `src`, a time zone, a
 * locale) use it, so a long-lived page that sees many distinct values does
 * not grow without end.
 */
export class LruMap<K, V> extends Map<K, V> {
  constructor(readonly limit: number) {
    super();
  }

  /** The value under `key`, which becomes the most recently used. */
  override get(key: K): V | undefined {
    if (!super.has(key)) return undefined;
    // Re-inserting moves the entry to the end of the Map's insertion order.
    const value = super.get(key) as V;
    super.delete(key);
    super.set(key, value);
    return value;
  }

  override set(key: K, value: V): this {
    super.delete(key);
    super.set(key, value);
    // A Map iterates in insertion order, so its first key is the least recently used.
    while (this.size > this.limit) super.delete(super.keys().next().value as K);
    return this;
  }

  /** The value under `key`, made by `create` (and remembered) when missing. */
  getOrCreate(key: K, create: () => V): V {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = create();
    this.set(key, value);
    return value;
  }
}
