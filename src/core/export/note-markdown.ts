// A note (tiptap JSON) as a Markdown syntax tree, so notes travel into Obsidian and any Markdown reader
// with their structure: headings, lists, quotations of highlights, emphasis and links.
import type { BlockContent, Heading, List, ListItem, PhrasingContent, RootContent } from 'mdast'
import { HighlightQuoteAttrs, SAFE_LINK, type NoteMark, type NoteNode } from '../../shared/note-doc'
import { blockquoteOf, paragraph } from './markdown-syntax'

export interface NoteMarkdownOptions {
  /**
   * Added to every heading level, so a note's "# Heading" sits below the section that holds it; a level
   * past 6 stays 6 (Markdown has no deeper heading).
   */
  headingOffset?: number
  /** The citation line under a quotation of a highlight, e.g. "— Collider, Title, Sep 27, 2024". */
  cite: (quote: HighlightQuoteAttrs) => string
}

/** The note's blocks as mdast; empty paragraphs (the editor's blank lines) are left out. */
export function noteToMdast(node: NoteNode, options: NoteMarkdownOptions): RootContent[] {
  return blocks(node.content ?? [], options)
}

function blocks(nodes: readonly NoteNode[], options: NoteMarkdownOptions): BlockContent[] {
  return nodes.flatMap((n) => block(n, options))
}

function block(node: NoteNode, options: NoteMarkdownOptions): BlockContent[] {
  switch (node.type) {
    case 'doc':
      return blocks(node.content ?? [], options)
    case 'paragraph':
    case 'text':
    case 'hardBreak': {
      const children = phrasing(node.type === 'paragraph' ? (node.content ?? []) : [node])
      return children.length === 0 ? [] : [{ type: 'paragraph', children }]
    }
    case 'heading': {
      const children = phrasing(node.content ?? [])
      return children.length === 0 ? [] : [{ type: 'heading', depth: headingDepth(node, options), children }]
    }
    case 'bulletList':
    case 'orderedList':
      return [list(node, options)]
    case 'listItem':
      return [list({ type: 'bulletList', content: [node] }, options)]
    case 'blockquote':
      return [{ type: 'blockquote', children: blocks(node.content ?? [], options) }]
    case 'codeBlock': {
      const language = node.attrs?.language
      return [{ type: 'code', lang: typeof language === 'string' && language !== '' ? language : null, value: plainText(node) }]
    }
    case 'horizontalRule':
      return [{ type: 'thematicBreak' }]
    case 'highlightQuote':
      return quotation(node, options)
  }
}

function headingDepth(node: NoteNode, options: NoteMarkdownOptions): Heading['depth'] {
  const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1
  return Math.min(6, Math.max(1, Math.round(level) + (options.headingOffset ?? 0))) as Heading['depth']
}

function list(node: NoteNode, options: NoteMarkdownOptions): List {
  const ordered = node.type === 'orderedList'
  const start = typeof node.attrs?.start === 'number' && Number.isInteger(node.attrs.start) ? node.attrs.start : 1
  const items = (node.content ?? []).map((item): ListItem => {
    const content = item.type === 'listItem' ? (item.content ?? []) : [item]
    return { type: 'listItem', spread: false, children: blocks(content, options) }
  })
  return { type: 'list', ordered, ...(ordered ? { start } : {}), spread: false, children: items }
}

/** A quotation of a highlight: the quoted words as a block quote, the citation line under it. */
function quotation(node: NoteNode, options: NoteMarkdownOptions): BlockContent[] {
  const attrs = HighlightQuoteAttrs.safeParse(node.attrs)
  if (!attrs.success) return []
  return [blockquoteOf(attrs.data.quote), paragraph(options.cite(attrs.data))]
}

/** Marks outside in: a link holds bold, bold holds italic, so runs sharing a mark become one node. */
const MARK_ORDER = ['link', 'bold', 'italic', 'strike'] as const
type WrappingMark = (typeof MARK_ORDER)[number]

