// A library for the exporters' tests, built from the real archive texts: the five articles, the bundled
// codebook plus nested themes, and hand-made highlights placed with describeRange — across paragraphs,
// on a corrected text holding Markdown's special characters, and one whose words were corrected away.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describeRange } from '../../shared/anchoring'
import { DEFAULT_PREFERENCES, type Article, type ArticleKind, type Highlight, type HighlightColor, type LibraryData, type Note, type Theme } from '../../shared/model'
import type { NoteDoc, NoteNode } from '../../shared/note-doc'
import { themeIdFor } from '../library/seed'
import type { ExportSource } from './library-index'

export const ARCHIVE_DIR = resolve(import.meta.dirname, '../../../archive')
const T0 = '2025-03-01T10:00:00.000Z'
const T1 = '2025-03-02T11:30:00.000Z'

export const IDS = {
  collider: '000_ad238df8b954e232',
  news: '001_0a74aad613f8da6e',
  qa: '002_28dc0072aca979dd',
  review: '003_6483be90c9dc3807',
  feature: '004_2d86f5da9e5657dc'
} as const

interface CatalogueEntry {
  file: string
  sha256: string
  title: string
  outlet: string
  author: string
  date: string
  kind: ArticleKind | ''
  url: string
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(ARCHIVE_DIR, name), 'utf8')) as T
}

/** The archive's original texts by file name, as a library's texts/ folder holds them. */
export function archiveTexts(): Map<string, string> {
  const { articles } = readJson<{ articles: CatalogueEntry[] }>('catalogue.json')
  return new Map(articles.map((a) => [a.file, readFileSync(join(ARCHIVE_DIR, a.file), 'utf8')]))
}

/** A paragraph a user typed into 003's corrected text: every character Markdown could misread. */
export const SPECIAL_PARAGRAPH =
  'Editor’s aside: *K-POPS!* is rated #1 by _Complex_ > all [sic] — see `K-POPS` <b>bold</b> & \\o/ ~~no~~ $5 ==hi== %%c%% ^id'
/** Lines that would become Markdown structure if written raw at the start of a line. */
export const STRUCTURE_LINES = ['# Not a heading', '> not a quote', '- not a list', '1. not a list either', '    not code', '***']

function correctedReview(original: string): string {
  const firstBreak = original.indexOf('\n')
  return `${original.slice(0, firstBreak)}\n${SPECIAL_PARAGRAPH}\n${STRUCTURE_LINES.join('\n')}\n${original.slice(firstBreak + 1)}`
}

/** 000 with the teaser links saved from the page removed, as a user would correct it. */
function correctedCollider(original: string): string {
  return original.slice(0, original.indexOf('After 15 Years, James L. Brooks'))
}

function articles(texts: ReadonlyMap<string, string>): Article[] {
  const { articles: entries } = readJson<{ articles: CatalogueEntry[] }>('catalogue.json')
  return entries.map(({ file, sha256, title, outlet, author, date, kind, url }) => {
    const id = file.replace(/\.txt$/, '')
    const original = texts.get(file) ?? ''
    const correctedText = id === IDS.review ? correctedReview(original) : id === IDS.collider ? correctedCollider(original) : null
    const memo = id === IDS.collider ? doc(p(text('A transcript: '), text('labels', [{ type: 'bold' }]), text(' mark the answers.'))) : null
    return { id, file, sha256, addedAt: T0, updatedAt: T0, meta: { title, outlet, author, date, url, kind }, correctedText, memo }
  })
}

function themes(): Theme[] {
  const { themes: codebook } = readJson<{ themes: { name: string; color: string; description: string }[] }>('codebook.json')
  const theme = (name: string, color: string, description: string, parentId: string | null = null): Theme => ({
    id: themeIdFor(name),
    name,
    color,
    description,
    parentId,
    createdAt: T0,
    updatedAt: T0
  })
  return [
    ...codebook.map((t) => theme(t.name, t.color, t.description)),
    theme('Korean roots', '#aa3355', 'His mother’s Korea.', 'theme-heritage'),
    theme('family gatherings', '#335577', 'Home videos.', 'theme-korean-roots'),
    theme('R&B / soul', '#775533', 'Names with characters tags cannot hold.', 'theme-black-musical-lineage'),
    theme('1984', '#557733', 'A name of digits alone.')
  ]
}

