// Converts between places in the rendered article (DOM node + offset) and offsets into the article
// text. Each paragraph element carries data-start, its first character's offset; its text content is
// exactly the paragraph's text, so lengths inside it are lengths in the article.

const PARAGRAPH = 'p[data-start]'

const paragraphStart = (p: Element): number => Number((p as HTMLElement).dataset.start)

/** The text offset of a DOM point inside `root`, or null when the point is outside the article text. */
export function textOffsetAt(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null
  const element = node instanceof Element ? node : node.parentElement
  const paragraph = element?.closest(PARAGRAPH)
  if (paragraph && root.contains(paragraph)) {
    const range = document.createRange()
    range.setStart(paragraph, 0)
    range.setEnd(node, offset)
    return paragraphStart(paragraph) + range.toString().length
  }
  // A point between paragraphs (on the container itself): the start of the next paragraph, or the end.
  const paragraphs = [...root.querySelectorAll(PARAGRAPH)]
  const next = node === root ? root.childNodes[offset] : null
  const following = next instanceof Element ? (next.matches(PARAGRAPH) ? next : next.querySelector(PARAGRAPH)) : null
  if (following) return paragraphStart(following)
  const last = paragraphs.at(-1)
  return last ? paragraphStart(last) + (last.textContent ?? '').length : null
}

/** The selection's range as text offsets, or null when nothing inside the article is selected. */
export function selectedTextRange(root: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  const start = textOffsetAt(root, range.startContainer, range.startOffset)
  const end = textOffsetAt(root, range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  return { start, end }
}

/** The DOM point at a text offset: inside the paragraph that holds it (or the next one, in a gap). */
export function domPointAt(root: HTMLElement, target: number): { node: Node; offset: number } | null {
  for (const paragraph of root.querySelectorAll(PARAGRAPH)) {
    const start = paragraphStart(paragraph)
    const length = (paragraph.textContent ?? '').length
    if (target > start + length) continue
    let remaining = Math.max(0, target - start)
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const size = text.textContent?.length ?? 0
      if (remaining <= size) return { node: text, offset: remaining }
      remaining -= size
    }
    return { node: paragraph, offset: paragraph.childNodes.length }
  }
  return null
}

/** Selects text[start, end) in the page, as if the user had dragged over it. */
export function selectTextRange(root: HTMLElement, start: number, end: number): Range | null {
  const from = domPointAt(root, start)
  const to = domPointAt(root, end)
  const selection = window.getSelection()
  if (!from || !to || !selection) return null
  selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset)
  return selection.rangeCount ? selection.getRangeAt(0) : null
}

/** A DOM range over text[start, end), without touching the selection; null when the text is not shown. */
export function rangeAt(root: HTMLElement, start: number, end: number): Range | null {
  const from = domPointAt(root, start)
  const to = domPointAt(root, end)
  if (!from || !to) return null
  const range = document.createRange()
  range.setStart(from.node, from.offset)
  range.setEnd(to.node, to.offset)
  return range
}
