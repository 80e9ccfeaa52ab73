// DOCX (through mammoth's HTML) and EPUB (XHTML chapters) both end as markup; this walks a parsed body
// into the reader's paragraphs: h1–h6 heading, blockquote quote, li list-item, everything else paragraph.
// Parsing is linkedom's, which builds a tree and never loads, runs or fetches what the markup names.
import { parseHTML } from 'linkedom'
import type { ParagraphKind } from '../types'

export interface Block {
  text: string
  kind: ParagraphKind
}

/** Elements whose content is never article text (or would be fetched or run to show). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object', 'embed', 'video', 'audio', 'canvas', 'img', 'nav', 'button', 'select'])
/** Elements that start a paragraph of their own rather than flowing inline. */
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'hr', 'address', 'body', 'html', 'center'])
/** HTML's own whitespace (not U+00A0, which the author put there on purpose). */
const HTML_SPACE = /[ \t\n\r\f]+/g

/** Minimal shape of the linkedom nodes walked here, so the walk does not depend on DOM lib typings. */
interface WalkNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<WalkNode>
}

/** Non-void elements an XHTML file may close itself (`<div/>`), which an HTML parser would leave open. */
const SELF_CLOSED = /<(?!(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b)([a-zA-Z][\w:.-]*)(\s[^<>]*?)?\/>/g

/**
 * Parses an HTML or XHTML document, or a fragment of body content, and returns the body's paragraphs.
 * linkedom only builds a body for a whole document, so a fragment is wrapped in one first.
 */
export function htmlToBlocks(markup: string): Block[] {
  const expanded = markup.replace(SELF_CLOSED, '<$1$2></$1>')
  const { document } = parseHTML(/<html[\s>]/i.test(expanded) ? expanded : `<!doctype html><html><body>${expanded}</body></html>`)
  const blocks: Block[] = []
  const root = (document.body ?? document.documentElement) as unknown as WalkNode | null
  if (root) walk(root, 'paragraph', blocks)
  return blocks
}

function name(node: WalkNode): string {
  const full = node.nodeName.toLowerCase()
  return full.slice(full.indexOf(':') + 1)
}

function headingOrInherited(tag: string, inherited: ParagraphKind): ParagraphKind {
  if (/^h[1-6]$/.test(tag)) return 'heading'
  if (tag === 'blockquote') return 'quote'
  if (tag === 'li') return 'list-item'
  return inherited
}

/** Walks a block element: inline runs become paragraphs of `kind`, child blocks are walked in turn. */
function walk(element: WalkNode, inherited: ParagraphKind, out: Block[]): void {
  const kind = headingOrInherited(name(element), inherited)
  let run: string[] = []
  const flush = (): void => {
    const text = run.join('').replace(HTML_SPACE, ' ').trim()
    if (text) out.push({ text, kind })
    run = []
  }
  const inline = (node: WalkNode): void => {
    if (node.nodeType === 3) run.push(node.textContent ?? '')
    if (node.nodeType !== 1) return
    const tag = name(node)
    if (SKIPPED.has(tag)) return
    if (tag === 'br') return flush()
    if (BLOCKS.has(tag)) {
      flush()
      walk(node, kind, out)
      return
    }
    for (const child of Array.from(node.childNodes)) inline(child)
  }
  for (const child of Array.from(element.childNodes)) inline(child)
  flush()
}
