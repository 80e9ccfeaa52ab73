// Sorting and filtering of the library list. The reader's previous/next follow the same order, so the
// user moves through articles the way the list shows them.
import type { ArticleSummary } from '../../../shared/ipc/contract'
import { foldForSearch, queryWords } from '../../../shared/text'

export const SORT_KEYS = ['title', 'outlet', 'date', 'kind', 'wordCount'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export interface SortOrder {
  key: SortKey
  direction: 'ascending' | 'descending'
}

const collator = new Intl.Collator('en', { sensitivity: 'base', ignorePunctuation: true, numeric: true })

export const displayTitle = (a: ArticleSummary): string => a.title || a.opening

function valueOf(a: ArticleSummary, key: Exclude<SortKey, 'wordCount'>): string {
  return key === 'title' ? displayTitle(a) : a[key]
}

/** Compares by the key; empty values (a date the text does not give) go last in either direction. */
function compare(a: ArticleSummary, b: ArticleSummary, order: SortOrder): number {
  const sign = order.direction === 'ascending' ? 1 : -1
  if (order.key === 'wordCount') return sign * (a.wordCount - b.wordCount)
  const left = valueOf(a, order.key)
  const right = valueOf(b, order.key)
  if (!left || !right) return left === right ? 0 : left ? -1 : 1
  return sign * collator.compare(left, right)
}

export function sortArticles(list: readonly ArticleSummary[], order: SortOrder): ArticleSummary[] {
  return [...list].sort((a, b) => compare(a, b, order) || collator.compare(displayTitle(a), displayTitle(b)))
}

/** Every word typed must appear in the title, opening, outlet, author, kind or date. */
export function filterArticles(list: readonly ArticleSummary[], query: string): ArticleSummary[] {
  const words = queryWords(query)
  if (words.length === 0) return [...list]
  return list.filter((a) => {
    const haystack = foldForSearch([a.title, a.opening, a.outlet, a.author, a.kind, a.date].join(' '))
    return words.every((w) => haystack.includes(w))
  })
}
