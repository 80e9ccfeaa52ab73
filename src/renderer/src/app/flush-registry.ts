// Everything that may hold unsaved typing registers a flush here, so that closing the window (or the
// page going away) first sends every pending save.
const flushes = new Set<() => Promise<void>>()

export function registerFlush(flush: () => Promise<void>): () => void {
  flushes.add(flush)
  return () => flushes.delete(flush)
}

/** Sends every pending save and waits for them; failures are reported by each editor, not here. */
export async function flushAll(): Promise<void> {
  await Promise.allSettled([...flushes].map((flush) => flush()))
}
