// Finding a highlight to quote in a note: search by the quote's words, its article or its themes,
// optionally within one theme, and insert it with its citation.
import { useEffect, useId, useRef, useState } from 'react'
import type { QuotableHighlight, ThemeSummary } from '../../../../shared/ipc/contract'
import { call, messageOf } from '../../api'
import { formatDate } from '../../app/format'
import { inQuotes } from '../../../../shared/text'

interface Props {
  themes: ThemeSummary[]
  onPick: (found: QuotableHighlight) => void
  onClose: () => void
}

const SEARCH_DELAY_MS = 150

export function QuotationPicker({ themes, onPick, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  const [themeId, setThemeId] = useState('')
  const [results, setResults] = useState<QuotableHighlight[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const titleId = useId()

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])

  useEffect(() => {
    const timer = window.setTimeout(() => {
      call('highlights:search', { query, ...(themeId ? { themeId } : {}), limit: 50 }).then(
        (found) => {
          setResults(found)
          setError(null)
        },
        (failure: unknown) => setError(messageOf(failure))
      )
    }, SEARCH_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [query, themeId])

  return (
    <dialog ref={dialog} className="quotation-picker" aria-labelledby={titleId} onCancel={onClose} onClose={onClose}>
      <h2 id={titleId}>Insert a quotation</h2>
      <div className="picker-filters">
        <input
          type="search"
          aria-label="Search highlights"
          placeholder="Words of the quote, article, theme…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoFocus
        />
        <select aria-label="Only the theme" value={themeId} onChange={(e) => setThemeId(e.target.value)}>
          <option value="">All themes</option>
          {themes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      <ul className="picker-results" aria-label="Highlights found">
        {(results ?? []).map((found) => (
          <li key={found.highlight.id}>
            <button type="button" onClick={() => onPick(found)} aria-label={`Insert ${inQuotes(found.highlight.quote.exact.slice(0, 60))}`}>
              <span className="quote">{inQuotes(found.highlight.quote.exact)}</span>
              <span className="theme-names">
                {[found.speaker, found.articleTitle, found.outlet, formatDate(found.date)].filter(Boolean).join(' · ')}
                {found.themeNames.length ? ` — ${found.themeNames.join(', ')}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {results && results.length === 0 ? <p className="muted">No highlight matches.</p> : null}
      <div className="row-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
