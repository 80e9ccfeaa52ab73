// Everything that may hold unsaved typing registers a flush here, so that closing the window (or the
// page going away) first sends every pending save.
/** A flush resolves to false when what it held could not be saved (the editor says why). */
const flushes = new Set<() => Promise<boolean>>()

export function registerFlush(flush: () => Promise<boolean>): () => void {
  flushes.add(flush)
  return () => flushes.delete(flush)
}

/** Sends every pending save and waits for them; true when everything is saved. */
export async function flushAll(): Promise<boolean> {
  const results = await Promise.allSettled([...flushes].map((flush) => flush()))
  return results.every((result) => result.status === 'fulfilled' && result.value)
}
