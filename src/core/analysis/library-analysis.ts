// The analyses of one open library, kept up to date from the store's change sets. Two layers:
// - from highlights alone (theme × article, co-occurrence): each article's contribution is recomputed
//   when its highlights change, and a matrix sums the contributions — no text is read;
// - from texts (speakers, word frequencies): each article's word counts and attributed highlights,
//   read once in the background on first use (with progress), then only for articles that change.
// A query never walks every highlight of the library; it sums per-article maps.
import type {
  AnalysisCell,
  AnalysisFilters,
  AnalysisPassage,
  AnalysisPassages,
  AnalysisSpeaker,
  CooccurrenceMatrix,
  MatrixRow,
  SpeakerMatrix,
  ThemeMatrix,
  WordFrequencies,
  WordScope
} from '../../shared/ipc/analysis'
import type { Article, Highlight, Theme } from '../../shared/model'
import { noteText } from '../../shared/note-doc'
import { stopWordSet } from '../../shared/analysis/stop-words'
import { descendantIds } from '../../shared/theme-tree'
import { notFound } from '../library/errors'
import type { ChangeSet, LibraryStore } from '../library/store'
import {
  articleSpeakers,
  countWords,
  placeHighlight,
  speakerKey,
  speakerMapOf,
  Vocabulary,
  wordsSaidBy,
  type ArticleText,
  type WordVector
} from './article-text'
import { codedArticle, overlappingPairs, PAIR_SEPARATOR, type CodedArticle } from './coded-article'
import { articleTitle, compareArticles, passesFilters } from './filters'
import { ThemesLens } from './themes-lens'
import { addWords, rankWords } from './words'

export interface AnalysisOptions {
  /** The text the reader shows for an article (its correction, else its original); null when it is missing. */
  readText(article: Article): Promise<string | null>
  /** Progress of reading the texts, while it takes a while. */
  progress?(done: number, total: number): void
}

export interface ThemeQuery {
  rollUp?: boolean
  filters?: AnalysisFilters
  /** Only this theme and its sub-themes. */
  themeId?: string
}

/** Passages listed for a cell unless asked for more. */
const PASSAGE_LIMIT = 500
const WORD_LIMIT = 100
/** How long reading texts runs before it lets requests through. */
const SLICE_MS = 40

export class LibraryAnalysis {
  private readonly coded = new Map<string, CodedArticle>()
  private readonly articleOfHighlight = new Map<string, string>()
  private codedBuilt = false
  private readonly codedDirty = new Set<string>()

  private readonly texts = new Map<string, ArticleText>()
  private textsBuilt = false
  /** Articles whose text may have changed (words and speakers), and whose highlights changed (speakers). */
  private readonly wordsDirty = new Set<string>()
  private readonly speakersDirty = new Set<string>()
  private readonly vocabulary = new Vocabulary()
  /** The library's word counts, by word id. */
  private totals: number[] = []
  private reading: Promise<void> = Promise.resolve()
  private ordered: { from: readonly Article[]; list: Article[] } | null = null
  private lensCodebook: readonly Theme[] | null = null
  private readonly lenses = new Map<string, ThemesLens>()
  /**
   * Each article's matrix row and co-occurrence counts as a lens reads them, reused while the article and
   * its contribution are the same objects: after a change only the changed articles are read again.
   */
  private readonly rowsOf = new WeakMap<ThemesLens, Map<string, { article: Article; facts: CodedArticle; row: CountedRow | null }>>()
  private readonly pairsOf = new WeakMap<ThemesLens, Map<string, { facts: CodedArticle; same: number[]; overlapping: number[] }>>()
  private readonly unsubscribe: () => void

  constructor(
    private readonly store: LibraryStore,
    private readonly options: AnalysisOptions
  ) {
    this.unsubscribe = store.subscribe((changes) => this.follow(changes))
  }

  close(): void {
    this.unsubscribe()
  }

  private follow({ changes }: ChangeSet): void {
    for (const { kind, id } of changes) {
      if (kind === 'article') {
        this.codedDirty.add(id)
        this.wordsDirty.add(id)
      } else if (kind === 'highlight') {
        const now = this.store.highlight(id)
        const before = this.articleOfHighlight.get(id)
        for (const articleId of [now?.articleId, before]) {
          if (articleId === undefined) continue
          this.codedDirty.add(articleId)
          this.speakersDirty.add(articleId)
        }
        if (now) this.articleOfHighlight.set(id, now.articleId)
        else this.articleOfHighlight.delete(id)
      }
    }
  }

  // ——— Keeping the contributions current ———

