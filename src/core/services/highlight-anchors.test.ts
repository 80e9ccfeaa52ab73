// The anchor cache: answers are reused while an article's text and a highlight's selectors are unchanged,
// and found afresh when either changes; placed highlights come in text order, unanchored ones last.
import { describe, expect, it, vi } from 'vitest'
import { describeRange } from '../../shared/anchoring'
import type { Highlight } from '../../shared/model'
import { AnchorCache } from './highlight-anchors'

const counted = vi.hoisted(() => ({ anchorCalls: 0 }))
vi.mock('../../shared/anchoring', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/anchoring')>()
  return {
    ...actual,
    anchor: (...args: Parameters<typeof actual.anchor>) => {
      counted.anchorCalls++
      return actual.anchor(...args)
    }
  }
})

const TEXT = 'Soul Rasheed plays Tae Young. Anderson .Paak plays BJ, his father. The K-pop show is called Wild Card.'

function highlightOf(id: string, text: string, phrase: string): Highlight {
  const start = text.indexOf(phrase)
  return { id, articleId: 'a', ...describeRange(text, start, start + phrase.length), color: null, themeIds: [], note: null, createdAt: '', updatedAt: '' }
}

describe('AnchorCache', () => {
  it('places highlights in text order, unanchored last, and anchors each text and selector set only once', () => {
    const cache = new AnchorCache()
    const show = highlightOf('show', TEXT, 'Wild Card')
    const soul = highlightOf('soul', TEXT, 'Soul Rasheed')
    const gone = highlightOf('gone', 'A sentence that no longer exists anywhere in the article text at all.', 'no longer exists anywhere')
    counted.anchorCalls = 0

    const placed = cache.place('a', TEXT, [gone, show, soul])
    expect(placed.map((h) => [h.id, h.anchor?.method ?? null])).toEqual([
      ['soul', 'position'],
      ['show', 'position'],
      ['gone', null]
    ])
    expect(counted.anchorCalls).toBe(3)

    cache.place('a', TEXT, [gone, show, soul])
    expect(counted.anchorCalls).toBe(3)

    const moved = highlightOf('show', TEXT, 'BJ')
    cache.place('a', TEXT, [gone, moved, soul])
    expect(counted.anchorCalls).toBe(4)

    const edited = 'Intro. ' + TEXT
    const again = cache.place('a', edited, [gone, moved, soul])
    expect(counted.anchorCalls).toBe(7)
    expect(again.find((h) => h.id === 'soul')?.anchor).toMatchObject({ start: 7, end: 19, method: 'quote' })
    expect(cache.place('a', null, [soul]).map((h) => h.anchor)).toEqual([null])
  })
})
