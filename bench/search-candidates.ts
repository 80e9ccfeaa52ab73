// Full-text search candidates, measured on the 10,000-article benchmark library (10k articles, 100k
// highlights, 10k notes): MiniSearch, FlexSearch 0.8 and SQLite FTS5 through node-sqlite3-wasm. For each:
// build time, index size on disk, time to load the persisted index, memory after building and after
// loading, p50/p95 latency of single-word, prefix and two-word phrase queries, and the cost of replacing
// one article's paragraphs; for FlexSearch also whether update and remove leave the index correct. These
// are the figures behind docs/search-engine.md. Each candidate builds in one child process and loads in
// another, so no candidate's memory is counted in another's figure.
//
// Usage: npx tsx bench/search-candidates.ts [minisearch|flexsearch|fts5|all] [--articles N] [--json]
// (--articles: a quick run on the first N articles; --json: the raw figures after the table.)
// Needs the cached library under reports/bench-cache (`npm run bench` generates it); reads it, never writes it.
import { spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Charset, Document, Index } from 'flexsearch'
import MiniSearch from 'minisearch'
import sqlite from 'node-sqlite3-wasm'

const REPORTS_DIR = resolve(import.meta.dirname, '../reports')
const LIBRARY_DIR = join(REPORTS_DIR, 'bench-cache', '10k-v1-records')
const SELF = resolve(import.meta.dirname, 'search-candidates.ts')

const CANDIDATES = ['minisearch', 'flexsearch', 'fts5'] as const
type Candidate = (typeof CANDIDATES)[number]
const QUERY_KINDS = ['word', 'prefix', 'phrase'] as const
type QueryKind = (typeof QUERY_KINDS)[number]

/** Results a query returns: the first page of a result list. */
const PAGE = 20
const QUERIES_PER_KIND = 50
/** A build slower than this is abandoned and measured on SUBSET_ARTICLES instead, then extrapolated. */
const BUILD_LIMIT_S = 600
const SUBSET_ARTICLES = 2_000
/** Articles whose paragraphs the update measurement replaces (each with NEW_PARAGRAPHS others' paragraphs). */
const UPDATE_RUNS = 10
const NEW_PARAGRAPHS = 40
/** Documents handed to an engine at once while building (one transaction each for FTS5). */
const BATCH_DOCS = 10_000
/** FTS5: above this many matching documents, the hybrid query measured skips ranking. */
const RANK_LIMIT = 5_000

// ── The corpus ──────────────────────────────────────────────────────────────────────────────────────
// One document per non-empty line of an article's text, per highlight quote and per note. A document's
// id says where its text is, so every engine needs to store nothing but ids, and a candidate that cannot
// match phrases itself can fetch the text to check one.

const PARAGRAPH = 0
const HIGHLIGHT = 1
const NOTE = 2
type Kind = typeof PARAGRAPH | typeof HIGHLIGHT | typeof NOTE

interface Doc {
  id: number
  body: string
}

const docId = (kind: Kind, owner: number, seq: number): number => kind * 100_000_000 + owner * 1_000 + seq
function decodeId(id: number): { kind: Kind; owner: number; seq: number } {
  return { kind: Math.floor(id / 100_000_000) as Kind, owner: Math.floor(id / 1_000) % 100_000, seq: id % 1_000 }
}

interface HighlightsFile {
  highlights: { quote?: { exact?: string } }[]
}

interface Library {
  articleIds: string[]
  noteIds: string[]
}

function openLibrary(): Library {
  if (!existsSync(join(LIBRARY_DIR, 'bench-cache.json'))) throw new Error(`No benchmark library at ${LIBRARY_DIR}: run npm run bench once.`)
  const names = (dir: string, ext: string): string[] =>
    readdirSync(join(LIBRARY_DIR, dir))
      .filter((n) => n.endsWith(ext))
      .sort()
      .map((n) => n.slice(0, -ext.length))
  return { articleIds: names('texts', '.txt'), noteIds: names('notes', '.json') }
}

/** Notes in proportion to the articles: a 2,000-article subset gets a fifth of them. */
const notesFor = (lib: Library, articles: number): number => Math.round((lib.noteIds.length * articles) / lib.articleIds.length)

const paragraphs = (lib: Library, a: number): string[] =>
  readFileSync(join(LIBRARY_DIR, 'texts', `${lib.articleIds[a]}.txt`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')

function quotes(lib: Library, a: number): (string | undefined)[] {
  const file = join(LIBRARY_DIR, 'highlights', `${lib.articleIds[a]}.json`)
  if (!existsSync(file)) return []
  return (JSON.parse(readFileSync(file, 'utf8')) as HighlightsFile).highlights.map((h) => h.quote?.exact)
}

/** A note's title and every `text` in its tiptap document. */
function noteText(lib: Library, n: number): string {
  const parts: string[] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') parts.push(value)
        else walk(value)
      }
    }
  }
  const { note } = JSON.parse(readFileSync(join(LIBRARY_DIR, 'notes', `${lib.noteIds[n]}.json`), 'utf8')) as { note: { title?: string; doc?: unknown } }
  if (note.title) parts.push(note.title)
  walk(note.doc)
  return parts.join('\n')
}

