// Search over one open library: the index file kept in step with the store, and queries answered from it
// with each hit's snippet and marked words read from the library itself.
//
// On open, the stamps in the index are compared with the records: what is missing, stale or gone is
// (re)indexed in the background, a slice at a time between requests, with progress; a query meanwhile
// answers from what is indexed so far and says so. After that every change set the store commits is
// applied within the same turn it arrives in (an import, an edit, a delete).
import { join } from 'node:path'
import type { SearchFilters, SearchGroup, SearchHit, SearchKind, SearchResult, SearchSnippet, SearchStatus } from '../../shared/ipc/search'
import type { Article, Highlight, Note, Theme } from '../../shared/model'
import { noteText } from '../../shared/note-doc'
import { highlightSpeakers, speakerMap, speakerMapOfArticle, type SpeakerMap } from '../../shared/speakers'
import { INDEX_FOLDER } from '../library/layout'
import type { ChangeSet, LibraryStore } from '../library/store'
import { shownText, type ArticleTexts } from '../services/article-texts'
import { foldForIndex } from '../../shared/search/fold'
import { IndexFile, SPEAKER_JOIN, type FoundRow, type IndexRow } from './index-file'
import { ftsQuery, matchRanges, parseQuery, type QueryPart } from '../../shared/search/query'

/** The index file, in the library's index folder: derived data, left out of backups and safe to delete. */
export const INDEX_FILE = 'search.sqlite'
export { INDEX_FOLDER }

/** How long one background slice may run before requests get their turn. */
const SLICE_MS = 12
/** How often a long build commits what it has indexed. */
const COMMIT_MS = 1_000


interface SourceChange {
  key: string
  stamp: string | null
  rows: IndexRow[]
}

export interface SearchIndexOptions {
  /** Told how far a (re)build has got; called with done === total when it is finished. */
  progress?: (status: SearchStatus) => void
  /** Where the index file is; by default in the library's index folder. */
  path?: string
  /** The services' shared reader of article texts, so a hit's snippet reads a text already in memory. */
  texts?: ArticleTexts
}

export class SearchIndex {
  private index: IndexFile
  private readonly pending = new Set<string>()
  private building: Promise<void> = Promise.resolve()
  /** Building until the first comparison with the library is done. */
  private status: SearchStatus = { state: 'building', done: 0, total: 0 }
  private closed = false
  private readonly unsubscribe: () => void
  /** Whether the index started empty (missing, damaged or of another format) when it was opened. */
  readonly rebuilt: boolean

  private constructor(
    private readonly store: LibraryStore,
    index: IndexFile,
    fresh: boolean,
    private readonly options: SearchIndexOptions
  ) {
    this.index = index
    this.rebuilt = fresh
    this.unsubscribe = store.subscribe((changes) => this.follow(changes))
  }

  /** Opens (or starts) the index of the store's library and brings it up to date in the background. */
  static open(store: LibraryStore, options: SearchIndexOptions = {}): SearchIndex {
    const { index, fresh } = IndexFile.open(options.path ?? join(store.dir, INDEX_FOLDER, INDEX_FILE))
    const search = new SearchIndex(store, index, fresh, options)
    search.building = search.catchUp()
    return search
  }

  /** Settles when everything committed so far is in the index. */
  async whenCurrent(): Promise<void> {
    let seen: Promise<void> | null = null
    while (seen !== this.building) {
      seen = this.building
      await seen
    }
  }

  get state(): SearchStatus {
    return { ...this.status }
  }

  async close(): Promise<void> {
    this.closed = true
    this.unsubscribe()
    await this.building.catch(() => undefined)
    this.index.close()
  }

  // --- Keeping up with the library -------------------------------------------------------------------

  /** Compares every source's stamp with the index's and indexes the difference, a slice at a time. */
  private async catchUp(): Promise<void> {
    await this.store.whenLoaded()
    if (this.closed) return
    const wanted = this.currentStamps()
    const have = this.index.stamps()
    const work: string[] = []
    for (const [key, stamp] of wanted) if (have.get(key) !== stamp) work.push(key)
    for (const key of have.keys()) if (!wanted.has(key)) work.push(key)
    await this.run(work, wanted)
    this.knownSpeakers = null
    if (!this.closed) this.setStatus({ state: 'ready', done: work.length, total: work.length })
  }

  /** The folded names of every speaker in the index, while no article has changed. */
  private knownSpeakers: string[] | null = null

