// Autosave for an editor: a save a short moment after typing stops, on request (window closing), and
// never a silent loss: a failed save is reported, and the text stays in the editor to be saved again.
import { useCallback, useRef, useState } from 'react'
import { messageOf } from '../../api'
import { useFlushOnLeave } from '../../app/flush-registry'

export const AUTOSAVE_DELAY_MS = 700

export type SaveState = { kind: 'saved' } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'failed'; message: string }

export function useAutosave<T>(save: (value: T) => Promise<void>): {
  state: SaveState
  schedule: (value: T) => void
  /** Saves what is pending now; resolves to false when it could not be saved. */
  flush: () => Promise<boolean>
} {
  const [state, setState] = useState<SaveState>({ kind: 'saved' })
  const pending = useRef<{ value: T } | null>(null)
  const timer = useRef<number | undefined>(undefined)
  const running = useRef<Promise<boolean>>(Promise.resolve(true))
  const saveRef = useRef(save)
  saveRef.current = save

  const flush = useCallback((): Promise<boolean> => {
    window.clearTimeout(timer.current)
    // Saves run one after another, so an older text never lands after a newer one.
    running.current = running.current.then(async () => {
      const next = pending.current
      if (!next) return true
      pending.current = null
      setState({ kind: 'saving' })
      try {
        await saveRef.current(next.value)
        setState(pending.current ? { kind: 'unsaved' } : { kind: 'saved' })
        return true
      } catch (error) {
        // Keep what failed unless the user has typed more since: it is saved again with the next try.
        pending.current ??= next
        setState({ kind: 'failed', message: messageOf(error) })
        return false
      }
    })
    return running.current
  }, [])

  const schedule = useCallback(
    (value: T) => {
      pending.current = { value }
      setState((s) => (s.kind === 'failed' ? s : { kind: 'unsaved' }))
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS)
    },
    [flush]
  )

  useFlushOnLeave(flush)

  return { state, schedule, flush }
}