function articleDocs(lib: Library, a: number): Doc[] {
  const docs = paragraphs(lib, a).map((body, seq) => ({ id: docId(PARAGRAPH, a, seq), body }))
  quotes(lib, a).forEach((body, seq) => {
    if (body) docs.push({ id: docId(HIGHLIGHT, a, seq), body })
  })
  if (docs.length > 2 * 1_000) throw new Error(`${lib.articleIds[a]} has more paragraphs or highlights than an id can number`)
  return docs
}

/** The corpus in batches of about BATCH_DOCS documents: articles (paragraphs and quotes), then notes. */
function* corpus(lib: Library, articles: number): Generator<Doc[]> {
  let batch: Doc[] = []
  for (let a = 0; a < articles; a++) {
    batch.push(...articleDocs(lib, a))
    if (batch.length >= BATCH_DOCS) yield batch.splice(0)
  }
  for (let n = 0; n < notesFor(lib, articles); n++) {
    batch.push({ id: docId(NOTE, n, 0), body: noteText(lib, n) })
    if (batch.length >= BATCH_DOCS) yield batch.splice(0)
  }
  if (batch.length) yield batch
}

// ── Text matching, for the engines without phrase search ────────────────────────────────────────────

/** Lower case without diacritics, as every candidate is configured to index. */
const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
const tokens = (s: string): string[] => fold(s).match(/[\p{L}\p{N}]+/gu) ?? []

/** The last few files read, so checking many paragraphs of one article reads its text once. */
const fileCache = new Map<string, string[] | (string | undefined)[] | string>()
function cached<T extends string[] | (string | undefined)[] | string>(key: string, read: () => T): T {
  const hit = fileCache.get(key) as T | undefined
  if (hit !== undefined) return hit
  const value = read()
  fileCache.set(key, value)
  if (fileCache.size > 256) fileCache.delete(fileCache.keys().next().value!)
  return value
}

function docText(lib: Library, id: number): string {
  const { kind, owner, seq } = decodeId(id)
  if (kind === PARAGRAPH) return cached(`p${owner}`, () => paragraphs(lib, owner))[seq] ?? ''
  if (kind === HIGHLIGHT) return cached(`h${owner}`, () => quotes(lib, owner))[seq] ?? ''
  return cached(`n${owner}`, () => noteText(lib, owner))
}

function hasPhrase(text: string, first: string, second: string): boolean {
  const words = tokens(text)
  for (let i = 0; i + 1 < words.length; i++) if (words[i] === first && words[i + 1] === second) return true
  return false
}

/** The first PAGE candidates, in the engine's order, whose text holds the two words side by side. */
function verifiedPhrase(lib: Library, candidates: Iterable<number>, first: string, second: string): number[] {
  const found: number[] = []
  for (const id of candidates) {
    if (hasPhrase(docText(lib, id), first, second)) found.push(id)
    if (found.length === PAGE) break
  }
  return found
}

// ── The queries ─────────────────────────────────────────────────────────────────────────────────────

