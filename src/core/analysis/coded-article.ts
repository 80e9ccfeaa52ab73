// What one article adds to the theme analyses, worked out from its highlights alone (no text is read):
// how many coded highlights carry each combination of themes, and how many pairs of coded highlights
// share words, by the two combinations. Kept per article and replaced when the article's highlights
// change, so a matrix over the whole library sums small maps instead of walking every highlight.
import type { Highlight } from '../../shared/model'
import { themeSetKey } from './themes-lens'

export interface CodedArticle {
  /** Coded highlights by their themes' key. */
  sets: Map<string, number>
  /** Overlapping pairs of coded highlights by their two keys ("a\u0001b", the keys in order). */
  overlaps: Map<string, number>
  /** Highlights with at least one theme. */
  coded: number
}

export const PAIR_SEPARATOR = '\u0001'

export function pairKey(a: string, b: string): string {
  return a <= b ? `${a}${PAIR_SEPARATOR}${b}` : `${b}${PAIR_SEPARATOR}${a}`
}

/**
 * The article's contribution. Overlap is read from the highlights' stored positions: the store describes
 * each highlight afresh wherever it anchors, so these are where the current text has it.
 */
export function codedArticle(highlights: readonly Highlight[]): CodedArticle {
  const coded = highlights.filter((h) => h.themeIds.length > 0)
  const sets = new Map<string, number>()
  const keys = new Map<string, string>()
  for (const h of coded) {
    const key = themeSetKey(h.themeIds)
    keys.set(h.id, key)
    sets.set(key, (sets.get(key) ?? 0) + 1)
  }
  const overlaps = new Map<string, number>()
  for (const [a, b] of overlappingPairs(coded)) {
    const key = pairKey(keys.get(a.id)!, keys.get(b.id)!)
    overlaps.set(key, (overlaps.get(key) ?? 0) + 1)
  }
  return { sets, overlaps, coded: coded.length }
}

/** Every pair of highlights whose ranges share at least one character, each pair once. */
export function overlappingPairs(highlights: readonly Highlight[]): [Highlight, Highlight][] {
  const sorted = [...highlights].sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end)
  const pairs: [Highlight, Highlight][] = []
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!
    for (let j = i + 1; j < sorted.length && sorted[j]!.position.start < a.position.end; j++) pairs.push([a, sorted[j]!])
  }
  return pairs
}
