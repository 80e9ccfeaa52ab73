// The core's NoteDoc and the editor's schema hold exactly the same notes: every document the core accepts
// opens in the editor unchanged (ProseMirror's own check passes and it gives back the same JSON), every
// one it refuses the editor could not hold as it is; and both stop at the same nesting depth.
import { getSchema } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { MAX_NOTE_DEPTH, NoteDoc, type NoteNode } from '../../../../shared/note-doc'
import { depthLimitPlugin, documentDepth } from './depth-limit'
import { noteExtensions } from './extensions'

const schema = getSchema(noteExtensions(''))
const text = (value: string, marks?: NoteNode['marks']): NoteNode => ({ type: 'text', text: value, ...(marks ? { marks } : {}) })
const p = (...content: NoteNode[]): NoteNode => ({ type: 'paragraph', ...(content.length ? { content } : {}) })
const doc = (...content: NoteNode[]): NoteNode => ({ type: 'doc', content })
const quote = { highlightId: 'hl-1', articleId: 'a-1', quote: 'the words', articleTitle: 'T', outlet: 'O', date: '2024-01-01', speaker: null }

/** Whether the editor holds `json` as it is: ProseMirror's check passes and nothing is dropped or added. */
function editorHolds(json: unknown): boolean {
  let node: ProseMirrorNode
  try {
    node = schema.nodeFromJSON(json)
    node.check()
  } catch {
    return false
  }
  return JSON.stringify(withDefaults(node.toJSON())) === JSON.stringify(withDefaults(json))
}

/** Attributes the editor fills in with their defaults, so a document that leaves them out compares equal. */
function withDefaults(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(withDefaults)
  if (typeof json !== 'object' || json === null) return json
  const node = json as Record<string, unknown>
  const type = node.type as string
  const spec = schema.nodes[type]?.spec.attrs ?? schema.marks[type]?.spec.attrs ?? {}
  const defaults = Object.fromEntries(Object.entries(spec).map(([key, value]) => [key, (value as { default?: unknown }).default]))
  const attrs = { ...defaults, ...((node.attrs as object | undefined) ?? {}) }
  const out: Record<string, unknown> = { type }
  if (Object.keys(attrs).length > 0) out.attrs = attrs
  for (const key of ['content', 'marks']) if (node[key] !== undefined) out[key] = withDefaults(node[key])
  if (node.text !== undefined) out.text = node.text
  return out
}

const nested = (depth: number): NoteNode => {
  // doc (1) > paragraph (2) > text (3): each blockquote adds one level.
  let node: NoteNode = p(text('deep'))
  for (let i = 0; i < depth - 3; i++) node = { type: 'blockquote', content: [node] }
  return doc(node)
}

const ACCEPTED: [string, NoteNode][] = [
  ['an empty paragraph', doc(p())],
  ['marked text and a line break', doc(p(text('a', [{ type: 'bold' }, { type: 'italic' }]), { type: 'hardBreak' }, text('b', [{ type: 'link', attrs: { href: 'https://example.org' } }])))],
  ['headings of each level', doc({ type: 'heading', attrs: { level: 1 }, content: [text('h')] }, { type: 'heading', attrs: { level: 3 } })],
  ['lists inside quotations', doc({ type: 'blockquote', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [p(text('x')), { type: 'orderedList', attrs: { start: 3, type: null }, content: [{ type: 'listItem', content: [p()] }] }] }] }] })],
  ['code', doc({ type: 'codeBlock', attrs: { language: 'js' }, content: [text('let x')] }, p(text('x', [{ type: 'code' }])))],
  ['a rule and a quotation', doc({ type: 'horizontalRule' }, { type: 'highlightQuote', attrs: quote })],
  ['the deepest nesting allowed', nested(MAX_NOTE_DEPTH)]
]

