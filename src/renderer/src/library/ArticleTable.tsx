// The library's table of articles, windowed: at 10,000 articles only the rows in view (and a few either
// side) are in the page, with spacer rows keeping the table's full height, so the page scrolls as if
// every row were there. It stays a real table: aria-rowcount and aria-rowindex tell a screen reader the
// whole size and where each row sits, and the row holding keyboard focus is never taken out.
import { memo, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual'
import type { ArticleSummary } from '../../../shared/ipc/contract'
import { formatCount, formatDate } from '../app/format'
import { hrefFor } from '../app/route'
import { displayTitle, type SortKey, type SortOrder } from './order'
import { tableParts, withKeptRow } from './row-window'

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'title', label: 'Title' },
  { key: 'outlet', label: 'Outlet' },
  { key: 'date', label: 'Date' },
  { key: 'kind', label: 'Kind' },
  { key: 'wordCount', label: 'Words', numeric: true },
  { key: 'highlightCount', label: 'Highlights', numeric: true }
]

/** A row with a title and a byline, as measured; rows are measured as they appear, this is a first guess. */
const ROW_ESTIMATE = 58
/** Rows rendered beyond each edge of the window: enough that Tab and arrow scrolling find the next one there. */
const OVERSCAN = 10

const neverAdjust = (): boolean => false

interface Props {
  articles: readonly ArticleSummary[]
  order: SortOrder
  onSort: (key: SortKey) => void
  /** Articles ticked for an action on several at once (moving them to the Trash). */
  selected: ReadonlySet<string>
  onSelect: (id: string, on: boolean) => void
  onSelectAll: (on: boolean) => void
}

export function ArticleTable({ articles, order, onSort, selected, onSelect, onSelectAll }: Props) {
  const allSelected = articles.length > 0 && articles.every((a) => selected.has(a.id))
  const body = useRef<HTMLTableSectionElement>(null)
  // Where the body starts on the page: the virtualizer counts rows from the top of the window.
  const [bodyTop, setBodyTop] = useState(0)
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const focusedIndex = focusedId === null ? null : articles.findIndex((a) => a.id === focusedId)

  const virtualizer = useWindowVirtualizer<HTMLTableRowElement>({
    count: articles.length,
    estimateSize: () => ROW_ESTIMATE,
    overscan: OVERSCAN,
    scrollMargin: bodyTop,
    getItemKey: (index) => articles[index]?.id ?? index,
    rangeExtractor: (range) => withKeptRow(defaultRangeExtractor(range), focusedIndex)
  })
  // The rows are in the flow of the page, so when one above the window turns out taller or shorter
  // than estimated, the browser's own scroll anchoring keeps the view still. Adjusting here as well
  // would move it twice, and would cut short a smooth keyboard scroll (Home, Page Up).
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = neverAdjust

  useLayoutEffect(() => {
    if (!body.current) return
    const top = Math.round(body.current.getBoundingClientRect().top + window.scrollY)
    if (top !== bodyTop) setBodyTop(top)
  })

  const trackFocus = (event: FocusEvent<HTMLTableSectionElement>): void => {
    const index = Number((event.target as Element).closest('tr')?.dataset.index)
    setFocusedId(articles[index]?.id ?? null)
  }
  const dropFocus = (event: FocusEvent<HTMLTableSectionElement>): void => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocusedId(null)
  }

  // Home and End from a row go to the first and last article at once. The browser's own keyboard
  // scroll is smooth, and rows measured on the way (or a busy machine) can stop it short of the end.
  const jump = (event: KeyboardEvent<HTMLTableSectionElement>): void => {
    if (event.altKey || event.shiftKey || event.metaKey || event.ctrlKey || articles.length === 0) return
    if (event.key === 'Home') {
      event.preventDefault()
      window.scrollTo({ top: 0, behavior: 'instant' })
    } else if (event.key === 'End') {
      event.preventDefault()
      virtualizer.scrollToIndex(articles.length - 1, { align: 'end', behavior: 'auto' })
    }
  }

  return (
    <table className="articles" aria-rowcount={articles.length + 1}>
      <colgroup>
        <col className="select-column" />
        <col />
        <col className="outlet-column" />
        <col className="date-column" />
        <col className="kind-column" />
        <col className="words-column" />
        <col className="highlights-column" />
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col" className="select">
            <input type="checkbox" aria-label="Select every article shown" checked={allSelected} onChange={(e) => onSelectAll(e.target.checked)} />
          </th>
          {COLUMNS.map((column) => (
            <th
              key={column.key}
              scope="col"
              className={column.numeric ? 'numeric' : undefined}
              aria-sort={order.key === column.key ? order.direction : 'none'}
            >
              <button type="button" onClick={() => onSort(column.key)}>
                {column.label}
                <span aria-hidden="true" className="sort-mark">
                  {order.key === column.key ? (order.direction === 'ascending' ? '▲' : '▼') : ''}
                </span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={body} onFocus={trackFocus} onBlur={dropFocus} onKeyDown={jump}>
        {tableParts(virtualizer.getVirtualItems(), bodyTop, virtualizer.getTotalSize()).map((part) =>
          part.kind === 'gap' ? (
            <tr key={part.key} className="row-gap" aria-hidden="true">
              <td colSpan={COLUMNS.length + 1} style={{ height: part.size }} />
            </tr>
          ) : (
            <ArticleRow
              key={articles[part.index]!.id}
              article={articles[part.index]!}
              index={part.index}
              measure={virtualizer.measureElement}
              selected={selected.has(articles[part.index]!.id)}
              onSelect={onSelect}
            />
          )
        )}
      </tbody>
    </table>
  )
}

interface RowProps {
  article: ArticleSummary
  index: number
  measure: (row: HTMLTableRowElement | null) => void
  selected: boolean
  onSelect: (id: string, on: boolean) => void
}

const ArticleRow = memo(function ArticleRow({ article, index, measure, selected, onSelect }: RowProps) {
  return (
    // Row 1 is the heading row, so the first article is row 2.
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} aria-selected={selected}>
      <td className="select">
        <input type="checkbox" aria-label={`Select ${displayTitle(article)}`} checked={selected} onChange={(e) => onSelect(article.id, e.target.checked)} />
      </td>
      <td className="title-cell">
        <a href={hrefFor({ name: 'article', id: article.id })} className={article.title ? undefined : 'untitled'}>
          {displayTitle(article)}
          {article.title ? null : '…'}
        </a>
        {article.author ? <span className="byline">{article.author}</span> : null}
        {article.textStatus === 'missing' ? <span className="warning">Text missing</span> : null}
        {article.textStatus === 'altered' ? <span className="warning">Text changed outside Liner Notes</span> : null}
        {article.textStatus === 'unreadable' ? <span className="warning">Text unreadable</span> : null}
      </td>
      <td>{article.outlet}</td>
      <td className="date">{formatDate(article.date)}</td>
      <td className="kind">{article.kind}</td>
      <td className="numeric">{formatCount(article.wordCount)}</td>
      <td className="numeric">{article.highlightCount > 0 ? formatCount(article.highlightCount) : ''}</td>
    </tr>
  )
})
