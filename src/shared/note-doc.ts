// The shape of a note as stored: a tiptap (ProseMirror) JSON document limited to the nodes and marks
// the editor has. Checked where it enters the main process, so a note on disk never holds a script,
// an image or a link to anything but the web or e-mail.
import { z } from 'zod'
import type { QuotableHighlight } from './ipc/contract'

export const NOTE_NODE_TYPES = [
  'doc',
  'paragraph',
  'text',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'codeBlock',
  'horizontalRule',
  'hardBreak',
  'highlightQuote'
] as const
export const NOTE_MARK_TYPES = ['bold', 'italic', 'strike', 'underline', 'code', 'link'] as const

export type NoteNodeType = (typeof NOTE_NODE_TYPES)[number]
export type NoteMarkType = (typeof NOTE_MARK_TYPES)[number]

export interface NoteMark {
  type: NoteMarkType
  attrs?: Record<string, unknown>
}
export interface NoteNode {
  type: NoteNodeType
  attrs?: Record<string, unknown>
  content?: NoteNode[]
  marks?: NoteMark[]
  text?: string
}
export type NoteDoc = NoteNode & { type: 'doc' }

/** Links a note may hold: the web and e-mail. Never javascript:, file: or data:. */
export const SAFE_LINK = /^(https?:\/\/|mailto:)/i

/** What a quotation of a highlight keeps, so it still reads right after the highlight is deleted. */
export const HighlightQuoteAttrs = z.object({
  highlightId: z.string().min(1),
  articleId: z.string().min(1),
  quote: z.string().min(1),
  articleTitle: z.string(),
  outlet: z.string(),
  date: z.string(),
  /** The speaker of the quoted words in an interview, where the text labels it. */
  speaker: z.string().nullable().optional()
})
export type HighlightQuoteAttrs = z.infer<typeof HighlightQuoteAttrs>

/** The attributes a quotation of a highlight gets, from what the quotation search offers for it. */
export function quotationAttrs(found: QuotableHighlight): HighlightQuoteAttrs {
  return {
    highlightId: found.highlight.id,
    articleId: found.highlight.articleId,
    quote: found.highlight.quote.exact,
    articleTitle: found.articleTitle,
    outlet: found.outlet,
    date: found.date,
    speaker: found.speaker
  }
}

/**
 * How deep a note may nest, counting the document itself and its text: room for lists inside quotations
 * inside lists dozens of levels down, far below where the recursive checks (and the editor) would run out
 * of stack. The editor refuses a change that would go deeper; the core refuses such a note.
 */
export const MAX_NOTE_DEPTH = 100

/** How deep `node` nests, counted without recursion so a hostile document cannot overflow the stack; stops past `limit`. */
export function noteDepth(node: unknown, limit = MAX_NOTE_DEPTH): number {
  let deepest = 0
  const stack: [unknown, number][] = [[node, 1]]
  while (stack.length > 0) {
    const [next, depth] = stack.pop()!
    deepest = Math.max(deepest, depth)
    if (depth > limit) return depth
    const content = typeof next === 'object' && next !== null ? (next as { content?: unknown }).content : undefined
    if (Array.isArray(content)) for (const child of content) stack.push([child, depth + 1])
  }
  return deepest
}

/** Names what was refused, so the message says "script" rather than listing every allowed type. */
const NodeType = z.enum(NOTE_NODE_TYPES, {
  error: (issue) => `A note cannot hold “${String(issue.input)}”: only text, headings, lists, quotations, code and quoted highlights`
})
const MarkType = z.enum(NOTE_MARK_TYPES, {
  error: (issue) => `Text in a note cannot be marked “${String(issue.input)}”: only bold, italic, strike, underline, code and links`
})

// The editor's schema, node by node (tiptap's StarterKit as configured in the renderer's extensions, and
// the quotation node): what each may contain and which attributes it has. A document outside it would
// either fail to open (the editor shows nothing) or lose text when the editor next saves it.
const BLOCK: readonly NoteNodeType[] = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'codeBlock', 'horizontalRule', 'highlightQuote']
const INLINE: readonly NoteNodeType[] = ['text', 'hardBreak']
const CONTENT: Record<NoteNodeType, { children: readonly NoteNodeType[]; atLeastOne: boolean }> = {
  doc: { children: BLOCK, atLeastOne: true },
  paragraph: { children: INLINE, atLeastOne: false },
  heading: { children: INLINE, atLeastOne: false },
  blockquote: { children: BLOCK, atLeastOne: true },
  bulletList: { children: ['listItem'], atLeastOne: true },
  orderedList: { children: ['listItem'], atLeastOne: true },
  listItem: { children: BLOCK, atLeastOne: true },
  codeBlock: { children: ['text'], atLeastOne: false },
  horizontalRule: { children: [], atLeastOne: false },
  hardBreak: { children: [], atLeastOne: false },
  highlightQuote: { children: [], atLeastOne: false },
  text: { children: [], atLeastOne: false }
}
const NAMES: Record<NoteNodeType, string> = {
  doc: 'a note',
  paragraph: 'a paragraph',
  heading: 'a heading',
  blockquote: 'a block quote',
  bulletList: 'a list',
  orderedList: 'a numbered list',
  listItem: 'a list item',
  codeBlock: 'a code block',
  horizontalRule: 'a rule',
  hardBreak: 'a line break',
  highlightQuote: 'a quotation',
  text: 'text'
}

