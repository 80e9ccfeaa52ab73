// Places an article's highlights on the text the reader shows. Anchoring is pure, but a fuzzy search can
// take milliseconds per highlight, so answers are kept per article for as long as its text is unchanged.
import { anchor, describeRange } from '../../shared/anchoring'
import type { Anchor, AnchoredHighlight } from '../../shared/ipc/contract'
import type { Highlight } from '../../shared/model'
import type { Transaction } from '../library/store'

/** Where the highlight sits in `text`, or null when it cannot be placed (it is then shown as unanchored). */
export function anchorOn(text: string | null, highlight: Highlight): Anchor | null {
  if (text === null) return null
  const found = anchor(text, highlight)
  return found && { start: found.start, end: found.end, method: found.method }
}

/**
 * The highlight described afresh at the place it anchors in `text`, so the next load finds it by
 * position; null when it does not anchor (its old selectors are then kept, to try again on a later text).
 */
export function reanchored(text: string, highlight: Highlight): Highlight | null {
  const found = anchor(text, highlight)
  if (!found) return null
  const { quote, position } = describeRange(text, found.start, found.end)
  return { ...highlight, quote, position }
}

/**
 * Moves an article's highlights onto a new text in the same change (a correction, a re-read original):
 * those that anchor are described afresh where they landed, so the next load finds them by position;
 * those that do not keep their old selectors and show as unanchored.
 */
export function moveHighlightsOnto(tx: Transaction, articleId: string, text: string): { anchored: number; unanchored: number } {
  let anchored = 0
  const highlights = tx.highlightsOf(articleId)
  for (const highlight of highlights) {
    const moved = reanchored(text, highlight)
    if (moved === null) continue
    anchored++
    if (!sameSelectors(moved, highlight)) tx.putHighlight({ ...moved, updatedAt: tx.now })
  }
  return { anchored, unanchored: highlights.length - anchored }
}

/** An anchor depends only on the text and the selectors, so the selectors are the cache key. */
function selectorKey({ quote, position }: Highlight): string {
  return JSON.stringify([position.start, position.end, quote.prefix, quote.exact, quote.suffix])
}

export function sameSelectors(a: Highlight, b: Highlight): boolean {
  return selectorKey(a) === selectorKey(b)
}

export class AnchorCache {
  private readonly byArticle = new Map<string, { text: string | null; anchors: Map<string, Anchor | null> }>()

  /**
   * The highlights in reading order, unanchored ones last. Only the current highlights' answers are kept,
   * so deleted highlights do not pile up in the cache.
   */
  place(articleId: string, text: string | null, highlights: readonly Highlight[]): AnchoredHighlight[] {
    const previous = this.byArticle.get(articleId)
    const reusable = previous && previous.text === text ? previous.anchors : new Map<string, Anchor | null>()
    const anchors = new Map<string, Anchor | null>()
    const placed = highlights.map((highlight) => {
      const key = selectorKey(highlight)
      const known = reusable.get(key)
      const found = known === undefined ? anchorOn(text, highlight) : known
      anchors.set(key, found)
      return { ...highlight, anchor: found }
    })
    this.byArticle.set(articleId, { text, anchors })
    return placed.sort(byPlace)
  }
}

function byPlace(a: AnchoredHighlight, b: AnchoredHighlight): number {
  if (a.anchor === null || b.anchor === null) return (a.anchor === null ? 1 : 0) - (b.anchor === null ? 1 : 0)
  return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end
}
