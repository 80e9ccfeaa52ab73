// Marks drawn over the article text without changing its elements (the CSS Custom Highlight API): the
// find bar's matches, and the words a search opened the article at. The text and its highlights stay
// exactly as they are, so offsets and selections are unaffected.
import { rangeAt } from './dom-offsets'

export type MarkName = 'find-match' | 'find-current'

/** Marks the ranges under `name` (replacing what it marked before); the first's range is returned. */
export function markRanges(root: HTMLElement, name: MarkName, ranges: readonly (readonly [number, number])[]): Range[] {
  const made = ranges.map(([start, end]) => rangeAt(root, start, end)).filter((range): range is Range => range !== null)
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
    if (made.length === 0) CSS.highlights.delete(name)
    else CSS.highlights.set(name, new Highlight(...made))
  }
  return made
}

export function clearMarks(): void {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) for (const name of ['find-match', 'find-current']) CSS.highlights.delete(name)
}

/** Scrolls the article so the range is in the middle of the window. */
export function scrollToRange(range: Range): void {
  const element = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement
  element?.scrollIntoView({ block: 'center' })
}