interface QuerySet {
  word: string[]
  prefix: string[]
  /** Adjacent word pairs from the texts, so every one has at least one match. */
  phrase: [string, string][]
  /** Run before timing, so the first timed query does not pay for the code's first run. */
  warm: string[]
  /** Document frequency range of the single words, for the report. */
  wordCounts: [number, number]
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` distinct indexes into [0, size), spaced evenly on a log scale, so frequencies spread from top to tail. */
function logSpaced(size: number, count: number, taken = new Set<number>()): number[] {
  const picked: number[] = []
  for (let i = 0; i < count; i++) {
    let r = Math.round(Math.pow(size - 1, i / (count - 1)))
    while (taken.has(r) && r < size - 1) r++
    taken.add(r)
    picked.push(r)
  }
  return picked
}

/**
 * Reads every paragraph once to count in how many paragraphs each word occurs, then picks words across
 * that range (some as common as "the", some seen once), prefixes of words across it, and phrases from
 * random places in the first SUBSET_ARTICLES articles (so a subset run finds them too).
 */
function pickQueries(lib: Library): { queries: QuerySet; readS: number; paragraphs: number } {
  const df = new Map<string, number>()
  const random = mulberry32(10_000)
  const phraseArticles = new Set(Array.from({ length: QUERIES_PER_KIND }, () => Math.floor(random() * Math.min(SUBSET_ARTICLES, lib.articleIds.length))))
  const phrase: [string, string][] = []
  let readS = 0
  let count = 0
  for (let a = 0; a < lib.articleIds.length; a++) {
    const start = performance.now()
    const lines = paragraphs(lib, a)
    readS += (performance.now() - start) / 1000
    count += lines.length
    const split = lines.map(tokens)
    for (const words of split) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1)
    if (phraseArticles.has(a)) {
      // Two pairs from each chosen article, up to the fifty.
      for (let k = 0; k < 2 && phrase.length < QUERIES_PER_KIND; k++) {
        const usable = split.filter((w) => w.length >= 2)
        const words = usable[Math.floor(random() * usable.length)]!
        const at = Math.floor(random() * (words.length - 1))
        phrase.push([words[at]!, words[at + 1]!])
      }
    }
  }
  const vocabulary = [...df.entries()].sort((x, y) => y[1] - x[1])
  const common = ['the', 'film', 'music'].filter((w) => df.has(w))
  const ranks = logSpaced(vocabulary.length, QUERIES_PER_KIND - common.length, new Set(common.map((w) => vocabulary.findIndex(([v]) => v === w))))
  const word = [...common, ...ranks.map((r) => vocabulary[r]![0])]
  const long = vocabulary.filter(([w]) => w.length >= 5)
  const prefix = [...new Set(logSpaced(long.length, QUERIES_PER_KIND + 10).map((r, i) => long[r]![0].slice(0, i % 2 ? 4 : 3)))].slice(0, QUERIES_PER_KIND)
  const warm = [1, 2, 3].map((k) => vocabulary[Math.floor((vocabulary.length * k) / 7)]![0])
  const counts = word.map((w) => df.get(w)!)
  return { queries: { word, prefix, phrase, warm, wordCounts: [Math.min(...counts), Math.max(...counts)] }, readS, paragraphs: count }
}

// ── The engines ─────────────────────────────────────────────────────────────────────────────────────

interface Engine {
  /** Adds documents; FTS5 does it in one transaction. */
  add(docs: Doc[]): void
  /** Replaces one document's text (FlexSearch's `update`, the others remove and add). */
  update(doc: Doc): void
  remove(ids: number[]): void
  /** Removes some documents and adds others as one change: an article's paragraphs replaced. */
  replace(ids: number[], docs: Doc[]): void
  /** The first page of ids for a query. */
  search(kind: QueryKind, query: string | [string, string]): number[]
  /** Writes the index to disk (FTS5: nothing left to write). */
  persist(): { seconds: number; bytes: number; note?: string }
  /** Figures only this candidate has. */
  extras(queries: QuerySet): Record<string, string>
  /** What went wrong short of a wrong answer, for the correctness line. */
  anomalies(): string[]
  close(): void
}

const foldTerm = (term: string): string => fold(term)
const miniSearchOptions = { fields: ['body'], storeFields: [], processTerm: foldTerm }

function miniSearchEngine(lib: Library, file: string, loaded?: MiniSearch<Doc>): Engine {
  const index = loaded ?? new MiniSearch<Doc>(miniSearchOptions)
  const ids = (results: { id: unknown }[]): number[] => results.slice(0, PAGE).map((r) => r.id as number)
  return {
    add: (docs) => index.addAll(docs),
    update: (doc) => index.replace(doc),
    remove: (removed) => index.discardAll(removed.filter((id) => index.has(id))),
    replace(removed, docs) {
      index.discardAll(removed.filter((id) => index.has(id)))
      index.addAll(docs)
    },
    search(kind, query) {
      if (kind === 'word') return ids(index.search(query as string))
      if (kind === 'prefix') return ids(index.search(query as string, { prefix: true }))
      // No phrase search: every document with both words, best first, checked against its text.
      const [first, second] = query as [string, string]
      return verifiedPhrase(lib, index.search(`${first} ${second}`, { combineWith: 'AND' }).map((r) => r.id as number), first, second)
    },
    persist() {
      const start = performance.now()
      let json: string
      try {
        json = JSON.stringify(index)
      } catch (error) {
        return { seconds: NaN, bytes: NaN, note: `JSON.stringify failed: ${String(error)}` }
      }
      writeFileSync(file, json)
      return { seconds: (performance.now() - start) / 1000, bytes: Buffer.byteLength(json) }
    },
    extras: () => ({}),
    anomalies: () => [],
    close: () => undefined
  }
}

/** Forward tokenization, so a word also matches as a prefix; fastupdate, so update and remove need no full scan. */
const flexSearchOptions = { tokenize: 'forward', encoder: Charset.Normalize, fastupdate: true, cache: false } as const

function flexSearchEngine(lib: Library, file: string, loaded?: Index): Engine {
  const index = loaded ?? new Index(flexSearchOptions)
  // With fastupdate, a word whose documents were all updated or removed away gives undefined, not [].
  let undefinedResults = 0
  const search = (query: string, options: { limit: number; offset?: number }): number[] => {
    const found = index.search(query, options) as number[] | undefined
    if (found === undefined) undefinedResults++
    return found ?? []
  }
  return {
    add(docs) {
      for (const doc of docs) index.add(doc.id, doc.body)
    },
    update: (doc) => index.update(doc.id, doc.body),
    remove(removed) {
      for (const id of removed) index.remove(id)
    },
    replace(removed, docs) {
      for (const id of removed) index.remove(id)
      for (const doc of docs) index.add(doc.id, doc.body)
    },
    search(kind, query) {
      // The result of a one-word search is the index's own list: read it, never change it.
      if (kind !== 'phrase') return search(query as string, { limit: PAGE })
      // Multi-word queries intersect; the pages of candidates are checked against their texts.
      const [first, second] = query as [string, string]
      const pages = function* (): Generator<number> {
        for (let offset = 0; ; offset += 100) {
          const page = search(`${first} ${second}`, { limit: 100, offset })
          yield* page
          if (page.length < 100) return
        }
      }
      return verifiedPhrase(lib, pages(), first, second)
    },
    persist() {
      const start = performance.now()
      const fd = openSync(file, 'w')
      let bytes = 0
      void index.export((key: string, data: string) => {
        bytes += writeSync(fd, `${key}\t${data}\n`)
      })
      closeSync(fd)
      return { seconds: (performance.now() - start) / 1000, bytes }
    },
    extras: () => ({ 'Document (fastupdate) after update/remove': checkFlexSearchDocument() }),
    anomalies: () => (undefinedResults ? [`search returned undefined instead of [] ${undefinedResults}×`] : []),
    close: () => undefined
  }
}

/** The same add, update, remove on FlexSearch's Document index, which has no guard against the missing list. */
function checkFlexSearchDocument(): string {
  const index = new Document({ document: { id: 'id', index: ['body'] }, ...flexSearchOptions })
  index.add({ id: 1, body: 'Before zyxoldterm the cut' })
  index.update({ id: 1, body: 'After qwvnewterm the cut' })
  try {
    index.search('zyxoldterm')
    index.remove(1)
    index.search('qwvnewterm')
    return 'searches answer'
  } catch (error) {
    return `search of a word no longer indexed throws: ${String(error)}`
  }
}

/**
 * Reads back what persist() wrote: one `key\tdata` line per chunk, never the whole file as one string.
 * The export has no fastupdate register, and importing into an index with fastupdate fails
 * (`c.add is not a function`), so the index read back has none: its updates and removals scan.
 */
function importFlexSearch(file: string): Index {
  const index = new Index({ ...flexSearchOptions, fastupdate: false })
  const buffer = readFileSync(file)
  for (let start = 0; start < buffer.length; ) {
    let end = buffer.indexOf(10, start)
    if (end < 0) end = buffer.length
    const line = buffer.toString('utf8', start, end)
    const tab = line.indexOf('\t')
    index.import(line.slice(0, tab), line.slice(tab + 1))
    start = end + 1
  }
  return index
}

const FTS5_SCHEMA = `
  CREATE TABLE docs(id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, owner TEXT NOT NULL, seq INTEGER NOT NULL);
  CREATE VIRTUAL TABLE fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');`

/** The page of hits ranked inside FTS5 first, then joined, so only PAGE rows are looked up in docs. */
const FTS5_PAGE = `SELECT d.id, d.kind, d.owner, d.seq FROM (SELECT rowid, rank FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ${PAGE}) AS hit
  JOIN docs d ON d.id = hit.rowid ORDER BY hit.rank`
/** The same with the join outside: every match is joined and ranked before the limit. */
const FTS5_PAGE_JOINED = `SELECT d.id, d.kind, d.owner, d.seq FROM fts JOIN docs d ON d.id = fts.rowid WHERE fts MATCH ? ORDER BY rank LIMIT ${PAGE}`
/** Unranked: the first PAGE matches in rowid order. */
const FTS5_PAGE_UNRANKED = `SELECT d.id, d.kind, d.owner, d.seq FROM (SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ${PAGE}) AS hit JOIN docs d ON d.id = hit.rowid`

const ftsQuery = (kind: QueryKind, query: string | [string, string]): string =>
  kind === 'word' ? `"${query as string}"` : kind === 'prefix' ? `"${query as string}"*` : `"${(query as [string, string]).join(' ')}"`

function fts5Engine(lib: Library, file: string): Engine {
  const db = new sqlite.Database(file)
  if (!db.get(`SELECT name FROM sqlite_master WHERE name = 'fts'`)) db.exec(FTS5_SCHEMA)
  const insertDoc = db.prepare('INSERT INTO docs(id, kind, owner, seq) VALUES (?, ?, ?, ?)')
  const insertText = db.prepare('INSERT INTO fts(rowid, body) VALUES (?, ?)')
  const deleteDoc = db.prepare('DELETE FROM docs WHERE id = ?')
  const deleteText = db.prepare('DELETE FROM fts WHERE rowid = ?')
  const page = db.prepare(FTS5_PAGE)
  const statements = [insertDoc, insertText, deleteDoc, deleteText, page]
  const transaction = (run: () => void): void => {
    db.exec('BEGIN')
    try {
      run()
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw error
    }
  }
  const insert = (docs: Doc[]): void => {
    for (const doc of docs) {
      const { kind, owner, seq } = decodeId(doc.id)
      // The made-up documents of the correctness check have owners the library has not.
      insertDoc.run([doc.id, kind, (kind === NOTE ? lib.noteIds[owner] : lib.articleIds[owner]) ?? 'check', seq])
      insertText.run([doc.id, doc.body])
    }
  }
  const drop = (ids: number[]): void => {
    for (const id of ids) {
      deleteText.run([id])
      deleteDoc.run([id])
    }
  }
  /** Median of several runs of one statement, in ms. */
  const timed = (sql: string, match: string, runs = 7): number => {
    const statement = db.prepare(sql)
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      statement.all([match])
      times.push(performance.now() - start)
    }
    statement.finalize()
    return times.sort((x, y) => x - y)[Math.floor(runs / 2)]!
  }
  return {
    add: (docs) => transaction(() => insert(docs)),
    update(doc) {
      transaction(() => {
        drop([doc.id])
        insert([doc])
      })
    },
    remove: (ids) => transaction(() => drop(ids)),
    replace(ids, docs) {
      transaction(() => {
        drop(ids)
        insert(docs)
      })
    },
    search: (kind, query) => page.all([ftsQuery(kind, query)]).map((row) => row.id as number),
    persist: () => ({ seconds: 0, bytes: statSync(file).size, note: 'written as built' }),
    anomalies: () => [],
    extras(queries) {
      const out: Record<string, string> = {}
      const common = queries.word[0]!
      const hits = Number(db.get('SELECT count(*) AS n FROM fts WHERE fts MATCH ?', [`"${common}"`])?.n ?? 0)
      out[`"${common}" (${hits} docs) ranked, join after limit`] = `${timed(FTS5_PAGE, `"${common}"`).toFixed(1)} ms`
      out[`"${common}" ranked, join before limit`] = `${timed(FTS5_PAGE_JOINED, `"${common}"`).toFixed(1)} ms`
      out[`"${common}" unranked (rowid order)`] = `${timed(FTS5_PAGE_UNRANKED, `"${common}"`).toFixed(1)} ms`
      const prefix = queries.prefix[0]!
      out[`"${prefix}"* ranked / unranked`] = `${timed(FTS5_PAGE, `"${prefix}"*`).toFixed(1)} / ${timed(FTS5_PAGE_UNRANKED, `"${prefix}"*`).toFixed(1)} ms`
      const describe = (l: Record<QueryKind, Latency>): string => QUERY_KINDS.map((k) => `${k} ${ms(l[k].p50)} / ${ms(l[k].p95)}`).join(', ')
      const unranked = db.prepare(FTS5_PAGE_UNRANKED)
      const pageOf = (statement: sqlite.Statement, kind: QueryKind, query: string | [string, string]): number[] =>
        statement.all([ftsQuery(kind, query)]).map((row) => row.id as number)
      out['every query unranked, p50 / p95 ms'] = describe(measureQueries((kind, query) => pageOf(unranked, kind, query), queries))
      // Ranking costs in proportion to the matches, so rank only where few match: counting up to the limit,
      // unranked, is cheap, where fts5vocab's count reads the word's whole list.
      const capped = db.prepare(`SELECT count(*) AS n FROM (SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ${RANK_LIMIT + 1})`)
      const matches = (kind: QueryKind, query: string | [string, string]): number => Number(capped.get([ftsQuery(kind, query)])?.n ?? 0)
      const counted = (kind: QueryKind, query: string): string => {
        const began = performance.now()
        const n = matches(kind, query)
        return `${n} in ${ms(performance.now() - began)} ms`
      }
      out[`matches counted up to ${RANK_LIMIT + 1}, "${common}" / "${prefix}"*`] = `${counted('word', common)} / ${counted('prefix', prefix)}`
      out[`ranked only up to ${RANK_LIMIT} matches, else unranked, p50 / p95 ms`] = describe(
        measureQueries((kind, query) => pageOf(matches(kind, query) <= RANK_LIMIT ? page : unranked, kind, query), queries)
      )
      capped.finalize()
      unranked.finalize()
      // The default page cache is 2 MB; a common word's list is larger than that.
      db.exec('PRAGMA cache_size = -65536')
      out[`"${common}" ranked, join after limit, 64 MB page cache`] = `${timed(FTS5_PAGE, `"${common}"`).toFixed(1)} ms`
      db.exec('PRAGMA cache_size = -2000')
      out['journal_mode / synchronous'] = `${String(db.get('PRAGMA journal_mode')?.journal_mode)} / ${String(db.get('PRAGMA synchronous')?.synchronous)}`
      // Merging all segments into one: what it costs, what it saves on disk, what it changes for a common word.
      const start = performance.now()
      db.run(`INSERT INTO fts(fts) VALUES ('optimize')`)
      out['optimize (merge all segments)'] = `${((performance.now() - start) / 1000).toFixed(1)} s, file then ${(statSync(file).size / 1e6).toFixed(0)} MB`
      out[`"${common}" ranked, join after limit, optimized`] = `${timed(FTS5_PAGE, `"${common}"`).toFixed(1)} ms`
      return out
    },
    close() {
      for (const statement of statements) statement.finalize()
      db.close()
    }
  }
}

