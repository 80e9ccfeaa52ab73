import { describe, expect, it } from 'vitest'
import { highlightsByParagraph, segmentParagraph } from './highlight-layout'

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

describe('highlightsByParagraph', () => {
  const paragraphs = [
    { start: 0, end: 10, text: 'x'.repeat(10) },
    { start: 12, end: 20, text: 'x'.repeat(8) },
    { start: 22, end: 30, text: 'x'.repeat(8) }
  ]

  it('gives each paragraph the highlights that overlap it, in the order given, one spanning several in each', () => {
    const placed = [
      { id: 'late', start: 24, end: 26 },
      { id: 'span', start: 5, end: 25 },
      { id: 'first', start: 1, end: 3 },
      { id: 'gap', start: 10, end: 12 },
      { id: 'edge', start: 20, end: 22 }
    ]
    expect(highlightsByParagraph(paragraphs, placed).map((list) => list.map((h) => h.id))).toEqual([['span', 'first'], ['span'], ['late', 'span']])
  })

  // The reader with a thousand highlights: the sweep must give every paragraph exactly what testing
  // every highlight against it gives, so the marks drawn are the same.
  it('agrees with testing every highlight against every paragraph, for 1,000 highlights over 300 paragraphs', () => {
    let seed = 11
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const many = Array.from({ length: 300 }, (_, i) => ({ start: i * 100, end: i * 100 + 90, text: 'x'.repeat(90) }))
    const placed = Array.from({ length: 1000 }, (_, i) => {
      const start = random(30_000)
      return { id: `h${i}`, start, end: start + 1 + (i % 10 === 0 ? random(5_000) : random(120)) }
    })
    const swept = highlightsByParagraph(many, placed)
    many.forEach((paragraph, i) => {
      expect(swept[i]).toEqual(placed.filter((h) => h.start < paragraph.end && h.end > paragraph.start))
      expect(segmentParagraph(paragraph, swept[i]!)).toEqual(segmentParagraph(paragraph, placed))
    })
  })
})
