// One search over the whole archive (Ctrl/Cmd+K, or the search field in the top bar): article texts and
// details, highlights and their notes, memos, notes and theme names. Hits come grouped by kind, best
// first, each with its matched words marked; the arrow keys move through them and Enter opens the one
// chosen — an article at the match, scrolled there and marked.
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { SearchFilters, SearchHit, SearchKind, SearchResult, ThemeSummary } from '../../../shared/ipc/contract'
import { ARTICLE_KINDS } from '../../../shared/model'
import { call, messageOf } from '../api'
import { formatCount } from '../app/format'
import { navigate, type Route } from '../app/route'
import { Snippet } from './Snippet'
import './search.css'

const GROUP_NAMES: Record<SearchKind, string> = { article: 'Articles', highlight: 'Highlights', note: 'Notes', theme: 'Themes' }
const FIELD_NAMES: Record<SearchHit['field'], string> = { text: 'text', details: 'details', memo: 'memo', highlight: 'highlight', note: 'note', theme: 'theme' }

interface Props {
  initialQuery: string
  outlets: readonly string[]
  themes: readonly ThemeSummary[]
  onClose: () => void
}

/** Where a hit opens: an article at its match (or its highlight), a note, a theme's passages. */
export function routeOfHit(hit: SearchHit, query: string): Route {
  if (hit.kind === 'note') return { name: 'note', id: hit.id, find: query }
  if (hit.kind === 'theme') return { name: 'theme', id: hit.id }
  if (hit.kind === 'highlight') return { name: 'article', id: hit.articleId!, highlightId: hit.id }
  return hit.field === 'text' && hit.start !== null && hit.end !== null ? { name: 'article', id: hit.id, at: { start: hit.start, end: hit.end } } : { name: 'article', id: hit.id }
}

export function SearchDialog({ initialQuery, outlets, themes, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const titleId = useId()
  const listId = useId()
  const [query, setQuery] = useState(initialQuery)
  const [filters, setFilters] = useState<SearchFilters>({})
  const [result, setResult] = useState<SearchResult | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const [speakers, setSpeakers] = useState<string[]>([])
  const asked = useRef(0)

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    input.current?.focus()
    call('search:speakers', {}).then(setSpeakers, () => undefined)
  }, [])

  // Each change of query or filters asks again, a moment after typing stops; a late answer to an older
  // question is dropped. While the index is still being built the answer says so, and is asked again.
  useEffect(() => {
    const seq = ++asked.current
    if (query.trim() === '') {
      setResult(null)
      return
    }
    let retry: ReturnType<typeof setTimeout> | undefined
    const ask = (): void => {
      call('search:query', { query, filters, limit: 20 }).then(
        (answer) => {
          if (seq !== asked.current) return
          setResult(answer)
          setProblem(null)
          setActive(0)
          if (answer.status.state === 'building') retry = setTimeout(ask, 1_000)
        },
        (error: unknown) => seq === asked.current && setProblem(messageOf(error))
      )
    }
    const wait = setTimeout(ask, 120)
    return () => {
      clearTimeout(wait)
      clearTimeout(retry)
    }
  }, [query, filters])

  const hits = useMemo(() => result?.groups.flatMap((g) => g.hits) ?? [], [result])
  const open = (hit: SearchHit | undefined): void => {
    if (!hit) return
    onClose()
    navigate(routeOfHit(hit, query))
  }
  const filter = (patch: Partial<SearchFilters>): void =>
    setFilters((current) => {
      const next: SearchFilters = { ...current, ...patch }
      for (const key of Object.keys(next) as (keyof SearchFilters)[]) if (next[key] === undefined || next[key] === '') delete next[key]
      return next
    })

  const status = (() => {
    if (problem) return problem
    if (!result) return query.trim() === '' ? 'Type to search every article, highlight, note and theme.' : 'Searching…'
    const building = result.status.state === 'building' ? ` (still indexing: ${formatCount(result.status.done)} of ${formatCount(result.status.total)})` : ''
    if (hits.length === 0) return `Nothing found${building}.`
    const more = result.groups.some((g) => g.more) ? ' (more not shown: add words or filters)' : ''
    return `${formatCount(hits.length)} ${hits.length === 1 ? 'result' : 'results'}${more}${building}.`
  })()

  let index = -1
  return (
    <dialog ref={dialog} className="search-dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <h2 id={titleId} className="visually-hidden">
        Search
      </h2>
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits.length > 0 ? `${listId}-${active}` : undefined}
        placeholder="Search words, “exact phrases”…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            if (hits.length > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length)
          } else if (e.key === 'Enter') {
            e.preventDefault()
            open(hits[active])
          }
        }}
      />
      <fieldset className="search-filters">
        <legend className="visually-hidden">Filters</legend>
        <label>
          Kind
          <select value={filters.articleKind ?? ''} onChange={(e) => filter({ articleKind: (e.target.value || undefined) as SearchFilters['articleKind'] })}>
            <option value="">Any</option>
            {ARTICLE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind[0]!.toUpperCase() + kind.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outlet
          <select value={filters.outlet ?? ''} onChange={(e) => filter({ outlet: e.target.value || undefined })}>
            <option value="">Any</option>
            {outlets.map((outlet) => (
              <option key={outlet}>{outlet}</option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={filters.from ?? ''} onChange={(e) => filter({ from: e.target.value || undefined })} />
        </label>
        <label>
          To
          <input type="date" value={filters.to ?? ''} onChange={(e) => filter({ to: e.target.value || undefined })} />
        </label>
        <label>
          Theme
          <select value={filters.themeId ?? ''} onChange={(e) => filter({ themeId: e.target.value || undefined })}>
            <option value="">Any</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Speaker
          <select value={filters.speaker ?? ''} onChange={(e) => filter({ speaker: e.target.value || undefined })}>
            <option value="">Anyone</option>
            {speakers.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
      </fieldset>
      <p role="status" className="search-status muted">
        {status}
      </p>
      <div id={listId} role="listbox" aria-label="Results" className="search-results">
        {result?.groups.map((group) => (
          <div role="group" key={group.kind} aria-label={GROUP_NAMES[group.kind]} className="search-group">
            <h3 aria-hidden="true">{GROUP_NAMES[group.kind]}</h3>
            {group.hits.map((hit) => {
              index += 1
              const at = index
              return (
                <div
                  key={`${hit.kind}-${hit.id}`}
                  id={`${listId}-${at}`}
                  role="option"
                  aria-selected={at === active}
                  className="search-hit"
                  onMouseEnter={() => setActive(at)}
                  onClick={() => open(hit)}
                >
                  <span className="search-hit-title">
                    {hit.title}
                    {hit.kind === 'article' && hit.matches > 1 ? <span className="muted"> · {formatCount(hit.matches)} passages</span> : null}
                    {hit.kind === 'article' && hit.field !== 'text' ? <span className="muted"> · in its {FIELD_NAMES[hit.field]}</span> : null}
                  </span>
                  <span className="search-hit-snippet">
                    {hit.speaker ? <span className="search-speaker">{hit.speaker}: </span> : null}
                    <Snippet snippet={hit.snippet} />
                  </span>
                </div>
              )
            })}
          </div>
        ))}
      </div>
      <div className="row-actions end">
        <span className="muted search-help">↑ ↓ to choose, Enter to open, Esc to close</span>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  )
}
