// The passages behind one cell of an analysis: each quote with who says it, its note, and a link that
// opens the article at the passage.
import { useId } from 'react'
import type { AnalysisPassage } from '../../../shared/ipc/contract'
import { formatCount, plural } from '../app/format'
import { hrefFor } from '../app/route'

export interface OpenCell {
  /** "fatherhood in ‘K-Pops!’…", "heritage with identity", "Anderson .Paak on heritage". */
  title: string
  passages: AnalysisPassage[] | null
  total: number
  error: string | null
}

export function PassagesList({ cell, onClose }: { cell: OpenCell; onClose: () => void }) {
  const headingId = useId()
  return (
    <section className="analysis-passages" aria-labelledby={headingId}>
      <div className="analysis-passages-head">
        <h2 id={headingId}>Passages: {cell.title}</h2>
        <button type="button" onClick={onClose}>
          Close passages
        </button>
      </div>
      {cell.error !== null ? (
        <p role="alert" className="theme-error">
          The passages could not be loaded: {cell.error}
        </p>
      ) : cell.passages === null ? (
        <p role="status" className="loading">
          Gathering passages…
        </p>
      ) : (
        <>
          <p role="status" className="count">
            {cell.passages.length < cell.total ? `The first ${formatCount(cell.passages.length)} of ${plural(cell.total, 'passage')}.` : plural(cell.total, 'passage') + '.'}
          </p>
          <ol className="passages-list" aria-label={`Passages: ${cell.title}`}>
            {cell.passages.map((p) => (
              <li key={p.highlightId} className="passage">
                <blockquote>{p.quote}</blockquote>
                <p className="passage-source">
                  {p.speakers.length > 0 ? <span className="passage-speaker">{p.speakers.join(' and ')}</span> : null}
                  {p.speakers.length > 0 ? ', in ' : 'In '}
                  <span className={p.untitled ? 'untitled' : undefined}>{p.articleTitle}</span>
                </p>
                {p.note !== '' ? (
                  <p className="passage-note">
                    <span className="passage-note-label">Note: </span>
                    {p.note}
                  </p>
                ) : null}
                <a
                  className="passage-open"
                  href={hrefFor(
                    p.start !== null && p.end !== null
                      ? { name: 'article', id: p.articleId, at: { start: p.start, end: p.end } }
                      : { name: 'article', id: p.articleId, highlightId: p.highlightId }
                  )}
                  aria-label={`Open at passage: ${p.quote.slice(0, 60)}`}
                >
                  Open at passage
                </a>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
