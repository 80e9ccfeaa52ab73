import { describe, expect, it } from 'vitest'
import { NoteDoc } from '../../shared/note-doc'
import { codePointRange, MAX_ANNOTATIONS, normalizedWebAddress, noteFromComments, parseAnnotationFile, themePath } from './annotations'

const quote = (exact: string) => ({ type: 'TextQuoteSelector', exact })
const w3c = (extra: Record<string, unknown> = {}) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'urn:a1',
  type: 'Annotation',
  target: { source: 'https://example.com/a', selector: [quote('some words'), { type: 'TextPositionSelector', start: 4, end: 14 }] },
  ...extra
})

describe('parseAnnotationFile', () => {
  it.each([
    ['an AnnotationCollection with its first page', { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [w3c()] } }],
    ['an AnnotationCollection with items', { type: 'AnnotationCollection', items: [w3c()] }],
    ['an AnnotationPage', { type: 'AnnotationPage', items: [w3c()] }],
    ['a list', [w3c()]],
    ['one Annotation', w3c()]
  ])('reads %s', (_what, data) => {
    expect(parseAnnotationFile(JSON.stringify(data))).toEqual([
      {
        label: 'urn:a1',
        id: 'urn:a1',
        targets: [{ source: 'https://example.com/a', quote: { exact: 'some words', prefix: '', suffix: '' }, position: { start: 4, end: 14 } }],
        tags: [],
        comments: [],
        created: null,
        modified: null,
        problem: null
      }
    ])
  })

  it('reads bodies by purpose: tags, comments in their format; a body without purpose follows the motivation', () => {
    const [one, two] = parseAnnotationFile(
      JSON.stringify([
        w3c({
          body: [
            { type: 'TextualBody', purpose: 'tagging', value: 'heritage/Korean roots' },
            { type: 'TextualBody', purpose: 'commenting', value: '**yes**', format: 'text/markdown' },
            { type: 'TextualBody', purpose: 'commenting', value: '<p>hi</p>', format: 'text/html; charset=utf-8' },
            'https://example.com/linked-body'
          ]
        }),
        w3c({ id: undefined, motivation: 'tagging', body: { type: 'TextualBody', value: 'sound' }, bodyValue: 'plain words' })
      ])
    )
    expect(one?.tags).toEqual(['heritage/Korean roots'])
    expect(one?.comments).toEqual([
      { value: '**yes**', format: 'text/markdown' },
      { value: '<p>hi</p>', format: 'text/html' }
    ])
    expect(two).toMatchObject({ label: 'annotation 2', tags: ['sound'], comments: [{ value: 'plain words', format: 'text/plain' }] })
  })

  it('reads Hypothesis rows, its export, and ignores RangeSelectors', () => {
    const row = {
      id: 'hyp',
      uri: 'https://example.com/a',
      text: 'A *comment*',
      tags: ['t1'],
      updated: '2026-01-02T00:00:00Z',
      target: [{ source: 'https://example.com/a', selector: [{ type: 'RangeSelector', startContainer: '/p[1]' }, quote('words')] }]
    }
    const expected = [
      {
        label: 'hyp',
        id: 'hyp',
        targets: [{ source: 'https://example.com/a', quote: { exact: 'words', prefix: '', suffix: '' }, position: null }],
        tags: ['t1'],
        comments: [{ value: 'A *comment*', format: 'text/markdown' }],
        created: null,
        modified: '2026-01-02T00:00:00Z',
        problem: null
      }
    ]
    expect(parseAnnotationFile(JSON.stringify({ total: 1, rows: [row] }))).toEqual(expected)
    expect(parseAnnotationFile(JSON.stringify({ export_date: 'x', annotations: [row] }))).toEqual(expected)
    expect(parseAnnotationFile(JSON.stringify([row]))).toEqual(expected)
  })

  it('keeps an annotation it cannot read, with the reason, beside the ones it can', () => {
    const long = 'x'.repeat(10_001)
    const parsed = parseAnnotationFile(
      JSON.stringify([w3c(), w3c({ id: 'urn:long', target: { source: 'https://example.com/a', selector: quote(long) } }), 'a string', w3c({ id: 'urn:t', target: 7 })])
    )
    expect(parsed.map((a) => [a.label, a.problem])).toEqual([
      ['urn:a1', null],
      ['urn:long', expect.stringMatching(/^it is not an annotation Liner Notes can read: its TextQuoteSelector is not right \(exact: its quote is longer than 10,000 characters\)$/)],
      ['annotation 3', 'it is not an annotation (not a JSON object)'],
      ['urn:t', expect.stringMatching(/^it is not an annotation Liner Notes can read: target/)]
    ])
  })

  it.each([
    ['text that is not JSON', 'title: review', /^This file is not JSON/],
    ['an object of something else', '{"articles": []}', /^This file is JSON but not annotations/],
    ['a number', '42', /^This file is JSON but not annotations/],
    ['too many annotations', JSON.stringify(Array.from({ length: MAX_ANNOTATIONS + 1 }, () => ({}))), /^This file cannot be imported: it holds more than 100,000 annotations/]
  ])('refuses %s with one sentence', (_what, json, message) => {
    expect(() => parseAnnotationFile(json)).toThrow(message)
  })

  it('reads an empty list as no annotations', () => {
    expect(parseAnnotationFile('[]')).toEqual([])
  })
})