  private follow({ changes }: ChangeSet): void {
    for (const { kind, id } of changes) {
      if (kind === 'preferences') continue
      if (kind === 'article' || kind === 'highlight') this.knownSpeakers = null
      this.pending.add(`${kind}:${id}`)
      // An article's details and text decide its highlights' speakers: look at them again too.
      if (kind === 'article') for (const h of this.store.highlightsOfArticle(id)) this.pending.add(`highlight:${h.id}`)
    }
    const keys = [...this.pending]
    this.pending.clear()
    this.building = this.building.then(() => this.run(keys, null))
  }

  /** Indexes the given sources (their stamps from `wanted`, or worked out now), reporting progress. */
  private async run(keys: readonly string[], wanted: Map<string, string> | null): Promise<void> {
    if (keys.length === 0) return
    const report = wanted !== null || keys.length > 50
    if (report) this.setStatus({ state: 'building', done: 0, total: keys.length })
    // A long run is one transaction, committed every second or so: each commit costs a write of the pages.
    if (report) this.index.begin()
    let committed = performance.now()
    let at = 0
    try {
      while (at < keys.length && !this.closed) {
        const started = performance.now()
        const batch: SourceChange[] = []
        while (at < keys.length && performance.now() - started < SLICE_MS) {
          const key = keys[at++]!
          const stamp = wanted ? (wanted.get(key) ?? null) : this.stampOf(key)
          batch.push({ key, stamp, rows: stamp === null ? [] : await this.rowsOf(key) })
        }
        this.index.apply(batch)
        if (report) {
          if (performance.now() - committed > COMMIT_MS) {
            this.index.commit()
            this.index.begin()
            committed = performance.now()
          }
          this.setStatus({ state: at < keys.length ? 'building' : 'ready', done: at, total: keys.length })
          // Requests waiting on the core get their turn between slices.
          if (at < keys.length) await new Promise((resolve) => setImmediate(resolve))
        }
      }
    } finally {
      if (report) this.index.commit()
      this.speakerCache = null
    }
  }

  /** The speaker lookup of the article last asked about: a build visits an article's highlights together. */
  private speakerCache: { article: Article; map: SpeakerMap | null } | null = null

  private async speakersOf(article: Article): Promise<SpeakerMap | null> {
    if (this.speakerCache?.article === article) return this.speakerCache.map
    const text = await this.textOf(article)
    const map = text === null ? null : speakerMapOfArticle(article, text)
    this.speakerCache = { article, map }
    return map
  }

  private setStatus(status: SearchStatus): void {
    this.status = status
    this.options.progress?.(status)
  }

  /** The stamp of every source the library has now (trashed articles and their highlights are not searched). */
  private currentStamps(): Map<string, string> {
    const stamps = new Map<string, string>()
    for (const article of this.store.articles()) {
      stamps.set(`article:${article.id}`, articleStamp(article))
      for (const h of this.store.highlightsOfArticle(article.id)) stamps.set(`highlight:${h.id}`, highlightStamp(h, article))
    }
    for (const note of this.store.notes()) stamps.set(`note:${note.id}`, recordStamp(note))
    for (const theme of this.store.themes()) stamps.set(`theme:${theme.id}`, recordStamp(theme))
    return stamps
  }

  private stampOf(key: string): string | null {
    const [kind, id] = splitKey(key)
    if (kind === 'article') {
      const article = this.store.article(id)
      return article && !article.trashedAt ? articleStamp(article) : null
    }
    if (kind === 'highlight') {
      const h = this.store.highlight(id)
      const article = h ? this.store.article(h.articleId) : null
      return h && article && !article.trashedAt ? highlightStamp(h, article) : null
    }
    if (kind === 'note') {
      const note = this.store.note(id)
      return note ? recordStamp(note) : null
    }
    if (kind === 'theme') {
      const theme = this.store.theme(id)
      return theme ? recordStamp(theme) : null
    }
    return null
  }

  private async rowsOf(key: string): Promise<IndexRow[]> {
    const [kind, id] = splitKey(key)
    if (kind === 'article') {
      const article = this.store.article(id)
      return article ? this.articleRows(article) : []
    }
    if (kind === 'highlight') {
      const h = this.store.highlight(id)
      const article = h ? this.store.article(h.articleId) : null
      return h && article ? [await this.highlightRow(h, article)] : []
    }
    if (kind === 'note') {
      const note = this.store.note(id)
      return note ? [noteRow(note)] : []
    }
    if (kind === 'theme') {
      const theme = this.store.theme(id)
      return theme ? [themeRow(theme)] : []
    }
    return []
  }

