// The library filter folds as every search in the app does (shared/text.ts): case, accents and curly quotes aside.
import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../shared/ipc/contract'
import { foldForSearch, queryWords } from '../../../shared/text'
import { displayTitle, filterArticles, prepareAhead, SORT_KEYS, sortArticles, type SortOrder } from './order'

const article = (id: string, title: string, opening = ''): ArticleSummary => ({
  id,
  title,
  opening,
  outlet: 'Collider',
  author: '',
  date: '2024-09-27',
  kind: 'interview',
  wordCount: 100,
  highlightCount: 0,
  textStatus: 'ok'
})

describe('filterArticles', () => {
  const list = [article('a', 'Anderson .Paak’s K-Pops!'), article('b', '', 'Crème de la crème'), article('c', 'Another film')]

  it.each([
    ["paak's", ['a']],
    ['PAAK’S k-pops', ['a']],
    ['creme', ['b']],
    ['collider 2024', ['a', 'b', 'c']],
    ['   ', ['a', 'b', 'c']],
    ['film paak', []]
  ])('%j finds %j', (query, ids) => {
    expect(filterArticles(list, query).map((a) => a.id)).toEqual(ids)
  })
})

// The list is indexed once and sorted by ranks; these tests hold it to the plain definition of the
// order (collate the key, empty values last, ties by title, then as given) on 10,000 awkward rows.
const collator = new Intl.Collator('en', { sensitivity: 'base', ignorePunctuation: true, numeric: true })

function plainCompare(a: ArticleSummary, b: ArticleSummary, order: SortOrder): number {
  const sign = order.direction === 'ascending' ? 1 : -1
  if (order.key === 'wordCount' || order.key === 'highlightCount') return sign * (a[order.key] - b[order.key])
  const left = order.key === 'title' ? displayTitle(a) : a[order.key]
  const right = order.key === 'title' ? displayTitle(b) : b[order.key]
  if (!left || !right) return left === right ? 0 : left ? -1 : 1
  return sign * collator.compare(left, right)
}
const plainSort = (list: readonly ArticleSummary[], order: SortOrder): ArticleSummary[] =>
  [...list].sort((a, b) => plainCompare(a, b, order) || collator.compare(displayTitle(a), displayTitle(b)))
const plainFilter = (list: readonly ArticleSummary[], query: string): ArticleSummary[] =>
  list.filter((a) => {
    const haystack = foldForSearch([a.title, a.opening, a.outlet, a.author, a.kind, a.date].join(' '))
    return queryWords(query).every((w) => haystack.includes(w))
  })

function bigLibrary(size: number): ArticleSummary[] {
  let seed = 7
  const pick = <T,>(options: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return options[seed % options.length]!
  }
  const words = ['André', 'K-Pops!', 'fatherhood', 'Seoul', '“Master', 'Conductor”', 'film', 'Øresund', 'debut', '2', '10', '…']
  return Array.from({ length: size }, (_, i) => ({
    id: `article-${i}`,
    title: pick(['', '', '!!!', `Part ${i % 12}`, `${pick(words)} ${pick(words)} ${pick(words)}`, `${pick(words)} ${i}`]),
    opening: pick(['', `${pick(words)} ${pick(words)} ${pick(words)} ${pick(words)}`]),
    outlet: pick(['Collider', 'collider', 'Cahiers du Cinéma', 'The Knockturnal', '']),
    author: pick(['', 'Perri Nemiroff', 'Keshia Hannam', 'André Bazin']),
    date: pick(['', '2024-09-27', '2024-09-09', '2019-01-02', `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`]),
    kind: pick(['interview', 'review', 'news', ''] as const),
    wordCount: pick([0, 100, 1234, i]),
    highlightCount: pick([0, 0, 3, i % 7]),
    textStatus: 'ok'
  }))
}

const ORDERS: SortOrder[] = SORT_KEYS.flatMap((key) => [
  { key, direction: 'ascending' as const },
  { key, direction: 'descending' as const }
])
const ids = (list: readonly ArticleSummary[]): string[] => list.map((a) => a.id)

describe('the library order at 10,000 articles', () => {
  const library = bigLibrary(10_000)

  it.each(ORDERS.map((order) => [`${order.key} ${order.direction}`, order] as const))('sorts the whole list by %s as the plain order does', (_, order) => {
    expect(ids(sortArticles(filterArticles(library, ''), order))).toEqual(ids(plainSort(library, order)))
  })

  it.each(['andre', 'film 2', 'collider 2024-09', '…', 'seoul master', 'zzz'])('filters %j and sorts the part found as the plain order does', (query) => {
    const found = filterArticles(library, query)
    expect(ids(found)).toEqual(ids(plainFilter(library, query)))
    for (const order of ORDERS) expect(ids(sortArticles(found, order))).toEqual(ids(plainSort(found, order)))
  })

  it('sorts rows taken from two different lists by their own order', () => {
    const other = bigLibrary(50).map((a) => ({ ...a, id: `other-${a.id}` }))
    filterArticles(other, '')
    const mixed = [...other, ...library.slice(0, 200)]
    for (const order of ORDERS) expect(ids(sortArticles(mixed, order))).toEqual(ids(plainSort(mixed, order)))
  })

  it('gives the same answers after the work was prepared ahead in slices', () => {
    const fresh = bigLibrary(10_000)
    const shown = sortArticles(filterArticles(fresh, ''), ORDERS[0]!)
    let slices = 0
    while (prepareAhead(shown, 1_000)) slices++
    expect(slices).toBe(9)
    expect(ids(filterArticles(fresh, 'film andre'))).toEqual(ids(plainFilter(fresh, 'film andre')))
    expect(ids(sortArticles(fresh, { key: 'outlet', direction: 'ascending' }))).toEqual(ids(plainSort(fresh, { key: 'outlet', direction: 'ascending' })))
  })
})
