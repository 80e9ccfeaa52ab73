// The one import the page runs at a time, whichever way it came in (the dialog, a drop, a paste): its
// state for the dialogs, its progress (mapped onto the whole drop when a drop is sent in parts), Cancel,
// and a reload of the library once something was imported.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ImportSummary, Progress } from '../../../shared/ipc/contract'
import { call, messageOf, onProgress } from '../api'
import { hasText, readClipboardIfPermitted, type Paste } from './clipboard'
import { importDroppedFiles, type DropProgress } from './dropped-files'
import { themeClashChoice } from './theme-clash'

export type ImportState =
  | { kind: 'idle' }
  /** The system's file dialog is open: nothing of ours is shown until files come. */
  | { kind: 'choosing' }
  /** The paste target is open, with what went wrong with the last paste, if anything. */
  | { kind: 'pasting'; problem: string | null }
  | { kind: 'working'; progress: Progress | null }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'failed'; message: string }

export interface Importer {
  state: ImportState
  /** An import is running (or its file dialog is open): another cannot start. */
  busy: boolean
  choose(): void
  importFiles(files: File[]): void
  /** New article from clipboard: reads the clipboard where permitted, else opens the paste target. */
  startPaste(): void
  paste(paste: Paste): void
  cancel(): void
  /** Closes the paste target or the summary. */
  close(): void
}

const IMPORTING = 'Importing'
/** How soon a cancel that found no task is asked again: short enough to feel immediate. */
const CANCEL_RETRY_MS = 100
const EMPTY_CLIPBOARD = 'The clipboard holds no text to make an article of. Copy the article’s text, then paste it here.'

/** `onImported` runs after an import that added articles (the App reloads the library list). */
export function useImport(onImported: () => void): Importer {
  const [state, setState] = useState<ImportState>({ kind: 'idle' })
  const running = useRef(false)
  const cancelled = useRef(false)
  const span = useRef<DropProgress | null>(null)
  const imported = useRef(onImported)
  useEffect(() => {
    imported.current = onImported
  }, [onImported])

  useEffect(
    () =>
      onProgress((progress) => {
        // Progress that arrives after the answer (events and answers travel apart) is dropped.
        if (!running.current || progress.task !== IMPORTING) return
        const whole = span.current
        setState({ kind: 'working', progress: whole ? { task: IMPORTING, done: whole.offset + progress.done, total: whole.total } : progress })
      }),
    []
  )

  const run = useCallback(async (first: ImportState, work: () => Promise<ImportSummary>): Promise<void> => {
    if (running.current) return
    running.current = true
    cancelled.current = false
    span.current = null
    setState(first)
    try {
      const summary = await work()
      running.current = false
      // No outcome at all: the user closed the file dialog without choosing (a codebook has no outcome, but a report).
      const nothing = summary.outcomes.length === 0 && (summary.projects ?? []).length === 0
      setState(nothing ? { kind: 'idle' } : { kind: 'done', summary })
      if (summary.imported > 0 || (summary.projects ?? []).length > 0) imported.current()
    } catch (error) {
      running.current = false
      setState({ kind: 'failed', message: messageOf(error) })
    }
  }, [])

  const choose = useCallback(() => void run({ kind: 'choosing' }, () => call('imports:choose', { themes: themeClashChoice() })), [run])

  const importFiles = useCallback(
    (files: File[]) =>
      void run({ kind: 'working', progress: null }, () =>
        importDroppedFiles(files, {
          onBatch: (whole) => {
            span.current = whole
            setState({ kind: 'working', progress: { task: IMPORTING, done: whole.offset, total: whole.total } })
          },
          cancelled: () => cancelled.current,
          themes: themeClashChoice()
        })
      ),
    [run]
  )

  const paste = useCallback(
    (clipboard: Paste) => {
      if (!hasText(clipboard)) setState({ kind: 'pasting', problem: EMPTY_CLIPBOARD })
      else void run({ kind: 'working', progress: null }, () => call('imports:paste', clipboard))
    },
    [run]
  )

  const startPaste = useCallback(() => {
    if (running.current) return
    void readClipboardIfPermitted().then((clipboard) => {
      if (clipboard && hasText(clipboard)) paste(clipboard)
      else setState({ kind: 'pasting', problem: null })
    })
  }, [paste])

  const cancel = useCallback(() => {
    cancelled.current = true
    // A cancel that reaches the core before it has started the task (the files still being read here, or
    // the request on its way) finds nothing to stop: it is asked again until it lands or the import ends.
    const ask = (): void => {
      if (!running.current) return
      call('tasks:cancel', {}).then(
        ({ cancelled: stopped }) => void (stopped ? undefined : setTimeout(ask, CANCEL_RETRY_MS)),
        () => undefined
      )
    }
    ask()
  }, [])

  const close = useCallback(() => {
    if (!running.current) setState({ kind: 'idle' })
  }, [])

  const busy = state.kind === 'choosing' || state.kind === 'working'
  return { state, busy, choose, importFiles, startPaste, paste, cancel, close }
}
