import { describe, expect, it } from 'vitest'
import type { ThemePassage } from '../../../shared/ipc/contract'
import { groupByArticle } from './passages'

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