// ── One candidate, in a child process ───────────────────────────────────────────────────────────────

interface Latency {
  p50: number
  p95: number
  /** Queries that found nothing (a phrase always should find its source). */
  empty: number
}

interface ChildResult {
  candidate: Candidate
  phase: 'build' | 'load'
  articles: number
  docs?: number
  buildS?: number
  persist?: { seconds: number; bytes: number; note?: string }
  /** Load: reading and deserializing the index (FTS5: opening the file), then the first query. */
  loadMs?: number
  firstQueryMs?: number
  baseRssMB: number
  rssMB: number
  latency?: Record<QueryKind, Latency>
  update: { medianMs: number; maxMs: number; runs: number }
  correctness?: string
  extras?: Record<string, string>
  aborted?: string
}

const rssMB = (): number => {
  gc?.()
  gc?.()
  return process.memoryUsage().rss / 1e6
}
const percentile = (sorted: number[], p: number): number => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!

function measureQueries(search: Engine['search'], queries: QuerySet): Record<QueryKind, Latency> {
  for (const w of queries.warm) for (const kind of QUERY_KINDS) search(kind, kind === 'phrase' ? [w, w] : kind === 'prefix' ? w.slice(0, 3) : w)
  const latency = {} as Record<QueryKind, Latency>
  for (const kind of QUERY_KINDS) {
    const times: number[] = []
    let empty = 0
    for (const query of queries[kind]) {
      const start = performance.now()
      const found = search(kind, query)
      times.push(performance.now() - start)
      if (found.length === 0) empty++
    }
    times.sort((x, y) => x - y)
    latency[kind] = { p50: percentile(times, 0.5), p95: percentile(times, 0.95), empty }
  }
  return latency
}