interface PassageSpec {
  id: string
  article: string
  /** The passage: from the first character of `from` to the last of `to` (default: `from` alone). */
  from: string
  to?: string
  themes?: string[]
  color?: HighlightColor | null
  note?: NoteDoc | null
}

function place(spec: PassageSpec, text: string): Highlight {
  const start = uniqueIndex(text, spec.from)
  const end = spec.to === undefined ? start + spec.from.length : uniqueIndex(text, spec.to) + spec.to.length
  const { quote, position } = describeRange(text, start, end)
  return {
    id: spec.id,
    articleId: spec.article,
    quote,
    position,
    color: spec.color ?? null,
    themeIds: spec.themes ?? [],
    note: spec.note ?? null,
    createdAt: T0,
    updatedAt: T1
  }
}

export function uniqueIndex(text: string, phrase: string): number {
  const at = text.indexOf(phrase)
  if (at === -1 || text.indexOf(phrase, at + 1) !== -1) throw new Error(`"${phrase}" must occur exactly once`)
  return at
}

// Tiny builders for tiptap JSON.
export const text = (value: string, marks?: NoteNode['marks']): NoteNode => ({ type: 'text', text: value, ...(marks ? { marks } : {}) })
export const p = (...content: NoteNode[]): NoteNode => ({ type: 'paragraph', content })
export const doc = (...content: NoteNode[]): NoteDoc => ({ type: 'doc', content })

/** A note using every node and mark the editor has. */
export const RICH_NOTE: NoteDoc = doc(
  { type: 'heading', attrs: { level: 1 }, content: [text('Reading')] },
  p(
    text('Plain, '),
    text('bold', [{ type: 'bold' }]),
    text(', '),
    text('italic', [{ type: 'italic' }]),
    text(', '),
    text('struck', [{ type: 'strike' }]),
    text(', '),
    text('underlined', [{ type: 'underline' }]),
    text(', '),
    text('a `tick`', [{ type: 'code' }]),
    text(' and '),
    text('a link', [{ type: 'link', attrs: { href: 'https://collider.com/' } }]),
    { type: 'hardBreak' },
    text('after a break.')
  ),
  { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(text('third'))] }, { type: 'listItem', content: [p(text('fourth'))] }] },
  { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('a point'))] }] },
  { type: 'blockquote', content: [p(text('quoted in the note'))] },
  { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('const x = 1 // ```')] },
  { type: 'horizontalRule' }
)

function highlights(texts: ReadonlyMap<string, string>, shown: ReadonlyMap<string, string>): Highlight[] {
  const on = (id: string): string => shown.get(id) ?? ''
  const specs: PassageSpec[] = [
    { id: 'hl-quarantine', article: IDS.collider, from: 'It all started in quarantine', to: 'getting into what he was into.', themes: ['theme-fatherhood', 'theme-filmmaking'], color: 'yellow', note: RICH_NOTE },
    { id: 'hl-question', article: IDS.collider, from: 'Jee, how does your character feel', to: 'his father went down?', themes: ['theme-fatherhood'] },
    { id: 'hl-laughs', article: IDS.collider, from: 'And that’s pretty much it. [Laughs]', themes: ['theme-filmmaking'], color: 'pink' },
    { id: 'hl-woo', article: IDS.collider, from: 'I was a K-pop idol myself', themes: ['theme-the-k-pop-industry', 'theme-cultural-exchange'] },
    { id: 'hl-heritage-qa', article: IDS.qa, from: 'My mom was born in Korea', to: 'until I met my son’s mother.', themes: ['theme-heritage', 'theme-identity'], color: 'green', note: doc(p(text('Compare the Complex interview.'))) },
    // Crosses an answer, a caption-free gap, the next label line (with its no-break space) and a question.
    { id: 'hl-across', article: IDS.qa, from: 'I grew up with 3 sisters', to: 'for all of our gatherings.', themes: ['theme-family-gatherings'] },
    { id: 'hl-turns', article: IDS.qa, from: 'It was cool, I was a little nervous', to: 'What sort of conversations do you have', themes: ['theme-korean-roots'] },
    { id: 'hl-news', article: IDS.news, from: 'It started around quarantine.', themes: ['theme-fatherhood', 'theme-1984'] },
    { id: 'hl-special', article: IDS.review, from: SPECIAL_PARAGRAPH, themes: ['theme-r-b-soul'], color: 'purple' },
    { id: 'hl-structure', article: IDS.review, from: 'Culture influences everything', to: STRUCTURE_LINES.at(-1) ?? '', themes: ['theme-cultural-exchange'] },
    { id: 'hl-blend', article: IDS.feature, from: 'reigniting conversations about how Black American and South Korean cultures blend', themes: ['theme-heritage', 'theme-cultural-exchange'] }
  ]
  const placed = specs.map((s) => place(s, on(s.article)))
  // Made on the original 000 before its teaser links were corrected away: it no longer anchors.
  const gone = place({ id: 'hl-gone', article: IDS.collider, from: 'The Running Man Review | Flickreel', themes: ['theme-filmmaking'] }, texts.get(`${IDS.collider}.txt`) ?? '')
  return [...placed, gone]
}

