import { describe, expect, it } from 'vitest'
import type { ThemePassage } from '../../../shared/ipc/contract'
import { firstPassages, groupByArticle } from './passages'

const passage = (id: string, articleId: string, start: number): ThemePassage => ({
  articleId,
  articleTitle: `Title ${articleId}`,
  highlight: {
    id,
    articleId,
    quote: { type: 'TextQuoteSelector', exact: id, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + 5 },
    color: null,
    themeIds: ['t'],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z'
  }
})

describe('groupByArticle', () => {
  it('keeps articles in the order given and passages in reading order', () => {
    const groups = groupByArticle([passage('late', 'B', 90), passage('x', 'A', 3), passage('early', 'B', 10)])
    expect(groups.map((g) => [g.articleId, g.articleTitle, g.passages.map((p) => p.highlight.id)])).toEqual([
      ['B', 'Title B', ['early', 'late']],
      ['A', 'Title A', ['x']]
    ])
  })

  it('returns no groups for no passages', () => {
    expect(groupByArticle([])).toEqual([])
  })
})

describe('firstPassages', () => {
  const groups = groupByArticle([
    passage('a1', 'A', 1),
    passage('a2', 'A', 2),
    passage('b1', 'B', 1),
    passage('b2', 'B', 2),
    passage('b3', 'B', 3),
    passage('c1', 'C', 1)
  ])
  const shown = (count: number) => firstPassages(groups, count).map((g) => [g.articleId, g.passages.map((p) => p.highlight.id)])

  it.each([
    [0, []],
    [1, [['A', ['a1']]]],
    [2, [['A', ['a1', 'a2']]]],
    [3, [['A', ['a1', 'a2']], ['B', ['b1']]]],
    [6, [['A', ['a1', 'a2']], ['B', ['b1', 'b2', 'b3']], ['C', ['c1']]]],
    [100, [['A', ['a1', 'a2']], ['B', ['b1', 'b2', 'b3']], ['C', ['c1']]]]
  ])('the first %i passages keep article order and reading order', (count, expected) => {
    expect(shown(count)).toEqual(expected)
  })

  it('pages through 10,000 passages a hundred at a time, each passage once', () => {
    const many = groupByArticle(Array.from({ length: 10_000 }, (_, i) => passage(`h${i}`, `article-${i % 37}`, i)))
    const seen = firstPassages(many, 200).flatMap((g) => g.passages)
    expect(seen).toHaveLength(200)
    expect(new Set(seen.map((p) => p.highlight.id)).size).toBe(200)
    expect(firstPassages(many, 10_000).flatMap((g) => g.passages)).toHaveLength(10_000)
  })
})