/** Replaces all paragraphs of one article after another with NEW_PARAGRAPHS taken from other articles. */
function measureUpdates(lib: Library, engine: Engine, articles: number, runs: number, offset: number): ChildResult['update'] {
  const times: number[] = []
  for (let r = 0; r < runs; r++) {
    const a = (offset + r * Math.floor(articles / runs)) % articles
    const old = paragraphs(lib, a).map((_, seq) => docId(PARAGRAPH, a, seq))
    const source = [...paragraphs(lib, (a + 1) % articles), ...paragraphs(lib, (a + 2) % articles)]
    const fresh = source.slice(0, NEW_PARAGRAPHS).map((body, seq) => ({ id: docId(PARAGRAPH, a, seq), body }))
    const start = performance.now()
    engine.replace(old, fresh)
    times.push(performance.now() - start)
  }
  times.sort((x, y) => x - y)
  return { medianMs: percentile(times, 0.5), maxMs: times[times.length - 1]!, runs }
}

/**
 * Add, update and remove, each followed by the searches that must (and must not) find the document:
 * a made-up document with words of its own, then a paragraph of the library whose words occur elsewhere.
 */
function checkUpdateRemove(lib: Library, engine: Engine, article: number): string {
  const failures: string[] = []
  let steps = 0
  const expect = (step: string, word: string, id: number, present: boolean): void => {
    steps++
    const limit = engine.search('word', word)
    if (limit.includes(id) !== present) failures.push(`${step}: "${word}" ${present ? 'misses' : 'still finds'} the document`)
  }
  const id = docId(NOTE, 99_999, 999)
  engine.add([{ id, body: 'Before zyxoldterm the cut' }])
  expect('after add', 'zyxoldterm', id, true)
  engine.update({ id, body: 'After qwvnewterm the cut' })
  expect('after update', 'zyxoldterm', id, false)
  expect('after update', 'qwvnewterm', id, true)
  engine.remove([id])
  expect('after remove', 'qwvnewterm', id, false)
  // A real paragraph: its rarest-looking (longest) word, searched where few other documents compete.
  const real = docId(PARAGRAPH, article, 0)
  const oldWord = tokens(docText(lib, real)).sort((x, y) => y.length - x.length)[0]!
  engine.update({ id: real, body: 'Replaced with qwvreplacement words only' })
  expect('real paragraph, after update', oldWord, real, false)
  expect('real paragraph, after update', 'qwvreplacement', real, true)
  engine.remove([real])
  expect('real paragraph, after remove', 'qwvreplacement', real, false)
  const verdict = failures.length ? `FAIL ${failures.length}/${steps}: ${failures.join('; ')}` : `pass (${steps}/${steps})`
  return [verdict, ...engine.anomalies()].join('; ')
}

