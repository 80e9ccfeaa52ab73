// Big libraries for benchmarks and scale tests, written as a schema-v4 folder (library.json + texts/),
// the oldest layout every store version can open, so the store under test migrates it on first open as
// it would a user's library. Deterministic: the same options always give the same bytes.
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describeRange } from '../../shared/anchoring'
import {
  ARTICLE_KINDS,
  DEFAULT_PREFERENCES,
  HIGHLIGHT_COLORS,
  type Article,
  type ArticleKind,
  type Highlight,
  type LibraryData,
  type Note,
  type Theme
} from '../../shared/model'
import type { NoteDoc, NoteNode } from '../../shared/note-doc'
import { between, personName, pick, Prose, seededRandom, type Random } from './prose'

/** Bump when the output changes, so cached folders made by an older generator are not reused. */
export const GENERATOR_VERSION = 1

export interface GenerateOptions {
  articles: number
  highlights: number
  /** Free-standing notes; a third of highlights get a note of their own besides. */
  notes: number
  seed: number
}

export interface GeneratedLibrary {
  data: LibraryData
  /** Original texts by file name, as texts/ holds them. */
  texts: Map<string, string>
}

/** The theme about a tenth of all highlights carry: the worst case for a rename or a theme's passages. */
export const BIG_THEME_ID = 'theme-memory'
const BIG_THEME_SHARE = 0.1
const HIGHLIGHT_NOTE_SHARE = 1 / 3

const TOP_THEMES = `Memory|Family|Identity|Heritage|Craft|Money|Fame|Music|Comedy|Grief|Faith|Place|Politics|Technology|Childhood
Work|Violence|Love|Language|Race|Class|Gender|Migration|Nature|Time|Influence|Collaboration|Risk|Audience|Archive`.split(/[|\n]/)
const CHILD_THEMES: [parent: string, name: string][] = [
  ['Memory', 'Nostalgia'],
  ['Memory', 'Forgetting'],
  ['Family', 'Fathers and sons'],
  ['Family', 'Mothers'],
  ['Craft', 'Editing'],
  ['Craft', 'Casting'],
  ['Music', 'Soundtrack'],
  ['Fame', 'Early career'],
  ['Identity', 'Diaspora'],
  ['Money', 'Budgets']
]
const OUTLETS = `Sight and Sound|Collider|Mochi Magazine|Complex|Cahiers Weekly|The Reel Review|Film Comment|Screen Daily|IndieWire
|Little White Lies|Variety|The Wrap|Reverse Shot|MUBI Notebook|Slant|The Ringer|Vulture|Empire|Total Film|Frieze`.split(/\|\n?/)

const EPOCH = Date.UTC(2024, 0, 1)
const DAY = 86_400_000
const iso = (ms: number): string => new Date(ms).toISOString()
const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
const pad = (n: number, width: number): string => String(n).padStart(width, '0')

function hexColor(random: Random): string {
  return '#' + Math.floor(random() * 0xffffff).toString(16).padStart(6, '0')
}

function calendarDate(random: Random): string {
  return `${between(random, 1995, 2025)}-${pad(between(random, 1, 12), 2)}-${pad(between(random, 1, 28), 2)}`
}

/** 5–20 KB of prose; an interview alternates unlabeled questions with answers labelled "NAME: …". */
function articleText(prose: Prose, random: Random, kind: ArticleKind, speaker: string): string {
  const target = between(random, 5_000, 20_000)
  const paragraphs = [prose.paragraph(2, 4)]
  let length = paragraphs[0]!.length
  let asking = true
  while (length < target) {
    let paragraph: string
    if (kind === 'interview') {
      paragraph = asking ? `${prose.sentence(5, 14)} ${prose.sentence(5, 14, '?')}` : `${speaker.toUpperCase()}: ${prose.paragraph(2, 6)}`
      asking = !asking
    } else {
      paragraph = prose.paragraph()
    }
    paragraphs.push(paragraph)
    length += paragraph.length + 2
  }
  return paragraphs.join('\n\n')
}

const textNode = (text: string, bold = false): NoteNode => (bold ? { type: 'text', text, marks: [{ type: 'bold' }] } : { type: 'text', text })
const paragraphNode = (...content: NoteNode[]): NoteNode => ({ type: 'paragraph', content })

function shortNote(prose: Prose, random: Random): NoteDoc {
  const paragraphs = [paragraphNode(textNode(prose.sentence(4, 16)), textNode(` ${prose.title(1, 3)}`, true), textNode('.'))]
  if (random() < 0.5) paragraphs.push(paragraphNode(textNode(prose.sentence(4, 12))))
  return { type: 'doc', content: paragraphs }
}

function themes(random: Random): Theme[] {
  const at = iso(EPOCH)
  const theme = (name: string, parentId: string | null): Theme => ({
    id: `theme-${slug(name)}`,
    name,
    color: hexColor(random),
    description: parentId ? '' : `Passages about ${name.toLowerCase()}.`,
    parentId,
    createdAt: at,
    updatedAt: at
  })
  return [
    ...TOP_THEMES.map((name) => theme(name, null)),
    ...CHILD_THEMES.map(([parent, name]) => theme(name, `theme-${slug(parent)}`))
  ]
}

