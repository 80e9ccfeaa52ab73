// File › Import Annotations…: a W3C Web Annotation or Hypothesis JSON file becomes highlights on the
// matching articles; the dialog says how many were placed and lists every annotation that was not, with
// the reason.
import { useEffect, useRef } from 'react'
import type { AnnotationImportSummary } from '../../../shared/ipc/contract'
import { plural } from '../app/format'

export type AnnotationsOutcome = { kind: 'working' } | { kind: 'done'; summary: AnnotationImportSummary } | { kind: 'failed'; message: string }

export function AnnotationsDialog({ outcome, onClose }: { outcome: AnnotationsOutcome; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])
  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby="annotations-title" onClose={onClose}>
      <h2 id="annotations-title">Import annotations</h2>
      {outcome.kind === 'working' ? (
        <p role="status">Placing the annotations…</p>
      ) : outcome.kind === 'failed' ? (
        <p role="alert">{outcome.message}</p>
      ) : (
        <>
          <p role="status">
            {`Placed ${plural(outcome.summary.highlights, 'highlight')}, with ${plural(outcome.summary.notes, 'note')}; ${plural(outcome.summary.themesCreated, 'new theme')}.`}
            {outcome.summary.unplaced.length > 0 ? ` ${plural(outcome.summary.unplaced.length, 'annotation')} could not be placed:` : ''}
          </p>
          {outcome.summary.unplaced.length > 0 ? (
            <ul aria-label="Annotations not placed">
              {outcome.summary.unplaced.map((u, i) => (
                <li key={`${u.annotation}-${i}`}>
                  <strong>{u.annotation}</strong>
                  {u.quote ? ` (“${u.quote.length > 80 ? `${u.quote.slice(0, 80)}…` : u.quote}”)` : ''}: {u.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      <div className="row-actions end">
        <button type="button" onClick={onClose} disabled={outcome.kind === 'working'}>
          Close
        </button>
      </div>
    </dialog>
  )
}