function queriesFile(work: string): QuerySet {
  return JSON.parse(readFileSync(join(work, 'queries.json'), 'utf8')) as QuerySet
}

const indexFile = (work: string, candidate: Candidate): string =>
  join(work, { minisearch: 'minisearch.json', flexsearch: 'flexsearch.export', fts5: 'fts5.sqlite' }[candidate])

function openEngine(lib: Library, candidate: Candidate, file: string, load: boolean): Engine {
  if (candidate === 'fts5') return fts5Engine(lib, file)
  if (candidate === 'minisearch') return miniSearchEngine(lib, file, load ? MiniSearch.loadJSON<Doc>(readFileSync(file, 'utf8'), miniSearchOptions) : undefined)
  return flexSearchEngine(lib, file, load ? importFlexSearch(file) : undefined)
}

function runChild(candidate: Candidate, phase: 'build' | 'load', work: string, articles: number): ChildResult {
  const lib = openLibrary()
  const queries = queriesFile(work)
  const file = indexFile(work, candidate)
  const baseRssMB = rssMB()
  if (phase === 'build') {
    const engine = openEngine(lib, candidate, file, false)
    const start = performance.now()
    let docs = 0
    for (const batch of corpus(lib, articles)) {
      engine.add(batch)
      docs += batch.length
      const seconds = (performance.now() - start) / 1000
      process.stderr.write(`\r  ${candidate}: ${docs} documents, ${seconds.toFixed(0)} s`)
      if (seconds > BUILD_LIMIT_S) {
        process.stderr.write('\n')
        return { candidate, phase, articles, baseRssMB, rssMB: rssMB(), update: { medianMs: NaN, maxMs: NaN, runs: 0 }, aborted: `over ${BUILD_LIMIT_S} s at ${docs} documents` }
      }
    }
    process.stderr.write('\n')
    const buildS = (performance.now() - start) / 1000
    const persist = engine.persist()
    const rss = rssMB()
    const latency = measureQueries(engine.search, queries)
    const extras = engine.extras(queries)
    // The update and correctness checks change the index, so they come after it was persisted and queried.
    const update = measureUpdates(lib, engine, articles, UPDATE_RUNS, 17)
    const correctness = checkUpdateRemove(lib, engine, 0)
    engine.close()
    return { candidate, phase, articles, docs, buildS, persist, baseRssMB, rssMB: rss, latency, update, correctness, extras }
  }
  const start = performance.now()
  const engine = openEngine(lib, candidate, file, true)
  const loadMs = performance.now() - start
  const first = performance.now()
  engine.search('word', queries.word[1]!)
  const firstQueryMs = performance.now() - first
  const rss = rssMB()
  // A FlexSearch index read back from an export has lost its fastupdate register: fewer runs, they scan.
  const update = measureUpdates(lib, engine, articles, candidate === 'flexsearch' ? 3 : UPDATE_RUNS, 29)
  // FTS5's file took the build phase's changes, so the load phase checks another article's paragraph.
  const correctness = checkUpdateRemove(lib, engine, 1)
  engine.close()
  return { candidate, phase, articles, loadMs, firstQueryMs, baseRssMB, rssMB: rss, update, correctness }
}

