// An import's progress, then its summary: the counts in one line, and every file with its outcome and
// sentence, refused ones first. Imported articles link to the reader, whose details form is where their
// title, author, outlet, date, URL and kind are checked and corrected.
import { useEffect, useId, useRef, useState } from 'react'
import type { ImportOutcome, ImportSummary, Progress } from '../../../shared/ipc/contract'
import type { Preferences } from '../../../shared/model'
import { formatCount } from '../app/format'
import { hrefFor } from '../app/route'
import { ProjectReports } from './ProjectReports'
import { headline, inDisplayOrder, STATUS_LABELS } from './summary'
import './import.css'

export type ImportDialogState = { kind: 'working'; progress: Progress | null } | { kind: 'done'; summary: ImportSummary } | { kind: 'failed'; message: string }

/** The library's import limits (absent: the defaults), and how to change them. */
export interface LimitsProps {
  limits: ImportLimitPreferences
  onLimits: (patch: ImportLimitPreferences) => void
}

export type ImportLimitPreferences = Pick<Preferences, 'importMaxMegabytes' | 'importMaxSeconds'>

/** The core's defaults (DEFAULT_LIMITS in src/core/import/types.ts), shown when the library sets none. */
export const DEFAULT_MAX_MEGABYTES = 200
export const DEFAULT_MAX_SECONDS = 60

interface Props extends LimitsProps {
  state: ImportDialogState
  onCancel: () => void
  onClose: () => void
}

export function ImportDialog({ state, onCancel, onClose, limits, onLimits }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])

  const working = state.kind === 'working'
  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        if (!working) onClose()
      }}
      onClose={() => {
        if (!working) onClose()
      }}
    >
      <h2 id={titleId}>Import</h2>
      {state.kind === 'working' ? <ImportProgress progress={state.progress} onCancel={onCancel} /> : null}
      {state.kind === 'done' ? <ImportReport summary={state.summary} onOpen={onClose} /> : null}
      {state.kind === 'done' && state.summary.projects ? <ProjectReports projects={state.summary.projects} /> : null}
      {state.kind === 'done' ? <LimitsForm limits={limits} onLimits={onLimits} /> : null}
      {state.kind === 'failed' ? (
        <p role="alert" className="import-failed">
          {state.message}
        </p>
      ) : null}
      <div className="row-actions end">
        <button type="button" onClick={onClose} disabled={working}>
          Close
        </button>
      </div>
    </dialog>
  )
}

function ImportProgress({ progress, onCancel }: { progress: Progress | null; onCancel: () => void }) {
  const [cancelling, setCancelling] = useState(false)
  const counted = progress !== null && progress.total > 1
  return (
    <div className="progress">
      <progress aria-label="Importing" {...(progress && progress.total > 0 ? { value: progress.done, max: progress.total } : {})} />
      <span className="muted">{counted ? `Importing — ${formatCount(progress.done)} of ${formatCount(progress.total)}` : 'Importing…'}</span>
      <button
        type="button"
        disabled={cancelling}
        onClick={() => {
          setCancelling(true)
          onCancel()
        }}
      >
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  )
}

function ImportReport({ summary, onOpen }: { summary: ImportSummary; onOpen: () => void }) {
  const anyArticle = summary.imported + summary.duplicates > 0
  return (
    <>
      <p role="status" className="import-headline">
        {headline(summary)}
      </p>
      {anyArticle ? <p className="muted">Check the details of each imported article: open it to correct them.</p> : null}
      <ul className="import-outcomes" aria-label="Files">
        {inDisplayOrder(summary.outcomes).map((outcome, index) => (
          <OutcomeRow key={`${index}-${outcome.file}`} outcome={outcome} onOpen={onOpen} />
        ))}
      </ul>
    </>
  )
}

function OutcomeRow({ outcome, onOpen }: { outcome: ImportOutcome; onOpen: () => void }) {
  return (
    <li className={`import-outcome ${outcome.status}`}>
      <span className="import-status">{STATUS_LABELS[outcome.status]}</span>
      <span className="import-file">{outcome.file}</span>
      {outcome.articleId !== null ? (
        <a className="import-article" href={hrefFor({ name: 'article', id: outcome.articleId })} onClick={onOpen}>
          {/* An untitled article (a .txt, a paste) is named by its file, as the list has no other name for it. */}
          {outcome.title || `Open ${outcome.file}`}
        </a>
      ) : null}
      {outcome.message !== '' ? <p className="import-message">{outcome.message}</p> : null}
    </li>
  )
}

/**
 * The limits every later import keeps to, kept with the library: a file larger than the size is refused
 * unread, one that takes longer than the time to read is stopped. Open by itself when a file was refused.
 */
function LimitsForm({ limits, onLimits }: LimitsProps) {
  const [megabytes, setMegabytes] = useState(String(limits.importMaxMegabytes ?? DEFAULT_MAX_MEGABYTES))
  const [seconds, setSeconds] = useState(String(limits.importMaxSeconds ?? DEFAULT_MAX_SECONDS))
  const [saved, setSaved] = useState(false)
  const whole = (value: string, most: number): number | null => (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= most ? Number(value) : null)
  const size = whole(megabytes, 4096)
  const time = whole(seconds, 3600)
  return (
    <details className="import-limits">
      <summary>Import limits</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (size === null || time === null) return
          onLimits({ importMaxMegabytes: size, importMaxSeconds: time })
          setSaved(true)
        }}
      >
        <label>
          Largest file (MB)
          <input type="number" min={1} max={4096} step={1} value={megabytes} aria-invalid={size === null} onChange={(e) => (setMegabytes(e.target.value), setSaved(false))} />
        </label>
        <label>
          Longest read (seconds)
          <input type="number" min={1} max={3600} step={1} value={seconds} aria-invalid={time === null} onChange={(e) => (setSeconds(e.target.value), setSaved(false))} />
        </label>
        <button type="submit" disabled={size === null || time === null}>
          Save limits
        </button>
        <span role="status" className="muted">
          {saved ? 'Saved: the next import keeps to these limits.' : size === null || time === null ? 'A whole number of MB from 1 to 4096, and of seconds from 1 to 3600.' : ''}
        </span>
      </form>
    </details>
  )
}
