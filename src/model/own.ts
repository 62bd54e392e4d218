/**
 * Records keyed by ids that come from documents (node ids, prop names): `constructor` is a valid node id,
 * and `rec[id]` on a plain object would read `Object.prototype.constructor` for it. Read such records with
 * `own` / `hasOwn` (also objects that crossed a worker boundary, which structured clone gives a prototype),
 * and build them with `dict()` (no prototype).
 */

/** `rec[key]` when `rec` has it as its own property, else undefined (never an inherited member). */
export function own<T>(rec: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return rec != null && Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}

/** True when `rec` has `key` as its own property (`key in rec` is also true for `constructor`). */
export function hasOwn(rec: object | null | undefined, key: string): boolean {
  return rec != null && Object.prototype.hasOwnProperty.call(rec, key);
}

/** An empty record with no prototype, for keys that come from documents. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
