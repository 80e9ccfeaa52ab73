// Annotations made elsewhere, read into one plain shape: W3C Web Annotation JSON (what our own export
// writes, https://www.w3.org/TR/annotation-model/) and Hypothesis's JSON (its export and its API's search
// results). Pure: no library, no disk. The services place what this reads; an annotation this cannot read
// is kept with the reason, so the summary can say why it was not placed rather than drop it.
import { fromMarkdown } from 'mdast-util-from-markdown'
import type { BlockContent, DefinitionContent, PhrasingContent, RootContent } from 'mdast'
import { parseHTML } from 'linkedom'
import { z } from 'zod'
import { MAX_CONTEXT_LENGTH } from '../../shared/model'
import { SAFE_LINK, type NoteDoc, type NoteMark, type NoteNode } from '../../shared/note-doc'
import { LibraryError } from '../library/errors'

/** More than this many annotations in one file is refused: far beyond any critic's export, and the work is one transaction. */
export const MAX_ANNOTATIONS = 100_000
/** A quote longer than this is no passage an annotation tool marks; each is anchored, so each is bounded. */
export const MAX_QUOTE_LENGTH = 10_000
/** A comment longer than this does not fit one text node of a note (NoteDoc's own cap). */
const MAX_COMMENT_LENGTH = 1_000_000

export type CommentFormat = 'text/plain' | 'text/markdown' | 'text/html'

export interface AnnotationTarget {
  /** What the annotation says it is about: a web address, a liner-notes:// address or an article id; null when it does not say. */
  source: string | null
  quote: { exact: string; prefix: string; suffix: string } | null
  /** As the file gives it: code points by the W3C model (§4.2.5), UTF-16 units in Hypothesis and our own export. */
  position: { start: number; end: number } | null
}

export interface ParsedAnnotation {
  /** Its id in the file, or "annotation 12" (1-based) when it has none. */
  label: string
  /** The annotation's own id, which for our export names the article too (liner-notes://open/<article>/<highlight>). */
  id: string | null
  targets: AnnotationTarget[]
  /** Tag values as written, "parent/child" for a nested theme. */
  tags: string[]
  comments: { value: string; format: CommentFormat }[]
  created: string | null
  modified: string | null
  /** Why it cannot be read at all; null when it can. */
  problem: string | null
}

const Text = (max: number, what: string) => z.string().max(max, `${what} is longer than ${max.toLocaleString('en')} characters`)
const Types = z.union([z.string().max(200), z.array(z.string().max(200)).max(20)])

const QuoteSelector = z.object({
  exact: Text(MAX_QUOTE_LENGTH, 'its quote'),
  // The library's own bound on context (Hypothesis saves 32 characters): a longer one only slows anchoring.
  prefix: Text(MAX_CONTEXT_LENGTH, 'the text before its quote').optional(),
  suffix: Text(MAX_CONTEXT_LENGTH, 'the text after its quote').optional()
})
const PositionSelector = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((s) => s.start <= s.end, 'its position ends before it starts')
/** Any selector: read by its type below, so one of a type this importer ignores (RangeSelector, …) is let through. */
const AnySelector = z.looseObject({ type: z.string().max(200) })

const Target = z.union([
  z.string().max(4096),
  z.looseObject({ source: z.string().max(4096).optional(), id: z.string().max(4096).optional(), selector: z.union([AnySelector, z.array(AnySelector).max(100)]).optional() })
])

const Body = z.union([
  // A body given by address (§3.2.1) says nothing this importer can use.
  z.string().max(4096),
  z.looseObject({
    type: Types.optional(),
    value: Text(MAX_COMMENT_LENGTH, 'a body').optional(),
    purpose: Types.optional(),
    format: z.string().max(200).optional()
  })
])

const W3cAnnotation = z.looseObject({
  id: z.string().max(4096).optional(),
  motivation: Types.optional(),
  created: z.string().max(100).optional(),
  modified: z.string().max(100).optional(),
  body: z.union([Body, z.array(Body).max(1000)]).optional(),
  bodyValue: Text(MAX_COMMENT_LENGTH, 'its comment').optional(),
  target: z.union([Target, z.array(Target).max(100)])
})

const HypothesisAnnotation = z.looseObject({
  id: z.string().max(4096).optional(),
  uri: z.string().max(4096).optional(),
  created: z.string().max(100).optional(),
  updated: z.string().max(100).optional(),
  text: Text(MAX_COMMENT_LENGTH, 'its comment').optional(),
  tags: z.array(z.string().max(1000, 'a tag is longer than 1,000 characters')).max(1000).optional(),
  target: z.array(z.looseObject({ source: z.string().max(4096).optional(), selector: z.array(AnySelector).max(100).optional() })).max(100).optional()
})

