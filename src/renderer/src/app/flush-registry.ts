// Everything that may hold unsaved typing registers a flush here, so that closing the window (or the
// page going away) first sends every pending save.
import { useEffect } from 'react'

/** A flush resolves to false when what it held could not be saved (the editor says why). */
const flushes = new Set<() => Promise<boolean>>()

function registerFlush(flush: () => Promise<boolean>): () => void {
  flushes.add(flush)
  return () => flushes.delete(flush)
}

/** Registers `flush` while the component is shown, and runs it when the page goes away or the component does. */
export function useFlushOnLeave(flush: () => Promise<boolean>): void {
  useEffect(() => {
    const unregister = registerFlush(flush)
    const onHide = (): void => void flush()
    window.addEventListener('pagehide', onHide)
    return () => {
      unregister()
      window.removeEventListener('pagehide', onHide)
      void flush()
    }
  }, [flush])
}

/** Sends every pending save and waits for them; true when everything is saved. */
export async function flushAll(): Promise<boolean> {
  const results = await Promise.allSettled([...flushes].map((flush) => flush()))
  return results.every((result) => result.status === 'fulfilled' && result.value)
}