  private async codedArticles(): Promise<Map<string, CodedArticle>> {
    await this.store.whenLoaded()
    if (!this.codedBuilt) {
      for (const article of this.store.articles()) this.recode(article.id)
      this.codedBuilt = true
      this.codedDirty.clear()
    }
    for (const id of this.codedDirty) this.recode(id)
    this.codedDirty.clear()
    return this.coded
  }

  private recode(articleId: string): void {
    if (this.store.article(articleId) === null) {
      this.coded.delete(articleId)
      return
    }
    const highlights = this.store.highlightsOfArticle(articleId)
    for (const h of highlights) this.articleOfHighlight.set(h.id, articleId)
    this.coded.set(articleId, codedArticle(highlights))
  }

  /** Reads what the text layer needs: every text the first time, then those that changed. */
  async whenTextsRead(): Promise<void> {
    await this.store.whenLoaded()
    this.reading = this.reading.catch(() => undefined).then(() => this.readTexts())
    await this.reading
  }

  private async readTexts(): Promise<void> {
    if (!this.textsBuilt) {
      for (const article of this.store.articles()) this.wordsDirty.add(article.id)
      for (const id of this.texts.keys()) this.wordsDirty.add(id)
    }
    let done = 0
    while (this.wordsDirty.size > 0 || this.speakersDirty.size > 0) {
      const work = [...this.wordsDirty].map((id) => ({ id, words: true }))
      for (const id of this.speakersDirty) if (!this.wordsDirty.has(id)) work.push({ id, words: false })
      this.wordsDirty.clear()
      this.speakersDirty.clear()
      const report = work.length > 50
      const total = done + work.length
      let slice = performance.now()
      for (const { id, words } of work) {
        await this.retext(id, words)
        done++
        if (performance.now() - slice > SLICE_MS) {
          if (report) this.options.progress?.(done, total)
          await new Promise((resolve) => setImmediate(resolve))
          slice = performance.now()
        }
      }
      if (report) this.options.progress?.(done, total)
    }
    this.textsBuilt = true
  }

  private async retext(articleId: string, words: boolean): Promise<void> {
    const article = this.store.article(articleId)
    const old = this.texts.get(articleId)
    if (article === null) {
      if (old) this.addVector(old.words, -1)
      this.texts.delete(articleId)
      return
    }
    const highlights = this.store.highlightsOfArticle(articleId)
    // Known here too, so a highlight deleted later marks its article even if no matrix was asked for yet.
    for (const h of highlights) this.articleOfHighlight.set(h.id, articleId)
    const recount = words || old === undefined
    const speaks = article.meta.kind === 'interview' || highlights.some((h) => h.speaker !== undefined)
    const text = recount || speaks ? await this.options.readText(article) : null
    let vector: WordVector = old?.words ?? new Uint32Array(0)
    if (recount) {
      if (old) this.addVector(old.words, -1)
      vector = text === null ? new Uint32Array(0) : countWords(text, this.vocabulary)
      this.addVector(vector, 1)
    }
    this.texts.set(articleId, { article, words: vector, ...articleSpeakers(article, text, highlights) })
  }

  private addVector(vector: WordVector, sign: 1 | -1): void {
    for (let i = 0; i < vector.length; i += 2) {
      const id = vector[i]!
      this.totals[id] = (this.totals[id] ?? 0) + sign * vector[i + 1]!
    }
  }

  /** The library's articles in list order, sorted again only when the list changed. */
  private articlesInOrder(): Article[] {
    const from = this.store.articles()
    if (this.ordered?.from !== from) this.ordered = { from, list: [...from].sort(compareArticles) }
    return this.ordered.list
  }

  /** One lens per way of reading the codebook, kept until the codebook changes, with what it has worked out. */
  private lens(query: ThemeQuery): ThemesLens {
    if (query.themeId !== undefined && this.store.theme(query.themeId) === null) throw notFound(`Theme “${query.themeId}”`)
    const codebook = this.store.themes()
    if (codebook !== this.lensCodebook) {
      this.lenses.clear()
      this.lensCodebook = codebook
    }
    const key = `${query.rollUp ? 1 : 0}:${query.themeId ?? ''}`
    let lens = this.lenses.get(key)
    if (!lens) {
      lens = new ThemesLens(codebook, query.rollUp ?? false, query.themeId ?? null)
      this.lenses.set(key, lens)
    }
    return lens
  }

  // ——— The analyses ———