describe('normalizedWebAddress', () => {
  it.each([
    ['https://Example.COM/Review/', 'https://example.com/Review'],
    ['https://example.com/review#section-2', 'https://example.com/review'],
    ['https://example.com/', 'https://example.com'],
    ['https://example.com/r/?page=2', 'https://example.com/r?page=2'],
    ['liner-notes://open/abc', null],
    ['not an address', null]
  ])('%s → %s', (address, expected) => {
    expect(normalizedWebAddress(address)).toBe(expected)
  })
})

describe('themePath', () => {
  it.each([
    ['heritage', ['heritage']],
    [' heritage / Korean   roots ', ['heritage', 'Korean roots']],
    ['a//b/', ['a', 'b']],
    ['/', []],
    ['x'.repeat(90), ['x'.repeat(80)]]
  ])('%s', (tag, expected) => {
    expect(themePath(tag)).toEqual(expected)
  })
})

describe('codePointRange', () => {
  it('counts a character beyond the BMP as one', () => {
    const text = 'a🎬b🥁cd'
    expect(codePointRange(text, 2, 4)).toEqual({ start: 3, end: 6 })
    expect(text.slice(3, 6)).toBe('b🥁')
    expect(codePointRange(text, 0, 6)).toEqual({ start: 0, end: text.length })
    expect(codePointRange(text, 5, 7)).toBeNull()
  })
})

describe('noteFromComments', () => {
  const valid = (doc: NoteDoc | null) => {
    expect(NoteDoc.safeParse(doc).success).toBe(true)
    return doc
  }

  it('makes paragraphs of plain text, line breaks inside one', () => {
    expect(valid(noteFromComments([{ value: 'One\ntwo\r\n\r\n  Three  ', format: 'text/plain' }]))).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'One' }, { type: 'hardBreak' }, { type: 'text', text: 'two' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Three' }] }
      ]
    })
  })

  it('reads Markdown: headings, ordered lists, quotes, code, and only safe links', () => {
    const markdown = '## Cut\n\n3. first\n4. second\n\n> quoted\n\n```js\nx()\n```\n\n[bad](javascript:alert(1)) and [good](https://a.example) `code` \\*star\\*'
    expect(valid(noteFromComments([{ value: markdown, format: 'text/markdown' }]))).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Cut' }] },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'second' }] }] }
          ]
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }] },
        { type: 'codeBlock', attrs: { language: 'js' }, content: [{ type: 'text', text: 'x()' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bad' },
            { type: 'text', text: ' and ' },
            { type: 'text', text: 'good', marks: [{ type: 'link', attrs: { href: 'https://a.example' } }] },
            { type: 'text', text: ' ' },
            { type: 'text', text: 'code', marks: [{ type: 'code' }] },
            { type: 'text', text: ' *star*' }
          ]
        }
      ]
    })
  })

  it('strips HTML to its words, scripts and all', () => {
    const doc = valid(noteFromComments([{ value: '<h1>Title</h1><div>Body <i>text</i><img src=x onerror=alert(1)></div><script>evil()</script>', format: 'text/html' }]))
    expect(doc).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Title' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Body text' }] }
      ]
    })
  })

  it('gives no note for empty comments', () => {
    expect(noteFromComments([])).toBeNull()
    expect(noteFromComments([{ value: '  \n\n ', format: 'text/plain' }, { value: '', format: 'text/markdown' }])).toBeNull()
  })
})