// ── The comparison ──────────────────────────────────────────────────────────────────────────────────

function spawnChild(candidate: Candidate, phase: 'build' | 'load', work: string, articles: number): Promise<ChildResult | { failed: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, '--child', candidate, phase, work, String(articles)], {
      cwd: resolve(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('close', (code, signal) => {
      const last = out.trim().split('\n').pop() ?? ''
      if (code === 0 && last.startsWith('{')) done(JSON.parse(last) as ChildResult)
      else done({ failed: `exit ${code ?? signal}` })
    })
  })
}

interface Measured {
  build: ChildResult
  load: ChildResult | null
  /** Articles asked for / articles measured: 1, or 5 when the full library had to fall back to a subset. */
  scale: number
  note?: string
}

async function measureCandidate(candidate: Candidate, work: string, lib: Library, full: number): Promise<Measured> {
  let note: string | undefined
  let why = ''
  for (const articles of new Set([full, Math.min(full, SUBSET_ARTICLES)])) {
    process.stderr.write(`${candidate}: building on ${articles} articles\n`)
    const build = await spawnChild(candidate, 'build', work, articles)
    if ('failed' in build || build.aborted) {
      why = 'failed' in build ? `build process failed (${build.failed})` : `build ${build.aborted}`
      process.stderr.write(`${candidate}: ${why}\n`)
      await rm(indexFile(work, candidate), { force: true })
      note = `full library: ${why}; measured on ${SUBSET_ARTICLES} articles, sizes extrapolated ×${full / SUBSET_ARTICLES}`
      continue
    }
    process.stderr.write(`${candidate}: loading\n`)
    const load = await spawnChild(candidate, 'load', work, articles)
    await rm(indexFile(work, candidate), { force: true })
    return { build, load: 'failed' in load ? null : load, scale: full / articles, note }
  }
  throw new Error(`${candidate}: ${why}, on the subset too`)
}

