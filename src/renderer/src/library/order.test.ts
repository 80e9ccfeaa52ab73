// The library filter folds as every search in the app does (shared/text.ts): case, accents and curly quotes aside.
import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../shared/ipc/contract'
import { filterArticles } from './order'

const article = (id: string, title: string, opening = ''): ArticleSummary => ({
  id,
  title,
  opening,
  outlet: 'Collider',
  author: '',
  date: '2024-09-27',
  kind: 'interview',
  wordCount: 100,
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
