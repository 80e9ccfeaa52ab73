// File › Import Annotations…: a W3C Web Annotation or Hypothesis JSON file becomes highlights on the
// matching articles; the dialog says how many were placed and lists every annotation that was not, with
// the reason.
import { useEffect, useId, useRef, useState } from 'react'
import type { AnnotationImportSummary } from '../../../shared/ipc/contract'
import { plural } from '../app/format'

export type AnnotationsOutcome =
  | { kind: 'choosing' }
  | { kind: 'working' }
  | { kind: 'done'; summary: AnnotationImportSummary }
  | { kind: 'failed'; message: string }

interface Props {
  outcome: AnnotationsOutcome
  /** The articles a file's annotations can be placed on, when they name none of the library's. */
  articles: { id: string; title: string }[]
  /** Chooses the file; `articleId` places every annotation on that article, else each on the one it names. */
  onChoose: (articleId: string | null) => void
  onClose: () => void
}

export function AnnotationsDialog({ outcome, articles, onChoose, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const placeId = useId()
  const [articleId, setArticleId] = useState('')
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])
  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby="annotations-title" onClose={onClose}>
      <h2 id="annotations-title">Import annotations</h2>
      {outcome.kind === 'choosing' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            onChoose(articleId === '' ? null : articleId)
          }}
        >
          <p>A W3C Web Annotation file (Liner Notes’ own JSON export, or another tool’s) or a Hypothesis export.</p>
          <label htmlFor={placeId}>Place the annotations on</label>{' '}
          <select id={placeId} value={articleId} onChange={(e) => setArticleId(e.target.value)}>
            <option value="">the article each one names (by its address)</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
          <div className="row-actions end">
            <button type="submit" className="primary">
              Choose file…
            </button>
          </div>
        </form>
      ) : outcome.kind === 'working' ? (
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
