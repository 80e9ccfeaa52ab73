import type { Blockquote, Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { anchor } from '../../shared/anchoring'
import type { Highlight } from '../../shared/model'
import { buildCodebook } from './codebook'
import { highlightBlockId, linerNotesUrl } from './links'
import { articleMarkdown, libraryMarkdown, libraryMarkdownFiles, noteMarkdown, themeMarkdown, type MarkdownOptions } from './markdown'
import { quoteLines } from './markdown-syntax'
import { archiveLibrary, IDS, SPECIAL_PARAGRAPH, shownText, STRUCTURE_LINES } from './test-library'

const source = archiveLibrary()
const NOW = '2026-01-01T00:00:00.000Z'
const LATER = '2026-06-30T23:59:59.999Z'
const options: MarkdownOptions = { now: NOW }

/** Front matter (parsed by the yaml package) and the body (parsed by mdast-util-from-markdown). */
function readFile(markdown: string): { frontMatter: Record<string, unknown>; body: Root; raw: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  if (!m?.[1]) throw new Error('No front matter')
  return { frontMatter: parseYaml(m[1]) as Record<string, unknown>, body: fromMarkdown(markdown.slice(m[0].length)), raw: markdown.slice(m[0].length) }
}

/** The words a highlight stands for: its place in the text the reader shows, or its saved quote. */
function expectedQuote(h: Highlight): string {
  const text = shownText(source, h.articleId)
  const found = anchor(text, h)
  return found ? text.slice(found.start, found.end) : h.quote.exact
}

interface ReadHighlight {
  quote: Blockquote
  citation: string
  facts: RootContent
}

/** Each highlight by its block id: the quote before the id, the citation and facts after it. */
function highlightsIn(body: Root): Map<string, ReadHighlight> {
  const found = new Map<string, ReadHighlight>()
  body.children.forEach((node, i) => {
    const id = node.type === 'paragraph' ? /^\^(hl-[A-Za-z0-9-]+)$/.exec(toString(node))?.[1] : undefined
    if (id === undefined) return
    const [quote, citation, facts] = [body.children[i - 1], body.children[i + 1], body.children[i + 2]]
    if (quote?.type !== 'blockquote' || !citation || !facts) throw new Error(`Block ${id} is not between a quote and its citation`)
    found.set(id, { quote, citation: toString(citation), facts })
  })
  return found
}

const byId = new Map(source.data.highlights.map((h) => [h.id, h]))
const highlight = (id: string): Highlight => byId.get(id) ?? (() => { throw new Error(id) })()

describe('libraryMarkdown, read back by real parsers', () => {
  const markdown = libraryMarkdown(source, options)
  const { frontMatter, body, raw } = readFile(markdown)
  const read = highlightsIn(body)

  it('says under each quote taken from a corrected text that it is', () => {
    let marked = 0
    for (const h of source.data.highlights) {
      const article = source.data.articles.find((a) => a.id === h.articleId)!
      const anchored = anchor(article.correctedText ?? source.texts.get(article.file) ?? '', h) !== null
      const facts = toString(read.get(highlightBlockId(h.id))?.facts)
      const expected = article.correctedText !== null && anchored
      expect(facts.includes('Quoted from the corrected text (the original differs)')).toBe(expected)
      if (expected) marked++
    }
    expect(marked).toBeGreaterThan(0)
  })

  it('holds every highlight once, by its block id', () => {
    expect([...read.keys()].sort()).toEqual(source.data.highlights.map((h) => highlightBlockId(h.id)).sort())
  })

  /** Passages two people speak are quoted in parts (below); the rest as one quotation. */
  const oneVoice = source.data.highlights.filter((h) => h.id !== 'hl-turns')
  it.each(oneVoice.map((h) => [h.id, h] as const))('quotes %s exactly as the article text has it', (id, h) => {
    const quote = read.get(highlightBlockId(id))?.quote
    expect(quote?.children.map((p) => toString(p))).toEqual(quoteLines(expectedQuote(h)))
  })

  it('keeps every Markdown character of a quote as text', () => {
    const quote = read.get(highlightBlockId('hl-special'))?.quote
    expect(quote?.children).toHaveLength(1)
    expect(quote?.children[0]?.type).toBe('paragraph')
    expect(toString(quote)).toBe(SPECIAL_PARAGRAPH)
    for (const c of ['*', '_', '#', '>', '[', ']', '`', '<', '\\', '~', '$', '==', '%%', '^']) expect(toString(quote)).toContain(c)
    // Nothing inside became emphasis, code, a link or HTML.
    const inner = quote?.children[0]
    expect(inner?.type === 'paragraph' && inner.children.map((c) => c.type)).toEqual(['text'])
  })

  it('keeps a quote across paragraphs as paragraphs, none read as a heading, list, quote or code', () => {
    const quote = read.get(highlightBlockId('hl-structure'))?.quote
    expect(quote?.children.map((c) => c.type)).toEqual(Array(2 + STRUCTURE_LINES.length).fill('paragraph'))
    expect(quote?.children.slice(2).map((c) => toString(c))).toEqual(STRUCTURE_LINES)
  })

  it('splits a quote across an interview turn at the change of speaker, each part under its speaker, the label left out', () => {
    const { quote, citation } = read.get(highlightBlockId('hl-turns'))!
    const lines = quote.children.map((c) => toString(c))
    expect(lines).toEqual([
      expect.stringMatching(/^Anderson \.Paak: It was cool, I was a little nervous .*naturals on screen\.$/),
      'Anderson .Paak and Soul Rasheed K-POPS Film Still (Photo by Jake Giles Netter)', // a caption: nobody’s
      'Keshia Hannam: What sort of conversations do you have'
    ])
    const names = quote.children.map((p) => (p.type === 'paragraph' && p.children[0]?.type === 'strong' ? toString(p.children[0]) : null))
    expect(names).toEqual(['Anderson .Paak:', null, 'Keshia Hannam:'])
    expect(citation).toMatch(/^— Anderson \.Paak and Keshia Hannam, in /)
    // Every part is the article's own words.
    const text = shownText(source, source.data.highlights.find((h) => h.id === 'hl-turns')!.articleId)
    for (const line of lines) expect(text).toContain(line.replace(/^(Anderson \.Paak|Keshia Hannam): /, ''))
  })

  /** The tags on the "Themes: #a #b · Colour: …" line. */
  const tagsOf = (id: string): string[] => /Themes: ([^·]+)/.exec(toString(read.get(highlightBlockId(id))?.facts))?.[1]?.trim().split(' ') ?? []

  it('tags each highlight with its themes as Obsidian tags, written unescaped', () => {
    const expected: Record<string, string[]> = {
      'hl-quarantine': ['#fatherhood', '#filmmaking'],
      'hl-woo': ['#cultural-exchange', '#the-K-pop-industry'],
      'hl-across': ['#heritage/Korean-roots/family-gatherings'],
      'hl-special': ['#Black-musical-lineage/RB-soul'],
      'hl-news': ['#_1984', '#fatherhood']
    }
    for (const [id, tags] of Object.entries(expected)) expect(tagsOf(id)).toEqual(tags)
    const codebook = buildCodebook(source.data.themes)
    for (const h of source.data.highlights) {
      expect(tagsOf(h.id).sort()).toEqual(h.themeIds.map((id) => `#${codebook.tag(id)}`).sort())
    }
    expect(raw).not.toMatch(/Themes: [^·\n]*\\#/)
  })

  it('cites with the speaker where the interview labels one', () => {
    expect(read.get(highlightBlockId('hl-quarantine'))?.citation).toBe(
      '— Anderson .Paak, in Collider, ‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director, Sep 27, 2024'
    )
    expect(read.get(highlightBlockId('hl-woo'))?.citation).toMatch(/^— Kevin Woo, in Collider, /)
    // The interviewer's unlabeled question: Collider's author is the transcript's "PERRI NEMIROFF:".
    expect(read.get(highlightBlockId('hl-question'))?.citation).toMatch(/^— Perri Nemiroff, in Collider, /)
    expect(read.get(highlightBlockId('hl-heritage-qa'))?.citation).toBe('— Anderson .Paak, in [Anderson .Paak, widely recognized for chart-topping hits like "Come Home" (feat. André…]')
    expect(read.get(highlightBlockId('hl-news'))?.citation).toBe('— [date 2024-09-09 Anderson Paak proves once again that he can do it…], Sep 9, 2024')
  })

  it('flags an unanchored highlight and quotes it as saved', () => {
    const gone = read.get(highlightBlockId('hl-gone'))
    expect(toString(gone?.facts)).toMatch(/^Unanchored: /)
    expect(toString(gone?.quote)).toBe(highlight('hl-gone').quote.exact)
    expect(toString(read.get(highlightBlockId('hl-quarantine'))?.facts)).not.toContain('Unanchored')
  })

  it('gives each highlight its colour and a link back into Liner Notes', () => {
    const facts = read.get(highlightBlockId('hl-quarantine'))?.facts
    expect(toString(facts)).toContain('Colour: yellow')
    expect(toString(read.get(highlightBlockId('hl-question'))?.facts)).toContain('Colour: #2f7d5b (from fatherhood)')
    // The colour a highlight shows comes from its own first theme, not the codebook's first.
    expect(toString(read.get(highlightBlockId('hl-woo'))?.facts)).toContain('(from the K-pop industry)')
    const link = facts?.type === 'paragraph' ? facts.children.find((c) => c.type === 'link') : undefined
    expect(link?.type === 'link' && link.url).toBe(linerNotesUrl(IDS.collider, 'hl-quarantine'))
  })

  it('writes each highlight’s note under it, headings below the article’s', () => {
    expect(raw).toContain('##### Reading')
    expect(raw).toContain('Plain, **bold**, _italic_, ~~struck~~, underlined,')
    expect(raw).toContain('Compare the Complex interview.')
  })

  it('opens with front matter that parses as YAML', () => {
    expect(frontMatter).toMatchObject({ title: 'Liner Notes library', scope: 'library', articles: 5, themes: 11, highlights: 12, notes: 2, exported: NOW })
    expect(frontMatter.tags).toContain('heritage/Korean-roots/family-gatherings')
    expect(Object.keys(frontMatter).at(-1)).toBe('exported')
  })

  it('has the codebook, every article in order, then the notes', () => {
    const headings = body.children.filter((n) => n.type === 'heading' && n.depth <= 3).map((n) => toString(n))
    expect(headings).toEqual([
      'Liner Notes library',
      'Codebook',
      'Articles',
      '[date 2024-09-09 Anderson Paak proves once again that he can do it…]',
      '‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director',
      '[Anderson .Paak, widely recognized for chart-topping hits like "Come Home" (feat. André…]',
      '[Anderson .Paak’s directorial film debut is reigniting conversations about how Black American…]',
      '[Culture influences everything, from the food we eat to the way we…]',
      'Notes',
      'Untitled note',
      'Essay: #heritage & the [K-pop] machine'
    ])
    expect(raw).toContain('- heritage #heritage — Korean and Black American roots that the film and its makers draw on. (4 highlights)')
  })

  it('quotes highlights inside notes with their citation', () => {
    expect(raw).toContain('> My mom was born in Korea, but didn’t know \\*anything\\* about her Korean heritage\n\n— Anderson .Paak, in Mochi Magazine, Sep 20, 2024')
  })

  it('leaves notes and memos out when asked', () => {
    const bare = libraryMarkdown(source, { ...options, includeNotes: false })
    expect(bare).not.toContain('Compare the Complex interview.')
    expect(bare).not.toContain('## Notes')
    expect(bare).not.toContain('Memo')
    expect(highlightsIn(readFile(bare).body).size).toBe(source.data.highlights.length)
  })
})

describe('determinism', () => {
  const withoutExportTime = (s: string): string => s.replace(/^exported: .*$/m, 'exported: —')

  it.each([
    ['the library', (now: string) => libraryMarkdown(source, { now })],
    ['an article', (now: string) => articleMarkdown(source, IDS.collider, { now }) ?? ''],
    ['a theme', (now: string) => themeMarkdown(source, 'theme-heritage', { now }) ?? ''],
    ['a note', (now: string) => noteMarkdown(source, 'note-essay', { now }) ?? '']
  ])('exports %s twice to the same bytes apart from the exported: line', (_scope, exportAt) => {
    const first = exportAt(NOW)
    const second = exportAt(LATER)
    expect(first).not.toBe(second)
    expect(withoutExportTime(first)).toBe(withoutExportTime(second))
    expect(first.split('\n').filter((line, i) => line !== second.split('\n')[i])).toEqual([`exported: ${NOW}`])
  })

  it('gives the same block ids whatever order the library lists its records in', () => {
    const shuffled = { ...source, data: { ...source.data, highlights: [...source.data.highlights].reverse(), themes: [...source.data.themes].reverse(), articles: [...source.data.articles].reverse() } }
    expect(libraryMarkdown(shuffled, options)).toBe(libraryMarkdown(source, options))
  })
})

describe('articleMarkdown', () => {
  const { frontMatter, body } = readFile(articleMarkdown(source, IDS.collider, { ...options, citationStyle: 'outlet-date' }) ?? '')

  it('describes the article in its front matter', () => {
    expect(frontMatter).toEqual({
      title: '‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director',
      scope: 'article',
      outlet: 'Collider',
      author: 'Perri Nemiroff',
      date: '2024-09-27',
      url: '',
      kind: 'interview',
      themes: ['cultural exchange', 'fatherhood', 'filmmaking', 'the K-pop industry'],
      tags: ['cultural-exchange', 'fatherhood', 'filmmaking', 'the-K-pop-industry'],
      highlights: 5,
      'liner-notes': linerNotesUrl(IDS.collider),
      exported: NOW
    })
  })

  it('lists its highlights in reading order, unanchored last, cited in the chosen style', () => {
    const read = highlightsIn(body)
    expect([...read.keys()]).toEqual(['hl-laughs', 'hl-quarantine', 'hl-question', 'hl-woo', 'hl-gone'].map(highlightBlockId))
    expect(read.get(highlightBlockId('hl-quarantine'))?.citation).toBe('— Anderson .Paak, in Collider, Sep 27, 2024')
    expect(read.get(highlightBlockId('hl-gone'))?.citation).toBe('— Collider, Sep 27, 2024')
  })

  it('includes the memo', () => {
    expect(body.children.map((n) => toString(n))).toContain('A transcript: labels mark the answers.')
  })

  it('is null for an article that does not exist', () => {
    expect(articleMarkdown(source, 'nope', options)).toBeNull()
  })
})

describe('themeMarkdown', () => {
  const { frontMatter, body } = readFile(themeMarkdown(source, 'theme-heritage', options) ?? '')

  it('gathers the theme’s passages and its sub-themes’, grouped by article', () => {
    const read = highlightsIn(body)
    expect([...read.keys()]).toEqual(['hl-across', 'hl-heritage-qa', 'hl-turns', 'hl-blend'].map(highlightBlockId))
    const articleHeadings = body.children.filter((n) => n.type === 'heading' && n.depth === 2).map((n) => toString(n))
    expect(articleHeadings).toEqual([
      '[Anderson .Paak, widely recognized for chart-topping hits like "Come Home" (feat. André…]',
      '[Anderson .Paak’s directorial film debut is reigniting conversations about how Black American…]'
    ])
  })

  it('describes the theme in its front matter', () => {
    expect(frontMatter).toEqual({
      title: 'heritage',
      scope: 'theme',
      description: 'Korean and Black American roots that the film and its makers draw on.',
      subthemes: ['heritage/Korean roots', 'heritage/Korean roots/family gatherings'],
      tags: ['heritage', 'heritage/Korean-roots', 'heritage/Korean-roots/family-gatherings'],
      articles: 2,
      highlights: 4,
      exported: NOW
    })
  })

  it('names a sub-theme by its path and holds only its own passages', () => {
    const sub = readFile(themeMarkdown(source, 'theme-korean-roots', options) ?? '')
    expect(toString(sub.body.children[0])).toBe('heritage/Korean roots')
    expect([...highlightsIn(sub.body).keys()]).toEqual(['hl-across', 'hl-turns'].map(highlightBlockId))
  })

  it('says so when a theme has no passages, and is null for no theme', () => {
    expect(themeMarkdown(source, 'theme-identity', options)).toContain('identity')
    const empty = { ...source, data: { ...source.data, highlights: [] } }
    expect(themeMarkdown(empty, 'theme-identity', options)).toContain('No passages yet.')
    expect(themeMarkdown(source, 'nope', options)).toBeNull()
  })
})

describe('libraryMarkdownFiles', () => {
  const files = libraryMarkdownFiles(source, options)
  const paths = files.map((f) => f.path)

  it('writes an index with the codebook, one file per article and note, with unique paths', () => {
    expect(paths[0]).toBe('Liner Notes library.md')
    expect(files[0]?.content).toContain('- heritage #heritage — Korean and Black American roots')
    expect(paths.filter((p) => p.startsWith('Articles/'))).toHaveLength(5)
    expect(paths).toHaveLength(1 + 5 + 2)
    expect(paths.filter((p) => p.startsWith('Notes/'))).toEqual(['Notes/Untitled note.md', 'Notes/Essay heritage & the K-pop machine.md'])
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(paths.length)
    for (const p of paths) expect(p).not.toMatch(/[:*?"<>|#^[\]\\]/)
  })

  it('links the index to files that exist', () => {
    const index = readFile(files[0]?.content ?? '')
    const links: string[] = []
    const visit = (node: Root | RootContent): void => {
      if (node.type === 'link') links.push(decodeURI(node.url))
      if ('children' in node) for (const child of node.children) visit(child)
    }
    visit(index.body)
    expect(links.sort()).toEqual(paths.slice(1).sort())
  })

  it('gives every file front matter and puts each highlight in its article’s file', () => {
    for (const f of files) expect(readFile(f.content).frontMatter.exported).toBe(NOW)
    const review = files.find((f) => f.path.startsWith('Articles/Culture influences'))
    expect([...highlightsIn(readFile(review?.content ?? '').body).keys()]).toEqual(['hl-structure', 'hl-special'].map(highlightBlockId))
  })

  it('adds the id to names that would clash', () => {
    const twins = { ...source, data: { ...source.data, notes: source.data.notes.map((n) => ({ ...n, title: 'Same' })) } }
    expect(libraryMarkdownFiles(twins, options).filter((f) => f.path.startsWith('Notes/')).map((f) => f.path)).toEqual(['Notes/Same (note-essay).md', 'Notes/Same (note-untitled).md'])
  })
})