const REFUSED: [string, unknown][] = [
  ['a document inside a document', doc(doc(p(text('x'))) as NoteNode)],
  ['text straight in the document', doc(text('loose'))],
  ['a paragraph inside a paragraph', doc(p(p(text('x')) as NoteNode))],
  ['an empty document', { type: 'doc', content: [] }],
  ['a list item outside a list', doc({ type: 'listItem', content: [p()] })],
  ['a list item starting with a list', doc({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [p()] }] }] }] })],
  ['an empty list', doc({ type: 'bulletList', content: [] })],
  ['an empty block quote', doc({ type: 'blockquote', content: [] })],
  ['marked text in a code block', doc({ type: 'codeBlock', content: [text('x', [{ type: 'bold' }])] })],
  ['a heading in a code block', doc({ type: 'codeBlock', content: [{ type: 'heading' }] })],
  ['code with another mark', doc(p(text('x', [{ type: 'code' }, { type: 'bold' }])))],
  ['the same mark twice', doc(p(text('x', [{ type: 'bold' }, { type: 'bold' }])))],
  ['a marked paragraph', doc({ type: 'paragraph', marks: [{ type: 'bold' }] })],
  ['text on a paragraph', doc({ type: 'paragraph', text: 'x' })],
  ['content in a rule', doc({ type: 'horizontalRule', content: [p()] })],
  ['a heading of level 7', doc({ type: 'heading', attrs: { level: 7 } })],
  ['an attribute the editor does not have', doc({ type: 'paragraph', attrs: { style: 'color:red' } })],
  ['a link with an attribute the editor does not have', doc(p(text('x', [{ type: 'link', attrs: { href: 'https://example.org', onclick: 'x' } }])))],
  ['a quotation with extra attributes', doc({ type: 'highlightQuote', attrs: { ...quote, html: '<b>' } })],
  ['nesting one level deeper than allowed', nested(MAX_NOTE_DEPTH + 1)]
]

describe('NoteDoc is what the editor can hold', () => {
  it.each(ACCEPTED)('accepts %s, and the editor opens it unchanged', (_, json) => {
    expect(NoteDoc.safeParse(json).success).toBe(true)
    expect(editorHolds(json)).toBe(true)
  })

  it.each(REFUSED)('refuses %s, with a sentence saying why', (_, json) => {
    const parsed = NoteDoc.safeParse(json)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toMatch(/^[A-Z]/)
  })

  // ProseMirror would take these two as they are, but the editor never makes them: its headings are levels
  // 1–3 (a level 7 shows as a level 1), and it keeps nesting within the limit (below).
  const neverMade = new Set(['a heading of level 7', 'nesting one level deeper than allowed'])
  it.each(REFUSED.filter(([name]) => !neverMade.has(name)))('the editor cannot hold %s as it is either', (_, json) => {
    expect(editorHolds(json)).toBe(false)
  })
})

describe('the editor keeps a note within the nesting the core accepts', () => {
  it('counts depth as the core does', () => {
    expect(documentDepth(schema.nodeFromJSON(nested(MAX_NOTE_DEPTH)))).toBe(MAX_NOTE_DEPTH)
  })

  it('keeps room for text in an empty paragraph at the limit', () => {
    const empty = (depth: number) => {
      let node: NoteNode = p()
      for (let i = 0; i < depth - 2; i++) node = { type: 'blockquote', content: [node] }
      return schema.nodeFromJSON(doc(node))
    }
    // doc (1) > … > paragraph (99): its text will be at 100.
    expect(documentDepth(empty(99))).toBe(MAX_NOTE_DEPTH)
    expect(documentDepth(empty(100))).toBe(MAX_NOTE_DEPTH + 1)
  })

  it('refuses a change that would nest deeper, and allows one that stays within', () => {
    const state = EditorState.create({ schema, doc: schema.nodeFromJSON(nested(MAX_NOTE_DEPTH - 1)), plugins: [depthLimitPlugin()] })
    const inside = state.doc.resolve(MAX_NOTE_DEPTH - 2)
    const withCaret = state.apply(state.tr.setSelection(TextSelection.near(inside)))
    const wrap = (s: EditorState) => {
      const { $from, $to } = s.selection
      const range = $from.blockRange($to)!
      return s.tr.wrap(range, [{ type: schema.nodes.blockquote! }])
    }
    const once = withCaret.applyTransaction(wrap(withCaret)).state
    expect(documentDepth(once.doc)).toBe(MAX_NOTE_DEPTH)
    const twice = once.applyTransaction(wrap(once)).state
    expect(twice.doc.eq(once.doc)).toBe(true)
    expect(NoteDoc.safeParse(twice.doc.toJSON()).success).toBe(true)
  })
})