  async matrix(query: ThemeQuery = {}): Promise<ThemeMatrix> {
    const coded = await this.codedArticles()
    const lens = this.lens(query)
    const filters = query.filters ?? {}
    const width = lens.themes.length
    const rows: CountedRow[] = []
    const totals = zeros(width)
    let uncoded = 0
    let cache = this.rowsOf.get(lens)
    if (!cache) this.rowsOf.set(lens, (cache = new Map()))
    for (const article of this.articlesInOrder()) {
      if (!passesFilters(article, filters)) continue
      const facts = coded.get(article.id)
      if (!facts) {
        uncoded++
        continue
      }
      let kept = cache.get(article.id)
      if (kept?.article !== article || kept.facts !== facts) {
        kept = { article, facts, row: matrixRow(article, facts, lens) }
        cache.set(article.id, kept)
      }
      const row = kept.row
      if (row === null) {
        uncoded++
        continue
      }
      for (let c = 0; c < width; c++) totals[c]! += row.counts[c]!
      rows.push(row)
    }
    const counts = new Uint32Array(rows.length * width)
    rows.forEach((row, i) => counts.set(row.counts, i * width))
    return { themes: lens.themes, rows: rows.map((r) => r.row), counts, totals, uncoded, rollUp: lens.rollUp }
  }

  async cooccurrence(query: ThemeQuery & { overlapping?: boolean } = {}): Promise<CooccurrenceMatrix> {
    const coded = await this.codedArticles()
    const lens = this.lens(query)
    const filters = query.filters ?? {}
    const overlapping = query.overlapping ?? false
    const n = lens.themes.length
    const counts = Array.from({ length: n }, () => zeros(n))
    const add = (a: number, b: number, by: number): void => {
      counts[a]![b]! += by
      counts[b]![a]! += by
    }
    let cache = this.pairsOf.get(lens)
    if (!cache) this.pairsOf.set(lens, (cache = new Map()))
    for (const article of this.articlesInOrder()) {
      const facts = coded.get(article.id)
      if (!facts || facts.coded === 0 || !passesFilters(article, filters)) continue
      let kept = cache.get(article.id)
      if (kept?.facts !== facts) {
        kept = { facts, ...articlePairs(facts, lens) }
        cache.set(article.id, kept)
      }
      for (const list of overlapping ? [kept.same, kept.overlapping] : [kept.same]) {
        for (let k = 0; k < list.length; k += 3) {
          const a = list[k]!
          const b = list[k + 1]!
          if (a === b) counts[a]![a]! += list[k + 2]!
          else add(a, b, list[k + 2]!)
        }
      }
    }
    return { themes: lens.themes, counts, rollUp: lens.rollUp, overlapping }
  }

  async speakers(query: ThemeQuery = {}): Promise<SpeakerMatrix> {
    await this.whenTextsRead()
    const lens = this.lens(query)
    const filters = query.filters ?? {}
    const bySpeaker = new Map<string, AnalysisSpeaker & { counts: number[] }>()
    for (const article of this.articlesInOrder()) {
      const facts = this.texts.get(article.id)
      if (!facts || facts.speakerSets.size === 0 || !passesFilters(article, filters)) continue
      for (const [who, sets] of facts.speakerSets) {
        let counted = false
        for (const [key, n] of sets) {
          const columns = lens.expand(key)
          if (columns.length === 0) continue
          let row = bySpeaker.get(who)
          if (!row) {
            row = { name: facts.speakerNames.get(who) ?? who, articles: 0, highlights: 0, counts: zeros(lens.themes.length) }
            bySpeaker.set(who, row)
          }
          if (!counted) row.articles++
          counted = true
          row.highlights += n
          for (const c of columns) row.counts[c]! += n
        }
      }
    }
    const rows = [...bySpeaker.values()].sort((a, b) => b.highlights - a.highlights || a.name.localeCompare(b.name, 'en'))
    return {
      themes: lens.themes,
      speakers: rows.map(({ name, articles, highlights }) => ({ name, articles, highlights })),
      counts: rows.map((r) => r.counts),
      rollUp: lens.rollUp
    }
  }

  async speakerNames(): Promise<string[]> {
    await this.whenTextsRead()
    const names = new Map<string, string>()
    for (const facts of this.texts.values()) for (const [key, name] of facts.speakerNames) if (!names.has(key)) names.set(key, name)
    for (const facts of this.texts.values()) {
      for (const placed of facts.placed.values()) for (const name of placed.speakers) if (!names.has(speakerKey(name))) names.set(speakerKey(name), name)
    }
    return [...names.values()].sort((a, b) => a.localeCompare(b, 'en'))
  }