function notes(): Note[] {
  const quotation: NoteNode = {
    type: 'highlightQuote',
    attrs: {
      highlightId: 'hl-heritage-qa',
      articleId: IDS.qa,
      quote: 'My mom was born in Korea, but didn’t know *anything* about her Korean heritage',
      articleTitle: '',
      outlet: 'Mochi Magazine',
      date: '2024-09-20',
      speaker: 'Anderson .Paak'
    }
  }
  return [
    { id: 'note-essay', title: 'Essay: #heritage & the [K-pop] machine', doc: doc({ type: 'heading', attrs: { level: 2 }, content: [text('Outline')] }, p(text('Start from the mother.')), quotation), createdAt: T0, updatedAt: T1 },
    { id: 'note-untitled', title: '', doc: doc(p(text('A stray thought.'))), createdAt: T1, updatedAt: T1 }
  ]
}

/** The archive as a library: data as the store holds it, and the original texts by file name. */
export function archiveLibrary(): ExportSource {
  const texts = archiveTexts()
  const list = articles(texts)
  const shown = new Map(list.map((a) => [a.id, a.correctedText ?? texts.get(a.file) ?? '']))
  const data: LibraryData = { schemaVersion: 4, articles: list, themes: themes(), highlights: highlights(texts, shown), notes: notes(), preferences: DEFAULT_PREFERENCES }
  return { data, texts }
}

/** The text the reader shows for an article of `source`. */
export function shownText(source: ExportSource, articleId: string): string {
  const article = source.data.articles.find((a) => a.id === articleId)
  if (!article) throw new Error(`No article ${articleId}`)
  return article.correctedText ?? source.texts.get(article.file) ?? ''
}

/** A note of the length most are: a couple of sentences with a word in bold. */
const SHORT_NOTE: NoteDoc = doc(p(text('Compare with '), text('the Complex interview', [{ type: 'bold' }]), text(': the same story, told to a different room.')), p(text('Use in chapter two.')))

/**
 * The archive with `count` highlights spread over its five articles, each with two themes and a note
 * (one in ten the long RICH_NOTE, the rest two short paragraphs): a library far larger than the bundled
 * one, for timing the exporters (see performance.test.ts).
 */
export function largeLibrary(count: number): ExportSource {
  const base = archiveLibrary()
  const { articles, themes } = base.data
  const highlights: Highlight[] = []
  for (let i = 0; i < count; i++) {
    const article = articles[i % articles.length] as Article
    const text = article.correctedText ?? base.texts.get(article.file) ?? ''
    const length = 40 + (i % 200)
    const start = (i * 7919) % Math.max(1, text.length - length)
    const { quote, position } = describeRange(text, start, start + length)
    const themeIds = [themes[i % themes.length]?.id ?? '', themes[(i * 3 + 1) % themes.length]?.id ?? '']
    highlights.push({ id: `hl-${i}`, articleId: article.id, quote, position, color: null, themeIds, note: i % 10 === 0 ? RICH_NOTE : SHORT_NOTE, createdAt: T0, updatedAt: T1 })
  }
  return { texts: base.texts, data: { ...base.data, highlights } }
}
