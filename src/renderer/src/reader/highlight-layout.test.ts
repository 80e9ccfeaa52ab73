import { describe, expect, it } from 'vitest'
import { segmentParagraph } from './highlight-layout'

const paragraph = { start: 100, end: 140, text: 'x'.repeat(40) }

describe('segmentParagraph', () => {
  it('leaves a paragraph without highlights whole', () => {
    expect(segmentParagraph(paragraph, [])).toEqual([{ start: 100, end: 140, ids: [] }])
  })

  it('cuts overlapping highlights into runs, innermost first', () => {
    const segments = segmentParagraph(paragraph, [
      { id: 'outer', start: 105, end: 130 },
      { id: 'inner', start: 110, end: 115 },
      { id: 'tail', start: 125, end: 160 }
    ])
    expect(segments).toEqual([
      { start: 100, end: 105, ids: [] },
      { start: 105, end: 110, ids: ['outer'] },
      { start: 110, end: 115, ids: ['inner', 'outer'] },
      { start: 115, end: 125, ids: ['outer'] },
      { start: 125, end: 130, ids: ['outer', 'tail'] },
      { start: 130, end: 140, ids: ['tail'] }
    ])
  })

  it('covers the paragraph exactly, so the text is unchanged', () => {
    const segments = segmentParagraph(paragraph, [{ id: 'a', start: 90, end: 200 }])
    expect(segments).toEqual([{ start: 100, end: 140, ids: ['a'] }])
  })
})