const NoAttrs = z.object({}).strict()
const NODE_ATTRS: Record<NoteNodeType, z.ZodType> = {
  doc: NoAttrs,
  paragraph: NoAttrs,
  heading: z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'A heading’s level is 1, 2 or 3' }).optional() }).strict(),
  blockquote: NoAttrs,
  bulletList: NoAttrs,
  orderedList: z.object({ start: z.number().int().min(0).max(1_000_000).optional(), type: z.string().max(10).nullable().optional() }).strict(),
  listItem: NoAttrs,
  codeBlock: z.object({ language: z.string().max(100).nullable().optional() }).strict(),
  horizontalRule: NoAttrs,
  hardBreak: NoAttrs,
  highlightQuote: HighlightQuoteAttrs.strict(),
  text: NoAttrs
}
const NullableText = z.string().max(2000).nullable().optional()
const MARK_ATTRS: Record<NoteMarkType, z.ZodType> = {
  bold: NoAttrs,
  italic: NoAttrs,
  strike: NoAttrs,
  underline: NoAttrs,
  code: NoAttrs,
  link: z.object({ href: z.string().max(4000).regex(SAFE_LINK), target: NullableText, rel: NullableText, class: NullableText, title: NullableText }).strict()
}

const Mark: z.ZodType<NoteMark> = z
  .object({ type: MarkType, attrs: z.record(z.string(), z.unknown()).optional() })
  .strict()
  .refine((mark) => mark.type !== 'link' || (typeof mark.attrs?.href === 'string' && SAFE_LINK.test(mark.attrs.href)), {
    message: 'A link in a note must be a web (http, https) or e-mail address'
  })
  .refine((mark) => mark.type === 'link' || MARK_ATTRS[mark.type].safeParse(mark.attrs ?? {}).success, { message: 'This mark has no attributes' })
  .refine((mark) => mark.type !== 'link' || MARK_ATTRS.link.safeParse(mark.attrs).success, { message: 'A link has only an address, a target, a rel, a class and a title' })

/** Why a node breaks the editor's rules for what it holds, or null. */
function contentProblem(node: NoteNode): string | null {
  const rule = CONTENT[node.type]
  const content = node.content ?? []
  const name = NAMES[node.type]
  if (rule.children.length === 0 && node.content !== undefined) return `${name} holds nothing inside it`
  if (rule.atLeastOne && content.length === 0) return `${name} cannot be empty`
  const wrong = content.find((child) => !rule.children.includes(child.type))
  if (wrong) return `${name} cannot hold ${NAMES[wrong.type]}`
  if (node.type === 'listItem' && content[0]?.type !== 'paragraph') return 'a list item starts with a paragraph'
  if (node.type === 'codeBlock' && content.some((child) => (child.marks ?? []).length > 0)) return 'text in a code block has no marks'
  if (node.text !== undefined && node.type !== 'text') return `${name} has no text of its own`
  if (node.marks !== undefined && node.type !== 'text') return `${name} cannot be marked`
  const marks = (node.marks ?? []).map((mark) => mark.type)
  if (new Set(marks).size !== marks.length) return 'text carries each mark at most once'
  if (marks.includes('code') && marks.length > 1) return 'code text carries no other mark'
  return null
}

export const NoteNodeSchema: z.ZodType<NoteNode> = z.lazy(() =>
  z
    .object({
      type: NodeType,
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z.array(NoteNodeSchema).max(20_000).optional(),
      marks: z.array(Mark).max(10).optional(),
      text: z.string().max(1_000_000).optional()
    })
    .strict()
    .refine((node) => node.type !== 'highlightQuote' || HighlightQuoteAttrs.safeParse(node.attrs).success, {
      message: 'A quotation must keep its highlight, article and quote'
    })
    // ProseMirror throws on a text node without text, and the editor would then open the note empty.
    .refine((node) => node.type !== 'text' || (typeof node.text === 'string' && node.text !== ''), {
      message: 'A text node in a note cannot be empty'
    })
    .superRefine((node, ctx) => {
      const attrs = NODE_ATTRS[node.type].safeParse(node.attrs ?? {})
      if (!attrs.success) {
        const issue = attrs.error.issues[0]
        ctx.addIssue({ code: 'custom', path: ['attrs', ...(issue?.path ?? [])], message: `The attributes of ${NAMES[node.type]} are not the editor’s: ${issue?.message ?? 'invalid'}` })
        return
      }
      const problem = contentProblem(node)
      if (problem !== null) ctx.addIssue({ code: 'custom', message: `The editor cannot show this note: ${problem}` })
    })
)

/** Refuses a document nested deeper than MAX_NOTE_DEPTH before the recursive schema walks it. */
const ShallowEnough = z.unknown().superRefine((value, ctx) => {
  if (noteDepth(value) > MAX_NOTE_DEPTH) {
    ctx.addIssue({ code: 'custom', message: `A note can be nested at most ${MAX_NOTE_DEPTH} levels deep (quotations and lists inside one another)` })
  }
})

export const NoteDoc = ShallowEnough.pipe(
  NoteNodeSchema.refine((node): node is NoteDoc => node.type === 'doc', { message: 'A note must be a document' })
) as unknown as z.ZodType<NoteDoc>

export const EMPTY_DOC: NoteDoc = { type: 'doc', content: [{ type: 'paragraph' }] }

/** The plain text of a note, paragraphs separated by blank lines: for word counts, search and titles. */
export function noteText(node: NoteNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  if (node.type === 'highlightQuote') return String(node.attrs?.quote ?? '')
  const inner = (node.content ?? []).map(noteText)
  return ['doc', 'blockquote', 'bulletList', 'orderedList', 'listItem'].includes(node.type) ? inner.join('\n\n') : inner.join('')
}

/** Every highlight a note quotes. */
export function quotedHighlightIds(node: NoteNode): string[] {
  const own = node.type === 'highlightQuote' && typeof node.attrs?.highlightId === 'string' ? [node.attrs.highlightId] : []
  return [...own, ...(node.content ?? []).flatMap(quotedHighlightIds)]
}
