// The library: every article with its title, outlet, date, kind and length; sortable by each column
// and filtered as the user types.
import { useCallback, useEffect, useState, type CSSProperties } from 'react'
import type { ArticleSummary, ThemeSummary } from '../../../shared/ipc/contract'
import { formatCount, plural } from '../app/format'
import { hrefFor } from '../app/route'
import { ArticleTable } from './ArticleTable'
import { prepareAhead, type SortKey, type SortOrder } from './order'

interface Props {
  articles: ArticleSummary[]
  total: number
  order: SortOrder
  onOrder: (order: SortOrder) => void
  query: string
  onQuery: (query: string) => void
  themes: ThemeSummary[]
  /** Moves the ticked articles to the Trash (the app offers Undo). */
  onTrash: (ids: string[]) => void
}

export function LibraryView({ articles, total, order, onOrder, query, onQuery, themes, onTrash }: Props) {
  usePreparedAhead(articles)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  // Only articles still listed stay ticked (after a filter, a delete, an import).
  const ticked = articles.filter((a) => selected.has(a.id)).map((a) => a.id)
  const onSelect = useCallback((id: string, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  }, [])
  const onSelectAll = (on: boolean): void => setSelected(on ? new Set(articles.map((a) => a.id)) : new Set())
  const sortBy = (key: SortKey): void =>
    onOrder({ key, direction: order.key === key && order.direction === 'ascending' ? 'descending' : 'ascending' })

  return (
    <main className="library" aria-labelledby="library-title">
      <div className="library-head">
        <h1 id="library-title">Library</h1>
        <input
          type="search"
          className="filter"
          aria-label="Filter articles"
          placeholder="Filter by title, outlet, author or words in the text…"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
        />
        <p className="count" role="status">
          {articles.length === total ? plural(total, 'article') : `${formatCount(articles.length)} of ${plural(total, 'article')}`}
        </p>
      </div>
      {ticked.length > 0 ? (
        <div className="selection-bar" role="toolbar" aria-label="Selected articles">
          <span>{plural(ticked.length, 'article')} selected</span>
          <button
            type="button"
            onClick={() => {
              onTrash(ticked)
              setSelected(new Set())
            }}
          >
            Move to Trash
          </button>
          <button type="button" onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
        </div>
      ) : null}
      <ArticleTable articles={articles} order={order} onSort={sortBy} selected={selected} onSelect={onSelect} onSelectAll={onSelectAll} />
      {articles.length === 0 ? <p className="empty">No article matches “{query}”.</p> : null}
      <section className="theme-summary" aria-labelledby="theme-summary-title">
        <h2 id="theme-summary-title">Themes</h2>
        <ul>
          {themes.map((theme) => (
            <li key={theme.id}>
              <a href={hrefFor({ name: 'theme', id: theme.id })}>
                <span className="swatch" style={{ '--swatch': theme.color } as CSSProperties} aria-hidden="true" />
                <span className="name">{theme.name}</span>
                <span className="counts">
                  {theme.highlightCount} {theme.highlightCount === 1 ? 'highlight' : 'highlights'} · {theme.articleCount}{' '}
                  {theme.articleCount === 1 ? 'article' : 'articles'}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}

/** Folds and collates the library while the page is idle, so the first keystroke or title sort is quick. */
function usePreparedAhead(shown: readonly ArticleSummary[]): void {
  useEffect(() => {
    let handle = 0
    const work = (deadline: IdleDeadline): void => {
      while (deadline.timeRemaining() > 4) if (!prepareAhead(shown, 250)) return
      handle = requestIdleCallback(work)
    }
    handle = requestIdleCallback(work)
    return () => cancelIdleCallback(handle)
  }, [shown])
}