/** The containers a file may be: a collection or page (W3C), Hypothesis's export or its search results, or a list. */
const Items = z.array(z.unknown()).max(MAX_ANNOTATIONS, `it holds more than ${MAX_ANNOTATIONS.toLocaleString('en')} annotations, more than one import takes`)

/**
 * Every annotation the file holds, in order. Throws LibraryError('invalid-request') with one sentence
 * when the file is not JSON, or is JSON but not annotations.
 */
export function parseAnnotationFile(json: string): ParsedAnnotation[] {
  let data: unknown
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''))
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message.replace(/\.$/, '')})` : ''
    throw refused(`This file is not JSON${detail}, so it cannot hold annotations.`)
  }
  const items = annotationItems(data)
  const counted = Items.safeParse(items)
  if (!counted.success) throw refused(`This file cannot be imported: ${counted.error.issues[0]?.message ?? 'it is too large'}.`)
  if (items.length > 0 && !items.some(looksLikeAnnotation)) throw refused(NOT_ANNOTATIONS)
  return items.map((item, index) => readAnnotation(item, index))
}

const NOT_ANNOTATIONS =
  'This file is JSON but not annotations: expected W3C Web Annotations (an AnnotationCollection, a list, or one Annotation) or a Hypothesis export.'

function refused(sentence: string): LibraryError {
  return new LibraryError('invalid-request', sentence)
}

function annotationItems(data: unknown): unknown[] {
  if (Array.isArray(data)) return data
  if (!isObject(data)) throw refused(NOT_ANNOTATIONS)
  if (hasType(data, 'AnnotationCollection')) {
    // The collection embeds its first page (§5.1), or names the page by address, which an offline file cannot follow.
    const first = data.first
    if (isObject(first) && Array.isArray(first.items)) return first.items
    if (Array.isArray(data.items)) return data.items
    throw refused('This AnnotationCollection does not hold its annotations (its first page is only named by address); export it with the annotations embedded.')
  }
  if (hasType(data, 'AnnotationPage') && Array.isArray(data.items)) return data.items
  if (hasType(data, 'Annotation')) return [data]
  // Hypothesis: the API's search answers {total, rows}; the client's export is {export_date, annotations}.
  if (Array.isArray(data.rows)) return data.rows
  if (Array.isArray(data.annotations)) return data.annotations
  if ('target' in data) return [data]
  throw refused(NOT_ANNOTATIONS)
}

function looksLikeAnnotation(item: unknown): boolean {
  return isObject(item) && ('target' in item || 'uri' in item || hasType(item, 'Annotation'))
}

/** Hypothesis's annotations carry `uri` and `tags`/`text`; a W3C one has `body`/`bodyValue` or calls itself an Annotation. */
function isHypothesis(item: Record<string, unknown>): boolean {
  return !hasType(item, 'Annotation') && !('body' in item) && !('bodyValue' in item) && ('uri' in item || 'tags' in item || 'text' in item)
}

function readAnnotation(item: unknown, index: number): ParsedAnnotation {
  const fallback = `annotation ${index + 1}`
  const id = isObject(item) && typeof item.id === 'string' && item.id.trim() !== '' && item.id.length <= 4096 ? item.id.trim() : null
  const blank: ParsedAnnotation = { label: id ?? fallback, id, targets: [], tags: [], comments: [], created: null, modified: null, problem: null }
  if (!isObject(item)) return { ...blank, problem: 'it is not an annotation (not a JSON object)' }
  try {
    return isHypothesis(item) ? readHypothesis(item, blank) : readW3c(item, blank)
  } catch (error) {
    if (error instanceof z.ZodError) return { ...blank, problem: `it is not an annotation Liner Notes can read: ${issueText(error)}` }
    if (error instanceof UnreadableSelector) return { ...blank, problem: `it is not an annotation Liner Notes can read: ${error.message}` }
    throw error
  }
}

function readW3c(item: Record<string, unknown>, blank: ParsedAnnotation): ParsedAnnotation {
  const annotation = W3cAnnotation.parse(item)
  const motivations = list(annotation.motivation)
  const tags: string[] = []
  const comments: ParsedAnnotation['comments'] = []
  for (const body of list<z.infer<typeof Body>>(annotation.body)) {
    if (typeof body === 'string' || body.value === undefined) continue
    const purposes = list(body.purpose)
    // A body without a purpose takes the annotation's motivation (§3.3.5), and is a comment when that says nothing.
    const tagging = purposes.includes('tagging') || (purposes.length === 0 && motivations.includes('tagging'))
    if (tagging) tags.push(body.value)
    else if (purposes.length === 0 || purposes.some((p) => p === 'commenting' || p === 'describing' || p === 'replying' || p === 'questioning')) {
      comments.push({ value: body.value, format: commentFormat(body.format) })
    }
  }
  if (annotation.bodyValue !== undefined) comments.push({ value: annotation.bodyValue, format: 'text/plain' })
  const targets = list<z.infer<typeof Target>>(annotation.target).map((target) =>
    typeof target === 'string' ? { source: target, quote: null, position: null } : readSelectors(target.source ?? target.id ?? null, list(target.selector))
  )
  return { ...blank, targets, tags, comments, created: annotation.created ?? null, modified: annotation.modified ?? null }
}

function readHypothesis(item: Record<string, unknown>, blank: ParsedAnnotation): ParsedAnnotation {
  const annotation = HypothesisAnnotation.parse(item)
  const targets = (annotation.target ?? []).map((target) => readSelectors(target.source ?? annotation.uri ?? null, target.selector ?? []))
  if (targets.length === 0) targets.push({ source: annotation.uri ?? null, quote: null, position: null })
  const comments = annotation.text !== undefined && annotation.text.trim() !== '' ? [{ value: annotation.text, format: 'text/markdown' as const }] : []
  return { ...blank, targets, tags: annotation.tags ?? [], comments, created: annotation.created ?? null, modified: annotation.updated ?? null }
}

class UnreadableSelector extends Error {}

/** The quote and position among a target's selectors (alternatives for the same words, §4.2); other kinds are ignored. */
function readSelectors(source: string | null, selectors: readonly z.infer<typeof AnySelector>[]): AnnotationTarget {
  let quote: AnnotationTarget['quote'] = null
  let position: AnnotationTarget['position'] = null
  for (const selector of selectors) {
    if (selector.type === 'TextQuoteSelector' && quote === null) {
      const parsed = QuoteSelector.safeParse(selector)
      if (!parsed.success) throw new UnreadableSelector(`its TextQuoteSelector is not right (${issueText(parsed.error)})`)
      if (parsed.data.exact !== '') quote = { exact: parsed.data.exact, prefix: parsed.data.prefix ?? '', suffix: parsed.data.suffix ?? '' }
    } else if (selector.type === 'TextPositionSelector' && position === null) {
      const parsed = PositionSelector.safeParse(selector)
      if (!parsed.success) throw new UnreadableSelector(`its TextPositionSelector is not right (${issueText(parsed.error)})`)
      if (parsed.data.start < parsed.data.end) position = { start: parsed.data.start, end: parsed.data.end }
    }
  }
  return { source: source?.trim() || null, quote, position }
}

function commentFormat(format: string | undefined): CommentFormat {
  const type = format?.split(';')[0]?.trim().toLowerCase()
  return type === 'text/html' || type === 'application/xhtml+xml' ? 'text/html' : type === 'text/markdown' ? 'text/markdown' : 'text/plain'
}

/** The first problem zod found, where it was: "target.0.source: expected string". */
function issueText(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'its shape is wrong'
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  return `${where}${issue.message}`.replace(/\.$/, '')
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const hasType = (item: Record<string, unknown>, type: string): boolean => list(item.type as string | string[] | undefined).includes(type)
function list<T>(value: T | readonly T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? [...(value as readonly T[])] : [value as T]
}

// ---- Addresses ----

/**
 * A web address as compared with an article's: lower-case scheme and host (URL does both), no fragment,
 * no trailing slash. null for anything that is not an http(s) address.
 */
export function normalizedWebAddress(address: string): string | null {
  let url: URL
  try {
    url = new URL(address.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  url.hash = ''
  return url.href.replace(/\/+(?=\?|$)/, '')
}

/** A tag's theme path: "heritage/Korean roots" → ["heritage", "Korean roots"]; blank steps dropped, each cut to a theme name's 80 characters. */
export function themePath(tag: string): string[] {
  return tag
    .split('/')
    .map((step) => step.replace(/\s+/g, ' ').trim().slice(0, 80).trim())
    .filter((step) => step !== '')
}

/** W3C positions count code points (§4.2.5); the text is a JS string. null when the range runs past the end. */
export function codePointRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let units = 0
  let points = 0
  let from: number | null = null
  while (points < end) {
    if (points === start) from = units
    if (units >= text.length) return null
    units += (text.codePointAt(units) ?? 0) > 0xffff ? 2 : 1
    points++
  }
  return { start: from ?? units, end: units }
}

// ---- Comments as notes ----

/** The comments as one note (paragraphs, lists and emphasis kept where Markdown has them); null when they hold no text. */
export function noteFromComments(comments: readonly { value: string; format: CommentFormat }[]): NoteDoc | null {
  const content = comments.flatMap(({ value, format }) =>
    format === 'text/markdown' ? markdownBlocks(value) : textBlocks(format === 'text/html' ? htmlText(value) : value)
  )
  return content.length === 0 ? null : { type: 'doc', content }
}

/** Plain text: a paragraph per blank-line-separated block, a hard break per line break inside one. */
function textBlocks(text: string): NoteNode[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => ({ type: 'paragraph' as const, content: block.split('\n').flatMap((line, i) => [...(i > 0 ? [{ type: 'hardBreak' as const }] : []), ...textNode(line)]) }))
}

/** HTML reduced to its words: a blank line between blocks, a line break for <br>; scripts and styles dropped. */
function htmlText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  for (const element of document.querySelectorAll('script, style, template')) element.remove()
  for (const br of document.querySelectorAll('br')) br.replaceWith(document.createTextNode('\n'))
  const blocks = 'p, div, li, h1, h2, h3, h4, h5, h6, blockquote, pre, tr, section, article, header, footer, ul, ol, table, hr'
  for (const block of document.querySelectorAll(blocks)) {
    block.before(document.createTextNode('\n\n'))
    block.after(document.createTextNode('\n\n'))
  }
  return (document.body.textContent ?? '').replace(/[ \t]+/g, ' ')
}

function markdownBlocks(markdown: string): NoteNode[] {
  return fromMarkdown(markdown).children.flatMap(block)
}

function block(node: RootContent | BlockContent | DefinitionContent): NoteNode[] {
  switch (node.type) {
    case 'paragraph': {
      const content = inline(node.children, [])
      return content.length === 0 ? [] : [{ type: 'paragraph', content }]
    }
    case 'heading': {
      const content = inline(node.children, [])
      return content.length === 0 ? [] : [{ type: 'heading', attrs: { level: node.depth }, content }]
    }
    case 'list': {
      const items = node.children.map((item): NoteNode => {
        const content = item.children.flatMap(block)
        // A list item opens with a paragraph in the editor's schema.
        return { type: 'listItem', content: content[0]?.type === 'paragraph' ? content : [{ type: 'paragraph' }, ...content] }
      })
      if (items.length === 0) return []
      const start = node.start ?? 1
      return [node.ordered ? { type: 'orderedList', ...(start !== 1 ? { attrs: { start } } : {}), content: items } : { type: 'bulletList', content: items }]
    }
    case 'blockquote': {
      const content = node.children.flatMap(block)
      return content.length === 0 ? [] : [{ type: 'blockquote', content }]
    }
    case 'code':
      return [{ type: 'codeBlock', ...(node.lang ? { attrs: { language: node.lang } } : {}), ...(node.value === '' ? {} : { content: textNode(node.value) }) }]
    case 'thematicBreak':
      return [{ type: 'horizontalRule' }]
    case 'html':
      return textBlocks(htmlText(node.value))
    default:
      // Definitions and anything else Markdown has and a note does not: kept as text when they have any.
      return 'value' in node && typeof node.value === 'string' ? textBlocks(node.value) : []
  }
}

function inline(nodes: readonly PhrasingContent[], marks: readonly NoteMark[]): NoteNode[] {
  return nodes.flatMap((node): NoteNode[] => {
    switch (node.type) {
      case 'text':
        return textNode(node.value, marks)
      case 'inlineCode':
        // Code takes no other mark in the editor (tiptap's Code excludes them all).
        return textNode(node.value, [{ type: 'code' }])
      case 'emphasis':
        return inline(node.children, withMark(marks, { type: 'italic' }))
      case 'strong':
        return inline(node.children, withMark(marks, { type: 'bold' }))
      case 'delete':
        return inline(node.children, withMark(marks, { type: 'strike' }))
      case 'link':
        // Only web and e-mail links survive (as in every note); any other link keeps its words.
        return inline(node.children, SAFE_LINK.test(node.url) ? withMark(marks, { type: 'link', attrs: { href: node.url } }) : marks)
      case 'break':
        return [{ type: 'hardBreak' }]
      case 'image':
        return textNode(node.alt ?? '', marks)
      case 'html':
        return textNode(htmlText(node.value).replace(/\s+/g, ' '), marks)
      default:
        return 'children' in node ? inline(node.children as PhrasingContent[], marks) : 'value' in node ? textNode(String(node.value), marks) : []
    }
  })
}

const withMark = (marks: readonly NoteMark[], mark: NoteMark): NoteMark[] => (marks.some((m) => m.type === mark.type) ? [...marks] : [...marks, mark])

/** A text node, or nothing for empty text (the editor cannot open an empty one). */
function textNode(text: string, marks: readonly NoteMark[] = []): NoteNode[] {
  return text === '' ? [] : [{ type: 'text', text, ...(marks.length > 0 ? { marks: [...marks] } : {}) }]
}
