// The library: every article with its title, outlet, date, kind and length; sortable by each column
// and filtered as the user types.
import type { CSSProperties } from 'react'
import type { ArticleSummary, ThemeSummary } from '../../../shared/ipc/contract'
import { formatCount, formatDate } from '../app/format'
import { hrefFor } from '../app/route'
import { displayTitle, type SortKey, type SortOrder } from './order'

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'title', label: 'Title' },
  { key: 'outlet', label: 'Outlet' },
  { key: 'date', label: 'Date' },
  { key: 'kind', label: 'Kind' },
  { key: 'wordCount', label: 'Words', numeric: true }
]

interface Props {
  articles: ArticleSummary[]
  total: number
  order: SortOrder
  onOrder: (order: SortOrder) => void
  query: string
  onQuery: (query: string) => void
  themes: ThemeSummary[]
}

export function LibraryView({ articles, total, order, onOrder, query, onQuery, themes }: Props) {
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
          placeholder="Filter by title, outlet, author…"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
        />
        <p className="count" role="status">
          {articles.length === total ? `${total} articles` : `${articles.length} of ${total} articles`}
        </p>
      </div>
      <table className="articles">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.numeric ? 'numeric' : undefined}
                aria-sort={order.key === column.key ? order.direction : 'none'}
              >
                <button type="button" onClick={() => sortBy(column.key)}>
                  {column.label}
                  <span aria-hidden="true" className="sort-mark">
                    {order.key === column.key ? (order.direction === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {articles.map((article) => (
            <tr key={article.id}>
              <td className="title-cell">
                <a href={hrefFor({ name: 'article', id: article.id })} className={article.title ? undefined : 'untitled'}>
                  {displayTitle(article)}
                  {article.title ? null : '…'}
                </a>
                {article.author ? <span className="byline">{article.author}</span> : null}
                {article.textStatus !== 'ok' ? (
                  <span className="warning">{article.textStatus === 'missing' ? 'Text missing' : 'Text changed outside Liner Notes'}</span>
                ) : null}
              </td>
              <td>{article.outlet}</td>
              <td className="date">{formatDate(article.date)}</td>
              <td className="kind">{article.kind}</td>
              <td className="numeric">{formatCount(article.wordCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
