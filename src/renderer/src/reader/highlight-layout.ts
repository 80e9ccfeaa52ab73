// Cuts each paragraph into runs of text covered by the same set of highlights, so overlapping and
// nested highlights render as distinct, separately clickable marks without changing a character.
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

/** Segments of one paragraph, in order, covering it exactly; `extraCuts` split runs further (a speaker label). */
export function segmentParagraph(paragraph: Paragraph, placed: readonly PlacedHighlight[], extraCuts: readonly number[] = []): Segment[] {
  const covering = placed.filter((h) => h.start < paragraph.end && h.end > paragraph.start)
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
    const ids = covering
      .filter((h) => h.start <= start && h.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))
      .map((h) => h.id)
    segments.push({ start, end, ids })
  }
  return segments
}
