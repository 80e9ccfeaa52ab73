// Sorting and filtering of the library list. The reader's previous/next follow the same order, so the
// user moves through articles the way the list shows them.
//
// At 10,000 articles, folding every row's text on each keystroke and collating titles on each sort took
// 100–200 ms. So each list main sends is indexed once, lazily: its rows' folded search texts, each text
// column's ranks (one collator sort of its distinct values), and per order the whole list sorted. A
// keystroke then only runs `includes`, and a filtered part of the list is sorted by its rows' places.
import type { ArticleSummary } from '../../../shared/ipc/contract'
import { foldForSearch, queryWords } from '../../../shared/text'

/** The columns sorted by number rather than by collated text. */
type NumericKey = 'wordCount' | 'highlightCount'

export const SORT_KEYS = ['title', 'outlet', 'date', 'kind', 'wordCount', 'highlightCount'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export interface SortOrder {
  key: SortKey
  direction: 'ascending' | 'descending'
}

const collator = new Intl.Collator('en', { sensitivity: 'base', ignorePunctuation: true, numeric: true })

export const displayTitle = (a: ArticleSummary): string => a.title || a.opening

interface ColumnRanks {
  /** Row i's rank among the column's values; rows the collator calls equal ("Collider", "collider") share one. */
  rank: Int32Array
  /** Whether row i's value is empty (a date the text does not give): such rows sort last either way. */
  empty: Uint8Array
}

/** Ranks every row's value with one collator sort of the column's distinct values. */
function rankColumn(rows: readonly ArticleSummary[], value: (a: ArticleSummary) => string): ColumnRanks {
  const values = rows.map(value)
  const distinct = [...new Set(values)].sort(collator.compare)
  const rankOf = new Map<string, number>()
  let rank = 0
  distinct.forEach((v, i) => {
    if (i > 0 && collator.compare(distinct[i - 1]!, v) !== 0) rank++
    rankOf.set(v, rank)
  })
  return { rank: Int32Array.from(values, (v) => rankOf.get(v)!), empty: Uint8Array.from(values, (v) => (v === '' ? 1 : 0)) }
}

/** What one list knows about its rows, built once per list (the array main sent) and kept while it lives. */
interface ListIndex {
  rows: readonly ArticleSummary[]
  /** Row i's title, opening, outlet, author, kind and date, folded as every search folds; filled in order. */
  searchTexts: string[]
  /** Per sortable text column, each row's rank among that column's values. */
  columns: Map<Exclude<SortKey, NumericKey>, ColumnRanks>
  /** Per order ("date descending"), the whole list sorted that way and each row's place in it. */
  orders: Map<string, { sorted: ArticleSummary[]; places: Map<ArticleSummary, number> }>
}

const indexes = new WeakMap<readonly ArticleSummary[], ListIndex>()
/** The index each row was last indexed in: lets a filtered part of a list be sorted by its places. */
const homeOf = new WeakMap<ArticleSummary, ListIndex>()

function indexOf(list: readonly ArticleSummary[]): ListIndex {
  let index = indexes.get(list)
  if (index) return index
  index = { rows: list, searchTexts: [], columns: new Map(), orders: new Map() }
  indexes.set(list, index)
  for (const row of list) homeOf.set(row, index)
  return index
}

function column(index: ListIndex, key: Exclude<SortKey, NumericKey>): ColumnRanks {
  let ranks = index.columns.get(key)
  if (!ranks) {
    ranks = rankColumn(index.rows, key === 'title' ? displayTitle : (a) => a[key])
    index.columns.set(key, ranks)
  }
  return ranks
}

/**
 * The whole list's order: by the key, empty values last in either direction, ties by title (ascending,
 * so equal dates still list in a stable, readable order), then as main sent them. Titles are collated
 * only within runs of equal keys, so the first date sort does not pay for collating every title.
 */
function sortedBy(index: ListIndex, order: SortOrder): { sorted: ArticleSummary[]; places: Map<ArticleSummary, number> } {
  const name = `${order.key} ${order.direction}`
  const known = index.orders.get(name)
  if (known) return known
  const { rows } = index
  const sign = order.direction === 'ascending' ? 1 : -1
  let byKey: (i: number, j: number) => number
  if (order.key === 'wordCount' || order.key === 'highlightCount') {
    const key = order.key
    byKey = (i, j) => sign * (rows[i]![key] - rows[j]![key])
  } else {
    const { rank, empty } = column(index, order.key)
    byKey = (i, j) => (empty[i] || empty[j] ? empty[i]! - empty[j]! : sign * (rank[i]! - rank[j]!))
  }
  const sorted = rows.map((_, i) => i).sort((i, j) => byKey(i, j) || i - j)
  const titles = index.columns.get('title')?.rank
  const byTitle = titles
    ? (i: number, j: number) => titles[i]! - titles[j]! || i - j
    : (i: number, j: number) => collator.compare(displayTitle(rows[i]!), displayTitle(rows[j]!)) || i - j
  for (let start = 0, end = 1; start < sorted.length; start = end, end = start + 1) {
    while (end < sorted.length && byKey(sorted[start]!, sorted[end]!) === 0) end++
    if (end - start > 1) sorted.splice(start, end - start, ...sorted.slice(start, end).sort(byTitle))
  }
  const result = { sorted: sorted.map((i) => rows[i]!), places: new Map(sorted.map((i, place) => [rows[i]!, place])) }
  index.orders.set(name, result)
  return result
}

/** The index all of `list`'s rows come from, or null when they come from several (or none yet). */
function commonIndex(list: readonly ArticleSummary[]): ListIndex | null {
  const first = list[0] === undefined ? undefined : homeOf.get(list[0])
  if (!first) return null
  for (const row of list) if (homeOf.get(row) !== first) return null
  return first
}

export function sortArticles(list: readonly ArticleSummary[], order: SortOrder): ArticleSummary[] {
  const index = commonIndex(list) ?? indexOf(list)
  const { sorted, places } = sortedBy(index, order)
  if (list.length === index.rows.length) return [...sorted]
  // Places from one sort of the whole list order any part of it exactly as sorting the part would.
  return [...list].sort((a, b) => places.get(a)! - places.get(b)!)
}

/** Folds the search texts of the next `count` rows not yet folded; false when every row is folded. */
function foldRows(index: ListIndex, count: number): boolean {
  const { rows, searchTexts } = index
  const end = Math.min(rows.length, searchTexts.length + count)
  for (let i = searchTexts.length; i < end; i++) {
    const a = rows[i]!
    searchTexts.push(foldForSearch([a.title, a.opening, a.outlet, a.author, a.kind, a.date].join(' ')))
  }
  return searchTexts.length < rows.length
}

/** Every word typed must appear in the title, opening, outlet, author, kind or date. */
export function filterArticles(list: readonly ArticleSummary[], query: string): ArticleSummary[] {
  const index = indexOf(list)
  const words = queryWords(query)
  if (words.length === 0) return [...list]
  foldRows(index, list.length)
  const { searchTexts } = index
  return list.filter((_, i) => words.every((w) => searchTexts[i]!.includes(w)))
}

/**
 * Does a slice of the work a first keystroke or a first sort by title would otherwise do at once
 * (folding 10,000 rows or collating 10,000 titles takes about 100 ms each), for the list `shown` was
 * taken from. Called while the page is idle; returns false when nothing is left to do.
 */
export function prepareAhead(shown: readonly ArticleSummary[], rows = 500): boolean {
  const index = commonIndex(shown)
  if (!index) return false
  if (foldRows(index, rows)) return true
  column(index, 'title')
  return false
}