  /** Read for indexing: straight from disk, so a build does not push the reader's texts out of the cache. */
  private async textOf(article: Article): Promise<string | null> {
    return shownText(article, await this.store.readOriginal(article)).text
  }

  /** Read for a hit's snippet: through the shared cache when there is one. */
  private async shownTextOf(article: Article): Promise<string | null> {
    return this.options.texts ? (await this.options.texts.shown(article)).text : this.textOf(article)
  }

  private async articleRows(article: Article): Promise<IndexRow[]> {
    const base = { owner: article.id, article: article.id, start: null, end: null, speaker: null }
    const { title, author, outlet, url } = article.meta
    const rows: IndexRow[] = [{ ...base, kind: 'details', body: foldForIndex([title, author, outlet, url].join(' ')) }]
    if (article.memo) rows.push({ ...base, kind: 'memo', body: foldForIndex(noteText(article.memo)) })
    const text = await this.textOf(article)
    if (text === null) return rows
    const speakers = article.meta.kind === 'interview' ? speakerMapOfArticle(article, text) : null
    const speakerOf = (offset: number): string | null => speakers?.at(offset) ?? null
    let start = 0
    for (const line of text.split('\n')) {
      const end = start + line.length
      const body = foldForIndex(line)
      if (body !== '') rows.push({ kind: 'passage', owner: article.id, article: article.id, start, end, speaker: speakerOf(start), body })
      start = end + 1
    }
    return rows
  }

  private async highlightRow(h: Highlight, article: Article): Promise<IndexRow> {
    // The user's word on who says it counts in any article; the text's labels only in an interview.
    const map = article.meta.kind === 'interview' ? await this.speakersOf(article) : null
    const names = map ? highlightSpeakers(map, h) : h.speaker?.name ? [h.speaker.name] : []
    const speaker = names.length === 0 ? null : names.join(SPEAKER_JOIN)
    const note = h.note ? noteText(h.note) : ''
    return { kind: 'highlight', owner: h.id, article: article.id, start: h.position.start, end: h.position.end, speaker, body: foldForIndex(`${h.quote.exact} ${note}`) }
  }

  // --- Answering queries -----------------------------------------------------------------------------

  /** Every speaker the library's interviews label, as the texts write them, sorted. */
  async speakerNames(): Promise<string[]> {
    await this.store.whenLoaded()
    const names = new Map<string, string>()
    for (const article of this.store.articles()) {
      if (article.meta.kind !== 'interview') continue
      const text = await this.textOf(article)
      if (text === null) continue
      for (const name of speakerMap(text, article.meta.kind).names) if (!names.has(foldForIndex(name))) names.set(foldForIndex(name), name)
    }
    // Speakers the user named by hand, whether or not a text labels them.
    for (const h of this.store.allHighlights()) {
      const name = h.speaker?.name
      if (name && !names.has(foldForIndex(name))) names.set(foldForIndex(name), name)
    }
    return [...names.values()].sort((a, b) => a.localeCompare(b, 'en'))
  }

  async search(query: string, options: { kinds?: readonly SearchKind[]; filters?: SearchFilters; limit?: number } = {}): Promise<SearchResult> {
    const started = performance.now()
    const parts = parseQuery(query)
    const kinds = options.kinds ?? (['article', 'highlight', 'note', 'theme'] as const)
    const limit = options.limit ?? 20
    const filters = options.filters ?? {}
    const groups: SearchGroup[] = []
    if (parts.length > 0) {
      const speakers = filters.speaker !== undefined ? this.speakersNamed(filters.speaker) : null
      // A speaker is said of article text and highlights only; article details, kind, outlet and dates
      // narrow articles and highlights: notes and themes have none of them to match.
      const searched = kinds.filter((kind) => !((speakers !== null || hasArticleFilter(filters)) && (kind === 'note' || kind === 'theme')))
      groups.push(...(await Promise.all(searched.map((kind) => this.searchKind(kind, parts, filters, speakers, limit)))))
    }
    return { query, groups: groups.filter((g) => g.hits.length > 0), status: this.state, took: Math.round((performance.now() - started) * 10) / 10 }
  }