  async words(scope: WordScope, { rollUp = false, limit = WORD_LIMIT }: { rollUp?: boolean; limit?: number } = {}): Promise<WordFrequencies> {
    const stopWords = stopWordSet(this.store.preferences.stopWords)
    let counts: Iterable<[string, number]>
    let label: string
    if (scope.kind === 'library') {
      await this.whenTextsRead()
      label = 'the library'
      const words = this.vocabulary.words
      counts = (function* (totals: number[]) {
        for (let id = 0; id < totals.length; id++) if ((totals[id] ?? 0) > 0) yield [words[id]!, totals[id]!] as [string, number]
      })(this.totals)
    } else if (scope.kind === 'article') {
      const article = this.store.article(scope.articleId) ?? throwNotFound(`Article “${scope.articleId}”`)
      label = articleTitle(article).title
      const map = new Map<string, number>()
      const text = await this.options.readText(article)
      if (text !== null) addWords(map, text)
      counts = map
    } else if (scope.kind === 'theme') {
      const theme = this.store.theme(scope.themeId) ?? throwNotFound(`Theme “${scope.themeId}”`)
      const lens = new ThemesLens(this.store.themes(), rollUp, theme.id)
      label = lens.themes[0]?.path ?? theme.name
      const map = new Map<string, number>()
      for (const h of this.themedHighlights(theme.id, rollUp)) addWords(map, h.quote.exact)
      counts = map
    } else {
      await this.whenTextsRead()
      const key = speakerKey(scope.name)
      const map = new Map<string, number>()
      let name: string | null = null
      for (const facts of this.texts.values()) {
        for (const placed of facts.placed.values()) {
          const said = placed.speakers.find((s) => speakerKey(s) === key)
          if (said === undefined) continue
          name ??= said
          const highlight = this.store.highlight(placed.id)
          if (highlight) for (const part of wordsSaidBy(placed, highlight.quote.exact, key)) addWords(map, part)
        }
      }
      if (name === null) throw notFound(`A speaker called “${scope.name}”`)
      label = name
      counts = map
    }
    return { scope, label, ...rankWords(counts, stopWords, limit) }
  }

  /** Highlights coded with the theme (or, rolled up, with it or any theme below it). */
  private themedHighlights(themeId: string, rollUp: boolean): Highlight[] {
    const ids = rollUp ? [themeId, ...descendantIds(this.store.themes(), themeId)] : [themeId]
    return this.store.highlightsWithThemes(ids)
  }

  // ——— The passages behind a cell ———

  async passages(cell: AnalysisCell, options: { rollUp?: boolean; overlapping?: boolean; filters?: AnalysisFilters; limit?: number } = {}): Promise<AnalysisPassages> {
    const lens = new ThemesLens(this.store.themes(), options.rollUp ?? false)
    const column = (id: string): number => lens.indexOf(id) ?? throwNotFound(`Theme “${id}”`)
    const filters = options.filters ?? {}
    const found = new Map<string, Highlight>()
    if (cell.kind === 'matrix') {
      const at = column(cell.themeId)
      if (this.store.article(cell.articleId) === null) throw notFound(`Article “${cell.articleId}”`)
      for (const h of this.store.highlightsOfArticle(cell.articleId)) if (lens.counts(h.themeIds, at)) found.set(h.id, h)
    } else if (cell.kind === 'cooccurrence') {
      const a = column(cell.themeId)
      const b = column(cell.otherThemeId)
      const paired = a === b || !(lens.rollUp && lens.related(a, b))
      const articles = new Set<string>()
      for (const h of this.themedHighlights(cell.themeId, lens.rollUp)) {
        const article = this.store.article(h.articleId)
        if (!article || !passesFilters(article, filters)) continue
        articles.add(h.articleId)
        if (paired && lens.counts(h.themeIds, b)) found.set(h.id, h)
      }
      if (options.overlapping && a !== b && paired) {
        for (const articleId of articles) {
          const coded = this.store.highlightsOfArticle(articleId).filter((h) => h.themeIds.length > 0)
          for (const [x, y] of overlappingPairs(coded)) {
            const xa = lens.counts(x.themeIds, a)
            const xb = lens.counts(x.themeIds, b)
            const ya = lens.counts(y.themeIds, a)
            const yb = lens.counts(y.themeIds, b)
            if ((xa && yb) || (xb && ya)) {
              found.set(x.id, x)
              found.set(y.id, y)
            }
          }
        }
      }
    } else {
      const at = column(cell.themeId)
      const key = speakerKey(cell.speaker)
      await this.whenTextsRead()
      for (const [articleId, facts] of this.texts) {
        const article = this.store.article(articleId)
        if (!article || !passesFilters(article, filters)) continue
        for (const placed of facts.placed.values()) {
          if (!placed.speakers.some((s) => speakerKey(s) === key)) continue
          const h = this.store.highlight(placed.id)
          if (h && lens.counts(h.themeIds, at)) found.set(h.id, h)
        }
      }
    }
    return this.describe([...found.values()], options.limit ?? PASSAGE_LIMIT)
  }

