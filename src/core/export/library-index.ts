// What every exporter needs to know about a library, worked out once: each article's current text, each
// highlight placed on it (anchored once, in reading order) with its speaker and themes, and everything
// sorted explicitly, so exporting the same library twice gives the same output.
import { anchor, describeRange, type Selectors } from '../../shared/anchoring'
import type { Article, Highlight, LibraryData, Note, Theme } from '../../shared/model'
import { noteText } from '../../shared/note-doc'
import { passageVoices, speakerMapOfArticle, voiceNames, type SpeakerMap } from '../../shared/speakers'
import { articleLabel } from '../../shared/citation'
import { buildCodebook, byName, compareCodeUnits, type Codebook } from './codebook'

export interface ExportSource {
  data: LibraryData
  /**
   * The original texts by article file name (the library's texts/ folder). The text exported is the
   * user's correction when there is one; an article with neither has all its highlights unanchored.
   */
  texts: ReadonlyMap<string, string>
}

export interface PlacedHighlight {
  highlight: Highlight
  article: Article
  /** The passage as the current text has it; the stored quote when the highlight is unanchored. */
  quote: string
  /** Where the passage is in the current text; null when it cannot be found there (unanchored). */
  range: { start: number; end: number } | null
  /** Selectors for the passage: described afresh on the current text, or as saved when unanchored. */
  selectors: Selectors
  /**
   * The passage cut where the speaker changes, each part with its speaker (null: the text does not say),
   * speaker labels left out; one part when one voice speaks it (or the user set its speaker by hand).
   */
  voices: readonly { quote: string; speaker: string | null }[]
  /** Who says the passage, each named speaker once in order; empty when the text does not say. */
  speakers: readonly string[]
  /** Its themes in codebook order; ids of themes that no longer exist are left out. */
  themes: readonly Theme[]
}

export interface ArticleEntry {
  article: Article
  /** The text the reader shows (correction, else original); null when neither is available. */
  text: string | null
  /** The title, or the opening words in brackets for an untitled article. */
  label: string
  /** In reading order; unanchored highlights last. */
  highlights: readonly PlacedHighlight[]
}

export interface LibraryIndex {
  codebook: Codebook
  /** Articles by date (undated last), then label. */
  articleIds: readonly string[]
  /** The article with its placed highlights; placed on first request, then kept. */
  article(id: string): ArticleEntry | undefined
  /** Notes by title (untitled ones by their opening words), then creation time. */
  notes: readonly Note[]
}

export function indexLibrary({ data, texts }: ExportSource): LibraryIndex {
  const codebook = buildCodebook(data.themes)
  const themeOrder = new Map(codebook.ordered.map((t, i) => [t.id, i]))
  const highlightsByArticle = groupBy(data.highlights, (h) => h.articleId)
  const articles = new Map(data.articles.map((a) => [a.id, a]))
  const textOf = (a: Article): string | null => a.correctedText ?? texts.get(a.file) ?? null
  const labels = new Map(data.articles.map((a) => [a.id, articleLabel(a.meta.title, textOf(a))]))
  const entries = new Map<string, ArticleEntry>()

  const place = (article: Article): ArticleEntry => {
    const text = textOf(article)
    const speakers = text === null ? null : speakerLookup(article, text)
    const highlights = (highlightsByArticle.get(article.id) ?? []).map((highlight): PlacedHighlight => {
      const found = text === null ? null : anchor(text, highlight)
      const themes = highlight.themeIds
        .filter((id) => themeOrder.has(id))
        .sort((a, b) => (themeOrder.get(a) ?? 0) - (themeOrder.get(b) ?? 0))
        .flatMap((id) => codebook.get(id) ?? [])
      const voices = found && text !== null && speakers ? passageVoices(speakers, found.start, found.end, highlight.speaker) : null
      // Unanchored, the passage is quoted as saved: only a speaker set by hand can be named.
      const parts = voices
        ? voices.map((v) => ({ quote: text!.slice(v.start, v.end), speaker: v.speaker }))
        : [{ quote: highlight.quote.exact, speaker: highlight.speaker?.name ?? null }]
      return {
        highlight,
        article,
        // Without a speaker label it starts on ("SHIM: …"): the label is not quoted words.
        quote: found && text !== null && voices ? text.slice(voices[0]!.start, voices.at(-1)!.end) : highlight.quote.exact,
        range: found && { start: found.start, end: found.end },
        selectors: found && text !== null ? describeRange(text, found.start, found.end) : { quote: highlight.quote, position: highlight.position },
        voices: parts,
        speakers: voices ? voiceNames(voices) : parts[0]!.speaker === null ? [] : [parts[0]!.speaker],
        themes: [...new Set(themes)]
      }
    })
    return { article, text, label: labels.get(article.id) ?? article.id, highlights: highlights.sort(byReadingOrder) }
  }

  const articleIds = [...data.articles]
    .sort((a, b) => compareDates(a.meta.date, b.meta.date) || byName(named(a, labels), named(b, labels)))
    .map((a) => a.id)

  return {
    codebook,
    articleIds,
    article: (id) => {
      const known = entries.get(id)
      if (known) return known
      const article = articles.get(id)
      if (!article) return undefined
      const entry = place(article)
      entries.set(id, entry)
      return entry
    },
    notes: [...data.notes].sort(byNoteTitle)
  }
}

const speakerLookup = (article: Article, text: string): SpeakerMap => speakerMapOfArticle(article, text)

function byReadingOrder(a: PlacedHighlight, b: PlacedHighlight): number {
  if (a.range === null || b.range === null) {
    const unanchored = (a.range === null ? 1 : 0) - (b.range === null ? 1 : 0)
    if (unanchored !== 0) return unanchored
    return a.highlight.position.start - b.highlight.position.start || compareCodeUnits(a.highlight.id, b.highlight.id)
  }
  return a.range.start - b.range.start || a.range.end - b.range.end || compareCodeUnits(a.highlight.id, b.highlight.id)
}

/** ISO dates sort as strings; an undated article goes after the dated ones. */
function compareDates(a: string, b: string): number {
  if (a === '' || b === '') return (a === '' ? 1 : 0) - (b === '' ? 1 : 0)
  return compareCodeUnits(a, b)
}

function named(article: Article, labels: ReadonlyMap<string, string>): { name: string; id: string } {
  return { name: labels.get(article.id) ?? '', id: article.id }
}

function byNoteTitle(a: Note, b: Note): number {
  const title = (n: Note): string => n.title.trim() || noteText(n.doc).trim().slice(0, 80)
  return byName({ name: title(a), id: '' }, { name: title(b), id: '' }) || compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.id, b.id)
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}
