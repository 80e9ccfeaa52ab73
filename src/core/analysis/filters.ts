// Which articles an analysis counts, and in what order it lists them: the library's own order for a
// table of articles (newest first, undated last, then by title), so a matrix reads like the library list.
import type { AnalysisFilters } from '../../shared/ipc/analysis'
import type { Article } from '../../shared/model'

export function passesFilters(article: Article, filters: AnalysisFilters): boolean {
  if (filters.articleId !== undefined && article.id !== filters.articleId) return false
  if (filters.articleKind !== undefined && article.meta.kind !== filters.articleKind) return false
  if (filters.outlet !== undefined && sameWords(article.meta.outlet) !== sameWords(filters.outlet)) return false
  const date = article.meta.date
  if (filters.from !== undefined && (date === '' || date < filters.from)) return false
  if (filters.to !== undefined && (date === '' || date > filters.to)) return false
  return true
}

const sameWords = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en')

/** The article's title, or its opening words when it has none. */
export function articleTitle(article: Article): { title: string; untitled: boolean } {
  const title = article.meta.title.trim()
  if (title !== '') return { title, untitled: false }
  const opening = article.facts?.opening.trim() ?? ''
  return { title: opening === '' ? 'Untitled article' : `${opening}…`, untitled: true }
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** Newest first, undated last, then by title, then by id. */
export function compareArticles(a: Article, b: Article): number {
  const da = a.meta.date
  const db = b.meta.date
  if (da !== db) {
    if (da === '') return 1
    if (db === '') return -1
    return da < db ? 1 : -1
  }
  return collator.compare(articleTitle(a).title, articleTitle(b).title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
