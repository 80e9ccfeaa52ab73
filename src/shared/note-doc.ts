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

const Attrs = z.record(z.string(), z.unknown())

/** Names what was refused, so the message says "script" rather than listing every allowed type. */
const NodeType = z.enum(NOTE_NODE_TYPES, {
  error: (issue) => `A note cannot hold “${String(issue.input)}”: only text, headings, lists, quotations, code and quoted highlights`
})
const MarkType = z.enum(NOTE_MARK_TYPES, {
  error: (issue) => `Text in a note cannot be marked “${String(issue.input)}”: only bold, italic, strike, underline, code and links`
})

const Mark: z.ZodType<NoteMark> = z
  .object({ type: MarkType, attrs: Attrs.optional() })
  .strict()
  .refine((mark) => mark.type !== 'link' || (typeof mark.attrs?.href === 'string' && SAFE_LINK.test(mark.attrs.href)), {
    message: 'A link in a note must be a web (http, https) or e-mail address'
  })

export const NoteNodeSchema: z.ZodType<NoteNode> = z.lazy(() =>
  z
    .object({
      type: NodeType,
      attrs: Attrs.optional(),
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
)

export const NoteDoc = NoteNodeSchema.refine((node): node is NoteDoc => node.type === 'doc', { message: 'A note must be a document' }) as z.ZodType<NoteDoc>

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
