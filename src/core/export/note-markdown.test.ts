import { fromMarkdown } from 'mdast-util-from-markdown'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import type { NoteDoc, NoteNode } from '../../shared/note-doc'
import { root, writeMarkdown } from './markdown-syntax'
import { noteToMdast } from './note-markdown'
import { doc, p, RICH_NOTE, text } from './test-library'

const cite = (q: { outlet: string }): string => `— ${q.outlet}`
const markdown = (note: NoteDoc, headingOffset = 0): string => writeMarkdown(root(noteToMdast(note, { cite, headingOffset })))

describe('noteToMdast', () => {
  it.each<[string, NoteNode[], string]>([
    ['a paragraph', [p(text('Hello.'))], 'Hello.\n'],
    ['empty paragraphs left out', [p(), p(text('x')), p()], 'x\n'],
    ['bold, italic, strike, code', [p(text('b', [{ type: 'bold' }]), text(' i', [{ type: 'italic' }]), text(' s', [{ type: 'strike' }]), text(' c', [{ type: 'code' }]))], '**b** _i_ ~~s~~` c`\n'],
    ['spaces at the edges of a mark go outside it', [p(text('a'), text(' bold ', [{ type: 'bold' }]), text('b'))], 'a **bold** b\n'],
    ['a mark on spaces alone leaves the spaces', [p(text('a'), text('  ', [{ type: 'italic' }]), text('b'))], 'a  b\n'],
    ['underline keeps its text only', [p(text('under', [{ type: 'underline' }]))], 'under\n'],
    ['a run sharing a mark is one node', [p(text('one ', [{ type: 'bold' }]), text('two', [{ type: 'bold' }, { type: 'italic' }]), text(' three', [{ type: 'bold' }]))], '**one _two_ three**\n'],
    ['a link around marked text', [p(text('see ', [{ type: 'link', attrs: { href: 'https://a.example/' } }]), text('this', [{ type: 'link', attrs: { href: 'https://a.example/' } }, { type: 'bold' }]))], '[see **this**](https://a.example/)\n'],
    ['an unsafe link keeps its text only', [p(text('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))], 'click\n'],
    ['a hard break', [p(text('a'), { type: 'hardBreak' }, text('b'))], 'a\\\nb\n'],
    ['headings', [{ type: 'heading', attrs: { level: 2 }, content: [text('Two')] }], '## Two\n'],
    ['an ordered list keeps its start', [{ type: 'orderedList', attrs: { start: 7 }, content: [{ type: 'listItem', content: [p(text('seven'))] }, { type: 'listItem', content: [p(text('eight'))] }] }], '7. seven\n8. eight\n'],
    ['nested lists', [{ type: 'bulletList', content: [{ type: 'listItem', content: [p(text('a')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('b'))] }] }] }] }], '- a\n  - b\n'],
    ['a blockquote', [{ type: 'blockquote', content: [p(text('q'))] }], '> q\n'],
    ['a code block with its language and a fence inside', [{ type: 'codeBlock', attrs: { language: 'js' }, content: [text('a\n```\nb')] }], '````js\na\n```\nb\n````\n'],
    ['a code block without language', [{ type: 'codeBlock', content: [text('x')] }], '```\nx\n```\n'],
    ['a horizontal rule', [p(text('a')), { type: 'horizontalRule' }, p(text('b'))], 'a\n\n***\n\nb\n'],
    ['text that looks like Markdown', [p(text('*not* _em_ # [x](y) <b> `c`'))], '\\*not\\* \\_em\\_ \\# \\[x]\\(y) \\<b> \\`c\\`\n'],
    [
      'a quotation of a highlight: the quote, then the citation',
      [{ type: 'highlightQuote', attrs: { highlightId: 'h', articleId: 'a', quote: 'Line *one*\nLine two', articleTitle: 'T', outlet: 'Collider', date: '2024-09-27' } }],
      '> Line \\*one\\*\n>\n> Line two\n\n— Collider\n'
    ],
    ['a quotation without its attributes is left out', [{ type: 'highlightQuote', attrs: { quote: 'x' } }], '']
  ])('%s', (_case, content, expected) => {
    expect(markdown(doc(...content))).toBe(expected)
  })

  it('pushes headings below the section holding the note, never past level 6', () => {
    const note = doc({ type: 'heading', attrs: { level: 1 }, content: [text('One')] }, { type: 'heading', attrs: { level: 3 }, content: [text('Three')] })
    expect(markdown(note, 2)).toBe('### One\n\n##### Three\n')
    expect(markdown(note, 5)).toBe('###### One\n\n###### Three\n')
  })

  it('reads back with the same text and structure', () => {
    const tree = fromMarkdown(markdown(RICH_NOTE))
    expect(tree.children.map((n) => n.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'blockquote', 'code', 'thematicBreak'])
    // Plain CommonMark reads ~~ as text; everything else keeps its words.
    const paragraph = tree.children[1]
    expect(toString(paragraph)).toBe('Plain, bold, italic, ~~struck~~, underlined, a `tick` and a linkafter a break.')
    expect(paragraph?.type === 'paragraph' && paragraph.children.map((c) => c.type)).toContain('break')
    const ordered = tree.children[2]
    expect(ordered?.type === 'list' && ordered.start).toBe(3)
    const code = tree.children[5]
    expect(code?.type === 'code' && [code.lang, code.value]).toEqual(['ts', 'const x = 1 // ```'])
  })
})