interface InlineItem {
  leaf: PhrasingContent
  marks: NoteMark[]
}

function phrasing(nodes: readonly NoteNode[]): PhrasingContent[] {
  return wrap(nodes.flatMap(inlineItem))
}

function inlineItem(node: NoteNode): InlineItem[] {
  const marks = node.marks ?? []
  if (node.type === 'hardBreak') return [{ leaf: { type: 'break' }, marks }]
  if (node.type === 'highlightQuote') return [{ leaf: { type: 'text', value: String(node.attrs?.quote ?? '') }, marks }]
  const value = node.type === 'text' ? (node.text ?? '') : plainText(node)
  if (value === '') return []
  // Code is a leaf in Markdown: nothing formats inside backticks. Underline has no Markdown; its text stays.
  const leaf: PhrasingContent = marks.some((m) => m.type === 'code') ? { type: 'inlineCode', value } : { type: 'text', value }
  return [{ leaf, marks }]
}

function wrap(items: readonly InlineItem[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (let i = 0; i < items.length; ) {
    const item = items[i] as InlineItem
    const mark = outerMark(item.marks)
    if (mark === null) {
      out.push(item.leaf)
      i++
      continue
    }
    let j = i + 1
    while (j < items.length && items[j]?.marks.some((m) => sameMark(m, mark))) j++
    const inner = wrap(items.slice(i, j).map((it) => ({ ...it, marks: it.marks.filter((m) => !sameMark(m, mark)) })))
    out.push(...expelWhitespace(inner, (children) => markNode(mark, children)))
    i = j
  }
  return out
}

/**
 * Moves spaces at the edges of a marked run outside it: `**bold **` is not bold in CommonMark (a closing
 * `**` after a space does not close), so the editor's "bold " is written `**bold** `.
 */
function expelWhitespace(children: PhrasingContent[], wrapIn: (children: PhrasingContent[]) => PhrasingContent): PhrasingContent[] {
  const inner = [...children]
  const first = inner[0]
  const leading = first?.type === 'text' ? (/^\s+/.exec(first.value)?.[0] ?? '') : ''
  if (first?.type === 'text' && leading !== '') inner[0] = { type: 'text', value: first.value.slice(leading.length) }
  const last = inner.at(-1)
  const trailing = last?.type === 'text' ? (/\s+$/.exec(last.value)?.[0] ?? '') : ''
  if (last?.type === 'text' && trailing !== '') inner[inner.length - 1] = { type: 'text', value: last.value.slice(0, last.value.length - trailing.length) }
  const kept = inner.filter((c) => c.type !== 'text' || c.value !== '')
  const space = (value: string): PhrasingContent[] => (value === '' ? [] : [{ type: 'text', value }])
  return kept.length === 0 ? space(leading + trailing) : [...space(leading), wrapIn(kept), ...space(trailing)]
}

function outerMark(marks: readonly NoteMark[]): NoteMark | null {
  for (const type of MARK_ORDER) {
    const mark = marks.find((m) => m.type === type && (type !== 'link' || safeHref(m) !== null))
    if (mark) return mark
  }
  return null
}

function sameMark(a: NoteMark, b: NoteMark): boolean {
  return a.type === b.type && (a.type !== 'link' || safeHref(a) === safeHref(b))
}

/** A link's address when it is one a note may hold (web or e-mail); other marks' text stays plain. */
function safeHref(mark: NoteMark): string | null {
  const href = mark.attrs?.href
  return typeof href === 'string' && SAFE_LINK.test(href) ? href : null
}

function markNode(mark: NoteMark, children: PhrasingContent[]): PhrasingContent {
  const type = mark.type as WrappingMark
  switch (type) {
    case 'link':
      return { type: 'link', url: safeHref(mark) ?? '', children }
    case 'bold':
      return { type: 'strong', children }
    case 'italic':
      return { type: 'emphasis', children }
    case 'strike':
      return { type: 'delete', children }
  }
}

function plainText(node: NoteNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map(plainText).join('')
}