const ms = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(0))
/** A memory or size figure grown in proportion to the library, above the empty process. */
const grown = (m: Measured, v: number, base = 0): string => `${m.scale === 1 ? '' : '~'}${(base + (v - base) * m.scale).toFixed(0)}`

function table(results: Map<Candidate, Measured>, queries: QuerySet): string {
  const columns = [...results.keys()]
  const row = (label: string, cell: (m: Measured) => string): string[] => [label, ...columns.map((c) => cell(results.get(c)!))]
  const lat = (kind: QueryKind) => (m: Measured) => {
    const l = m.build.latency![kind]
    return `${ms(l.p50)} / ${ms(l.p95)}${l.empty ? ` (${l.empty} empty)` : ''}${m.scale === 1 ? '' : ` @${m.build.articles}`}`
  }
  const rows = [
    ['', ...columns],
    row('articles measured', (m) => String(m.build.articles)),
    row('documents indexed', (m) => String(m.build.docs)),
    row('build (s)', (m) => grown(m, m.build.buildS!)),
    row('persist (s)', (m) => (m.build.persist!.note && !m.build.persist!.seconds ? m.build.persist!.note : grown(m, m.build.persist!.seconds))),
    row('index on disk (MB)', (m) => grown(m, m.build.persist!.bytes / 1e6)),
    row('RSS after build (MB)', (m) => grown(m, m.build.rssMB, m.build.baseRssMB)),
    row('load (ms)', (m) => (m.load ? grown(m, m.load.loadMs!) : 'failed')),
    row('first query after load (ms)', (m) => ms(m.load?.firstQueryMs)),
    row('RSS after load (MB)', (m) => (m.load ? grown(m, m.load.rssMB, m.load.baseRssMB) : 'failed')),
    row('word p50 / p95 (ms)', lat('word')),
    row('prefix p50 / p95 (ms)', lat('prefix')),
    row('phrase p50 / p95 (ms)', lat('phrase')),
    row('update, built: median / max (ms)', (m) => `${ms(m.build.update.medianMs)} / ${ms(m.build.update.maxMs)}`),
    row('update, loaded: median / max (ms)', (m) => (m.load ? `${ms(m.load.update.medianMs)} / ${ms(m.load.update.maxMs)} (${m.load.update.runs} runs)` : '—')),
    row('update/remove correct, built', (m) => m.build.correctness!),
    row('update/remove correct, loaded', (m) => m.load?.correctness ?? '—')
  ]
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const lines = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
  lines.splice(1, 0, '─'.repeat(lines[0]!.length))
  const notes = [...results.entries()].flatMap(([c, m]) => [
    ...(m.note ? [`${c}: ${m.note}; latencies measured at that size (@${m.build.articles})`] : []),
    ...Object.entries(m.build.extras ?? {}).map(([k, v]) => `${c}: ${k}: ${v}`)
  ])
  return [
    `\nSearch candidates — ${queries.word.length} words (in ${queries.wordCounts[0]}–${queries.wordCounts[1]} paragraphs), ` +
      `${queries.prefix.length} prefixes, ${queries.phrase.length} phrases; first page of ${PAGE}; update = ${NEW_PARAGRAPHS} paragraphs replace an article's`,
    ...lines,
    ...notes.map((n) => `  ${n}`)
  ].join('\n')
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') {
    const [, candidate, phase, work, articles] = args as [string, Candidate, 'build' | 'load', string, string]
    process.stdout.write(JSON.stringify(runChild(candidate, phase, work, Number(articles))) + '\n')
    return
  }
  const which = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'all'
  const at = args.indexOf('--articles')
  const chosen = which === 'all' ? [...CANDIDATES] : CANDIDATES.filter((c) => c === which)
  if (!chosen.length) throw new Error(`Usage: search-candidates.ts [${CANDIDATES.join('|')}|all]`)
  const lib = openLibrary()
  // On the library's disk, not a RAM-backed /tmp, so writing and reading the index costs what it would.
  const work = await mkdtemp(join(REPORTS_DIR, 'bench-work-search-'))
  try {
    process.stderr.write('choosing queries…\n')
    const { queries, readS, paragraphs: count } = pickQueries(lib)
    process.stderr.write(`${count} paragraphs read in ${readS.toFixed(1)} s (reading alone, included in every build time)\n`)
    writeFileSync(join(work, 'queries.json'), JSON.stringify(queries))
    const results = new Map<Candidate, Measured>()
    const articles = at >= 0 ? Math.min(Number(args[at + 1]), lib.articleIds.length) : lib.articleIds.length
    for (const candidate of chosen) results.set(candidate, await measureCandidate(candidate, work, lib, articles))
    process.stdout.write(table(results, queries) + '\n')
    if (args.includes('--json')) process.stdout.write(JSON.stringify({ queries, results: Object.fromEntries(results) }) + '\n')
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

await main()