  /** The indexed speakers a filter names: the exact name folded, else every speaker whose name holds its words. */
  private speakersNamed(name: string): string[] {
    const wanted = foldForIndex(name)
    // Listed once (a scan of every attributed passage) until an article changes.
    const all = (this.knownSpeakers ??= this.index.speakers())
    if (all.includes(wanted)) return [wanted]
    const words = wanted.split(' ')
    return all.filter((speaker) => {
      const theirs = speaker.split(' ')
      return words.every((word) => theirs.includes(word))
    })
  }

  private async searchKind(kind: SearchKind, parts: readonly QueryPart[], filters: SearchFilters, speakers: string[] | null, limit: number): Promise<SearchGroup> {
    if (speakers !== null && speakers.length === 0) return { kind, hits: [], more: false }
    const match = ftsQuery(parts)
    const themed = filters.themeId !== undefined ? this.themedSet(kind, filters.themeId) : null
    // The rows to show, chosen first (an article's passages count as one hit, its best), then read.
    const chosen: FoundRow[] = []
    const matches = new Map<string, number>()
    // Rows come best first. Enough are asked for at once to fill the group; filters the index does not
    // hold are applied here, and only when they leave the group short are more rows read.
    let page = kind === 'article' ? limit * 8 : limit + 1
    let offset = 0
    let more = false
    for (;;) {
      const rows = this.index.search(kind, match, speakers, page, offset)
      offset += rows.length
      for (const row of rows) {
        if (!this.passes(row, filters, themed)) continue
        if (kind === 'article') {
          const seen = matches.get(row.owner)
          if (seen !== undefined) {
            matches.set(row.owner, seen + 1)
            continue
          }
          if (chosen.length >= limit) {
            more = true
            continue
          }
          matches.set(row.owner, 1)
        } else if (chosen.length >= limit) {
          more = true
          break
        }
        chosen.push(row)
      }
      const filled = chosen.length >= limit
      if (rows.length < page || more || filled || offset >= 20_000) {
        if (rows.length === page && !more && filled) more = true
        break
      }
      page *= 4
    }
    // Read together: an article's text may have to come from disk.
    const hits = (await Promise.all(chosen.map((row) => this.hitOf(kind, row, parts)))).filter((hit): hit is SearchHit => hit !== null)
    for (const hit of hits) if (kind === 'article') hit.matches = matches.get(hit.id) ?? 1
    return { kind, hits, more }
  }

  /** The articles (for article hits) or highlights that carry the theme or one of its sub-themes. */
  private themedSet(kind: SearchKind, themeId: string): Set<string> {
    const ids = new Set<string>([themeId])
    let grew = true
    while (grew) {
      grew = false
      for (const theme of this.store.themes()) if (theme.parentId !== null && ids.has(theme.parentId) && !ids.has(theme.id)) (ids.add(theme.id), (grew = true))
    }
    const highlights = this.store.highlightsWithThemes(ids)
    return new Set(kind === 'article' ? highlights.map((h) => h.articleId) : highlights.map((h) => h.id))
  }

  private passes(row: FoundRow, filters: SearchFilters, themed: Set<string> | null): boolean {
    if (themed !== null && !themed.has(row.kind === 'highlight' ? row.owner : (row.article ?? ''))) return false
    if (row.article === null) return true
    const article = this.store.article(row.article)
    if (!article) return false
    const { kind, outlet, date } = article.meta
    if (filters.articleId !== undefined && article.id !== filters.articleId) return false
    if (filters.articleKind !== undefined && kind !== filters.articleKind) return false
    if (filters.outlet !== undefined && foldForIndex(outlet) !== foldForIndex(filters.outlet)) return false
    if (filters.from !== undefined && (date === '' || date < filters.from)) return false
    if (filters.to !== undefined && (date === '' || date > filters.to)) return false
    return true
  }

