// Cuts each paragraph into runs of text covered by the same set of highlights, so overlapping and
// nested highlights render as distinct, separately clickable marks without changing a character.
// An article can carry a thousand highlights: paragraphs and highlights are swept together once
// (highlightsByParagraph) rather than every paragraph testing every highlight.
import type { Paragraph } from '../../../shared/text'

export interface PlacedHighlight {
  id: string
  start: number
  end: number
}

export interface Segment {
  start: number
  end: number
  /** Highlights covering this run, innermost (shortest) first; empty for plain text. */
  ids: string[]
}

/**
 * For each paragraph (in text order), the highlights that overlap it, in the order given. One sweep
 * over both lists, so the work grows with paragraphs + highlights + overlaps, not their product.
 */
export function highlightsByParagraph(paragraphs: readonly Paragraph[], placed: readonly PlacedHighlight[]): PlacedHighlight[][] {
  const byStart = placed.map((h, order) => ({ h, order })).sort((a, b) => a.h.start - b.h.start || a.order - b.order)
  let next = 0
  let open: { h: PlacedHighlight; order: number }[] = []
  return paragraphs.map((paragraph) => {
    while (next < byStart.length && byStart[next]!.h.start < paragraph.end) open.push(byStart[next++]!)
    // Those ending before this paragraph end before every later one too (paragraphs come in order).
    open = open.filter(({ h }) => h.end > paragraph.start)
    return [...open].sort((a, b) => a.order - b.order).map(({ h }) => h)
  })
}

/** Segments of one paragraph, in order, covering it exactly; `extraCuts` split runs further (a speaker label). */
export function segmentParagraph(paragraph: Paragraph, placed: readonly PlacedHighlight[], extraCuts: readonly number[] = []): Segment[] {
  // Innermost first once for the paragraph, so each run only has to pick its highlights out in order.
  const covering = placed
    .filter((h) => h.start < paragraph.end && h.end > paragraph.start)
    .sort((a, b) => a.end - a.start - (b.end - b.start))
  const cuts = new Set([paragraph.start, paragraph.end, ...extraCuts.filter((c) => c > paragraph.start && c < paragraph.end)])
  for (const h of covering) {
    cuts.add(Math.max(h.start, paragraph.start))
    cuts.add(Math.min(h.end, paragraph.end))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    const ids = covering.filter((h) => h.start <= start && h.end >= end).map((h) => h.id)
    segments.push({ start, end, ids })
  }
  return segments
}