function articles(options: GenerateOptions, prose: Prose, random: Random): { list: Article[]; texts: Map<string, string> } {
  const list: Article[] = []
  const texts = new Map<string, string>()
  for (let i = 0; i < options.articles; i++) {
    const id = `article-${pad(i, 5)}`
    const file = `${id}.txt`
    const kind = ARTICLE_KINDS[i % ARTICLE_KINDS.length]!
    const speaker = personName(random)
    const text = articleText(prose, random, kind, speaker)
    texts.set(file, text)
    const addedAt = iso(EPOCH + Math.floor(random() * 365 * DAY))
    list.push({
      id,
      file,
      sha256: createHash('sha256').update(text).digest('hex'),
      addedAt,
      updatedAt: addedAt,
      meta: {
        title: kind === 'interview' ? `${speaker} on ${prose.title(2, 5)}` : prose.title(),
        outlet: pick(random, OUTLETS),
        author: random() < 0.9 ? personName(random) : '',
        date: random() < 0.95 ? calendarDate(random) : '',
        url: random() < 0.8 ? `https://example.com/${slug(prose.title(2, 4))}-${i}` : '',
        kind
      },
      correctedText: null,
      memo: random() < 0.05 ? shortNote(prose, random) : null
    })
  }
  return { list, texts }
}

/** A passage starting and ending on word boundaries, 20–300 characters long. */
function passage(text: string, random: Random): [start: number, end: number] {
  const from = Math.floor(random() * (text.length - 320))
  const start = text.indexOf(' ', from) + 1
  const wanted = start + between(random, 20, 300)
  const space = text.indexOf(' ', wanted)
  return [start, space === -1 ? Math.min(text.length, wanted) : space]
}

function themeIdsFor(random: Random, others: Theme[]): string[] {
  const ids = new Set<string>()
  if (random() < BIG_THEME_SHARE) ids.add(BIG_THEME_ID)
  const count = between(random, 1, 3)
  while (ids.size < count) ids.add(pick(random, others).id)
  return [...ids]
}

function highlights(options: GenerateOptions, list: Article[], texts: Map<string, string>, codebook: Theme[], prose: Prose, random: Random): Highlight[] {
  const others = codebook.filter((t) => t.id !== BIG_THEME_ID)
  const result: Highlight[] = []
  for (let i = 0; i < options.highlights; i++) {
    const article = pick(random, list)
    const text = texts.get(article.file)!
    const [start, end] = passage(text, random)
    const { quote, position } = describeRange(text, start, end)
    const createdMs = Date.parse(article.addedAt) + Math.floor(random() * 30 * DAY)
    result.push({
      id: `hl-${pad(i, 6)}`,
      articleId: article.id,
      quote,
      position,
      color: random() < 0.2 ? pick(random, HIGHLIGHT_COLORS) : null,
      themeIds: themeIdsFor(random, others),
      note: random() < HIGHLIGHT_NOTE_SHARE ? shortNote(prose, random) : null,
      createdAt: iso(createdMs),
      updatedAt: iso(createdMs + Math.floor(random() * 10 * DAY))
    })
  }
  return result
}

/** A free-standing note: a heading, a few paragraphs and, where there are highlights, a quoted passage. */
function notes(options: GenerateOptions, list: Article[], marked: Highlight[], prose: Prose, random: Random): Note[] {
  const byId = new Map(list.map((a) => [a.id, a]))
  const result: Note[] = []
  for (let i = 0; i < options.notes; i++) {
    const content: NoteNode[] = [{ type: 'heading', attrs: { level: 2 }, content: [textNode(prose.title(2, 5))] }]
    const paragraphs = between(random, 2, 5)
    for (let p = 0; p < paragraphs; p++) content.push(paragraphNode(textNode(prose.paragraph(2, 5))))
    if (marked.length > 0 && random() < 0.5) {
      const highlight = pick(random, marked)
      const article = byId.get(highlight.articleId)!
      content.push({
        type: 'highlightQuote',
        attrs: {
          highlightId: highlight.id,
          articleId: article.id,
          quote: highlight.quote.exact,
          articleTitle: article.meta.title,
          outlet: article.meta.outlet,
          date: article.meta.date,
          speaker: null
        }
      })
    }
    const createdMs = EPOCH + Math.floor(random() * 400 * DAY)
    result.push({
      id: `note-${pad(i, 5)}`,
      title: random() < 0.9 ? prose.title(2, 6) : '',
      doc: { type: 'doc', content },
      createdAt: iso(createdMs),
      updatedAt: iso(createdMs + Math.floor(random() * 20 * DAY))
    })
  }
  return result
}

/** The library's records and texts, in memory. */
export function generateLibraryData(options: GenerateOptions): GeneratedLibrary {
  const random = seededRandom(options.seed)
  const prose = new Prose(random)
  const codebook = themes(random)
  const { list, texts } = articles(options, prose, random)
  const marked = list.length > 0 ? highlights(options, list, texts, codebook, prose, random) : []
  const data: LibraryData = {
    schemaVersion: 4,
    articles: list,
    themes: codebook,
    highlights: marked,
    notes: notes(options, list, marked, prose, random),
    preferences: DEFAULT_PREFERENCES
  }
  return { data, texts }
}

/** Writes a v4 library folder at `dir` (created if missing): texts/ first, library.json last. */
export async function generateLibrary(dir: string, options: GenerateOptions): Promise<GeneratedLibrary> {
  const generated = generateLibraryData(options)
  const textsDir = join(dir, 'texts')
  await mkdir(textsDir, { recursive: true })
  // Plain writes, not durable ones: a fixture that a crash interrupts is simply made again.
  const files = [...generated.texts]
  const BATCH = 64
  for (let i = 0; i < files.length; i += BATCH) {
    await Promise.all(files.slice(i, i + BATCH).map(([file, text]) => writeFile(join(textsDir, file), text)))
  }
  await writeFile(join(dir, 'library.json'), JSON.stringify(generated.data, null, 2) + '\n')
  return generated
}
