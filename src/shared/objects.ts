// Small object helpers with no better home.

/** Drops keys whose value is undefined, so a partial patch never erases a field by accident. */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>
}
