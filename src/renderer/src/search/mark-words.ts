// Marks where a search's words first occur inside any element (a note's editor): each text node is
// searched by the same rule search uses, and the first match is marked and scrolled into view with the
// CSS Custom Highlight API, so the editor's own content is untouched.
import { matchRanges, parseQuery } from '../../../shared/search/query'

/** Marks the first match of `query` under `root`; true when there was one. */
export function markFirstMatch(root: HTMLElement, query: string): boolean {
  const parts = parseQuery(query)
  if (parts.length === 0) return false
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const [first] = matchRanges(node.textContent ?? '', parts)
    if (!first) continue
    const range = document.createRange()
    range.setStart(node, first[0])
    range.setEnd(node, first[1])
    if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.set('find-current', new Highlight(range))
    node.parentElement?.scrollIntoView({ block: 'center' })
    return true
  }
  return false
}