  /** The passages as the page lists them: in library order, then in reading order, each placed on its text. */
  private async describe(highlights: Highlight[], limit: number): Promise<AnalysisPassages> {
    const order = new Map(this.articlesInOrder().map((a, i) => [a.id, i]))
    highlights.sort((a, b) => (order.get(a.articleId) ?? 0) - (order.get(b.articleId) ?? 0) || a.position.start - b.position.start || (a.id < b.id ? -1 : 1))
    const passages: AnalysisPassage[] = []
    const textOf = new Map<Article, string | null>()
    for (const h of highlights.slice(0, limit)) {
      const article = this.store.article(h.articleId)
      if (!article) continue
      if (!textOf.has(article)) textOf.set(article, await this.options.readText(article))
      const text = textOf.get(article) ?? null
      const placed = placeHighlight(h, text, text === null ? null : speakerMapOf(article, text))
      const { title, untitled } = articleTitle(article)
      passages.push({
        highlightId: h.id,
        articleId: article.id,
        articleTitle: title,
        untitled,
        quote: placed.start !== null && text !== null ? text.slice(placed.start, placed.end!) : h.quote.exact,
        start: placed.start,
        end: placed.end,
        speakers: placed.speakers,
        note: h.note === null ? '' : noteText(h.note).trim(),
        themeIds: h.themeIds
      })
    }
    return { passages, total: highlights.length }
  }
}

interface CountedRow {
  row: MatrixRow
  counts: number[]
}

/** An article's row of the matrix as the lens reads it; null when none of its highlights counts in any column. */
function matrixRow(article: Article, facts: CodedArticle, lens: ThemesLens): CountedRow | null {
  const counts = zeros(lens.themes.length)
  let total = 0
  for (const [key, n] of facts.sets) {
    const columns = lens.expand(key)
    if (columns.length === 0) continue
    total += n
    for (const c of columns) counts[c]! += n
  }
  if (total === 0) return null
  const { title, untitled } = articleTitle(article)
  return { row: { articleId: article.id, title, untitled, outlet: article.meta.outlet, date: article.meta.date, kind: article.meta.kind, total }, counts }
}

/**
 * An article's co-occurrences as (theme, theme, count) triples: on one highlight (a theme with itself
 * counts its highlights), and on two overlapping highlights.
 */
function articlePairs(facts: CodedArticle, lens: ThemesLens): { same: number[]; overlapping: number[] } {
  const same: number[] = []
  for (const [key, by] of facts.sets) {
    const columns = lens.expand(key)
    for (let i = 0; i < columns.length; i++) {
      const a = columns[i]!
      same.push(a, a, by)
      for (let j = i + 1; j < columns.length; j++) if (!(lens.rollUp && lens.related(a, columns[j]!))) same.push(a, columns[j]!, by)
    }
  }
  const overlapping: number[] = []
  for (const [key, by] of facts.overlaps) {
    const [first, second] = key.split(PAIR_SEPARATOR) as [string, string]
    for (const [a, b] of crossPairs(lens, lens.expand(first), lens.expand(second))) overlapping.push(a, b, by)
  }
  return { same, overlapping }
}

/** The theme pairs two overlapping highlights make: a theme on one with a different theme on the other, each pair once. */
function crossPairs(lens: ThemesLens, first: readonly number[], second: readonly number[]): [number, number][] {
  const seen = new Set<number>()
  const pairs: [number, number][] = []
  const width = lens.themes.length
  for (const a of first) {
    for (const b of second) {
      if (a === b || (lens.rollUp && lens.related(a, b))) continue
      const lo = Math.min(a, b)
      const hi = Math.max(a, b)
      if (seen.has(lo * width + hi)) continue
      seen.add(lo * width + hi)
      pairs.push([lo, hi])
    }
  }
  return pairs
}

function throwNotFound(what: string): never {
  throw notFound(what)
}

/**
 * n zeros in a packed array. `new Array(n).fill(0)` makes a holey one, which the structured clone that
 * carries an answer to the page copies element by element, many times slower.
 */
function zeros(n: number): number[] {
  const list: number[] = []
  for (let i = 0; i < n; i++) list.push(0)
  return list
}