  private async hitOf(kind: SearchKind, row: FoundRow, parts: readonly QueryPart[]): Promise<SearchHit | null> {
    const base = { kind, id: row.owner, articleId: row.article, speaker: null as string | null, matches: 1, start: null as number | null, end: null as number | null }
    if (row.kind === 'passage' || row.kind === 'details' || row.kind === 'memo') {
      const article = this.store.article(row.owner)
      if (!article) return null
      const title = article.meta.title.trim() || article.facts?.opening || article.id
      if (row.kind === 'details') {
        const { title: t, author, outlet } = article.meta
        return { ...base, title, field: 'details', snippet: snippetOf([t, author, outlet].filter((s) => s !== '').join(' · '), parts) }
      }
      if (row.kind === 'memo') return { ...base, title, field: 'memo', snippet: snippetOf(article.memo ? noteText(article.memo) : '', parts) }
      const text = await this.shownTextOf(article)
      if (text === null || row.start === null || row.end === null) return null
      const paragraph = text.slice(row.start, row.end)
      const ranges = matchRanges(paragraph, parts)
      const first = ranges[0]
      return {
        ...base,
        title,
        field: 'text',
        snippet: snippetAround(paragraph, ranges),
        start: first ? row.start + first[0] : row.start,
        end: first ? row.start + first[1] : row.end,
        speaker: row.speaker
      }
    }
    if (row.kind === 'highlight') {
      const h = this.store.highlight(row.owner)
      const article = h ? this.store.article(h.articleId) : null
      if (!h || !article) return null
      const note = h.note ? noteText(h.note) : ''
      const inQuote = matchRanges(h.quote.exact, parts).length > 0
      return {
        ...base,
        title: article.meta.title.trim() || article.facts?.opening || article.id,
        field: 'highlight',
        snippet: snippetOf(inQuote || note === '' ? h.quote.exact : note, parts),
        start: h.position.start,
        end: h.position.end,
        speaker: row.speaker
      }
    }
    if (row.kind === 'note') {
      const note = this.store.note(row.owner)
      if (!note) return null
      const text = noteText(note.doc)
      const inTitle = matchRanges(note.title, parts).length > 0
      return { ...base, title: note.title.trim() || note.facts?.opening || 'Untitled note', field: 'note', snippet: snippetOf(inTitle && text === '' ? note.title : text || note.title, parts) }
    }
    const theme = this.store.theme(row.owner)
    if (!theme) return null
    return { ...base, title: theme.name, field: 'theme', snippet: snippetOf(theme.description ? `${theme.name} — ${theme.description}` : theme.name, parts) }
  }

}

const SNIPPET_BEFORE = 60
const SNIPPET_LENGTH = 220

/** A stretch of the text around its first match, cut at spaces, with every match in it marked. */
export function snippetAround(text: string, ranges: readonly [number, number][]): SearchSnippet {
  const first = ranges[0]?.[0] ?? 0
  let from = Math.max(0, first - SNIPPET_BEFORE)
  if (from > 0) {
    const space = text.indexOf(' ', from)
    from = space !== -1 && space < first ? space + 1 : from
  }
  let to = Math.min(text.length, from + SNIPPET_LENGTH)
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to)
    to = space > first ? space : to
  }
  const lead = from > 0 ? '…' : ''
  const body = text.slice(from, to)
  const marks = ranges
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]): [number, number] => [s - from + lead.length, e - from + lead.length])
  return { text: `${lead}${body}${to < text.length ? '…' : ''}`, marks }
}

function snippetOf(text: string, parts: readonly QueryPart[]): SearchSnippet {
  const flat = text.replace(/\s+/g, ' ').trim()
  return snippetAround(flat, matchRanges(flat, parts))
}

function hasArticleFilter(filters: SearchFilters): boolean {
  return filters.articleKind !== undefined || filters.outlet !== undefined || filters.from !== undefined || filters.to !== undefined || filters.articleId !== undefined
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf(':')
  return [key.slice(0, at), key.slice(at + 1)]
}

function articleStamp(article: Article): string {
  return `${article.rev ?? 0}|${article.updatedAt}|${article.sha256}`
}

function highlightStamp(h: Highlight, article: Article): string {
  // The speaker depends on the article's text, kind and author: a change to those re-reads the highlight.
  return `${h.rev ?? 0}|${h.updatedAt}|${article.sha256}|${article.correctedText === null ? '' : article.updatedAt}|${article.meta.kind}|${article.meta.author}`
}

function recordStamp(record: Note | Theme): string {
  return `${record.rev ?? 0}|${record.updatedAt}`
}

function noteRow(note: Note): IndexRow {
  return { kind: 'note', owner: note.id, article: null, start: null, end: null, speaker: null, body: foldForIndex(`${note.title} ${noteText(note.doc)}`) }
}

function themeRow(theme: Theme): IndexRow {
  return { kind: 'theme', owner: theme.id, article: null, start: null, end: null, speaker: null, body: foldForIndex(`${theme.name} ${theme.description}`) }
}
