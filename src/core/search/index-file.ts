// The search index on disk: an SQLite database (through a WebAssembly build, so there is no native module
// to rebuild for Electron) with an FTS5 full-text table. It is derived data: everything in it comes from
// the library's records and texts, so a missing, stale or damaged file is simply built again.
//
// Each indexed record is a "source" (an article, a highlight, a note, a theme) with a stamp that changes
// whenever what it contributes changes; a source contributes rows: an article one per paragraph of its
// text, one for its details and one for its memo. The FTS table holds only the rows' folded words
// (contentless: the words themselves stay in the library), so the index stays a fraction of the texts.
import sqlite from 'node-sqlite3-wasm'
import { mkdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { foldForIndex } from '../../shared/search/fold'

const { Database } = sqlite
type Db = InstanceType<typeof Database>

/** Bumped when the rows or their folding change: an index of another format is built again. */
export const INDEX_FORMAT = '4'

export type RowKind = 'passage' | 'details' | 'memo' | 'highlight' | 'note' | 'theme'

/**
 * One full-text table per kind of hit, so a query for highlights never wades through the passages that
 * share its words. Passages and highlights also index their speaker, so a speaker's words are found by
 * joining two word lists, the speaker's short one first.
 */
export type Table = 'article' | 'highlight' | 'note' | 'theme'
const TABLE_OF: Record<RowKind, Table> = { passage: 'article', details: 'article', memo: 'article', highlight: 'highlight', note: 'note', theme: 'theme' }
const TABLES: readonly Table[] = ['article', 'highlight', 'note', 'theme']

/**
 * How many of a query's matches are ranked, the most recently indexed first. Ranking costs a few
 * microseconds a match; a word in tens of thousands of passages would take seconds to rank in full, so
 * its best hits are sought among its latest matches. A word in fewer passages is ranked in full.
 */
export const RANK_WINDOW = 500

/** Between the names of a passage's speakers, in a row's speaker and in what `speakers()` splits. */
export const SPEAKER_JOIN = '; '

/** Each name folded as the filter compares it, kept apart by SPEAKER_JOIN; null when none is left. */
function foldSpeakers(speaker: string): string | null {
  return speaker.split(SPEAKER_JOIN).map(foldForIndex).filter((name) => name !== '').join(SPEAKER_JOIN) || null
}

export interface IndexRow {
  kind: RowKind
  /** The article, highlight, note or theme the row is of. */
  owner: string
  /** The article the row is in (passages, details, memo, highlights); null for notes and themes. */
  article: string | null
  /** A passage's or highlight's place in the article's text. */
  start: number | null
  end: number | null
  /**
   * Who says the words, as written (the text's labels, or the user's word for a highlight); several
   * speakers of one passage joined by SPEAKER_JOIN; null when nobody is known.
   */
  speaker: string | null
  /** The words to index, folded (foldForIndex). */
  body: string
}

export interface FoundRow {
  id: number
  kind: RowKind
  owner: string
  article: string | null
  start: number | null
  end: number | null
  speaker: string | null
}

export class IndexFile {
  private constructor(
    private readonly db: Db,
    readonly path: string
  ) {}

  /**
   * Opens the index, or starts an empty one when there is none, it is of another format, or it cannot be
   * read (then the damaged file is removed first). `fresh` says whether it starts empty.
   */
  static open(path: string): { index: IndexFile; fresh: boolean } {
    mkdirSync(dirname(path), { recursive: true })
    try {
      const db = new Database(path)
      try {
        const format = tableExists(db, 'info') ? (db.get("SELECT value FROM info WHERE key = 'format'")?.value ?? null) : null
        if (format === INDEX_FORMAT) {
          // A quick look through the FTS table's own structures; a damaged page fails here, not mid-query.
          for (const table of TABLES) db.exec(`INSERT INTO fts_${table}(fts_${table}, rank) VALUES ('integrity-check', 0)`)
          tune(db)
          return { index: new IndexFile(db, path), fresh: false }
        }
      } catch {
        // Damaged: closed and started again below.
      }
      db.close()
    } catch {
      // Not a database at all.
    }
    removeIndex(path)
    const db = new Database(path)
    createSchema(db)
    tune(db)
    return { index: new IndexFile(db, path), fresh: true }
  }

  /** Every source's stamp, by key ("article:<id>", "highlight:<id>", …). */
  stamps(): Map<string, string> {
    const stamps = new Map<string, string>()
    for (const row of this.db.all('SELECT key, stamp FROM sources')) stamps.set(String(row.key), String(row.stamp))
    return stamps
  }

  /** Replaces sources in one transaction: each key's old rows go, its new rows (if any) come in. */
  apply(changes: readonly { key: string; stamp: string | null; rows: readonly IndexRow[] }[]): void {
    if (changes.length === 0) return
    const db = this.db
    // Inside a build's own transaction the changes join it; otherwise they are one transaction.
    const own = !db.inTransaction
    if (own) db.exec('BEGIN')
    const ownedRows = db.prepare('SELECT id, kind FROM docs WHERE source = ?')
    const dropFts = new Map(TABLES.map((t) => [t, db.prepare(`DELETE FROM fts_${t} WHERE rowid = ?`)]))
    const dropDocs = db.prepare('DELETE FROM docs WHERE source = ?')
    const dropSource = db.prepare('DELETE FROM sources WHERE key = ?')
    const addDoc = db.prepare('INSERT INTO docs(source, kind, owner, article, start, "end", speaker, speaker_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    const addFts = new Map(TABLES.map((t) => [t, db.prepare(`INSERT INTO fts_${t}(rowid, body, speaker) VALUES (?, ?, ?)`)]))
    const addSource = db.prepare('INSERT INTO sources(key, stamp) VALUES (?, ?)')
    try {
      for (const { key, stamp, rows } of changes) {
        for (const row of ownedRows.all(key)) dropFts.get(TABLE_OF[row.kind as RowKind])!.run(row.id as number)
        dropDocs.run(key)
        dropSource.run(key)
        if (stamp === null) continue
        for (const row of rows) {
          const folded = row.speaker === null ? null : foldSpeakers(row.speaker)
          const { lastInsertRowid } = addDoc.run([key, row.kind, row.owner, row.article, row.start, row.end, folded, folded === null ? null : row.speaker])
          addFts.get(TABLE_OF[row.kind])!.run([lastInsertRowid, row.body, folded ?? ''])
        }
        addSource.run([key, stamp])
      }
      if (own) db.exec('COMMIT')
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw error
    } finally {
      for (const statement of [ownedRows, ...dropFts.values(), dropDocs, dropSource, addDoc, ...addFts.values(), addSource]) statement.finalize()
    }
  }

  /** Starts a transaction that later apply() calls join, so a build commits now and then rather than per slice. */
  begin(): void {
    if (!this.db.inTransaction) this.db.exec('BEGIN')
  }

  commit(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT')
  }

  /**
   * Rows of one table matching an FTS5 query, best first, `limit` from `offset`; only those said by one
   * of `speakers` (folded names) when it is not null. See RANK_WINDOW for how many matches are ranked.
   */
  search(table: Table, match: string, speakers: readonly string[] | null, limit: number, offset: number): FoundRow[] {
    let query = `body : (${match})`
    if (speakers !== null) query += ` AND speaker : (${speakers.map((name) => `"${name}"`).join(' OR ')})`
    const rows = this.db.all(
      `SELECT d.id, d.kind, d.owner, d.article, d.start, d."end", d.speaker_name FROM
         (SELECT rowid, rank FROM fts_${table} WHERE fts_${table} MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW}) AS m
       JOIN docs d ON d.id = m.rowid ORDER BY m.rank LIMIT ? OFFSET ?`,
      [query, limit, offset]
    )
    return rows.map((row) => ({
      id: Number(row.id),
      kind: row.kind as RowKind,
      owner: String(row.owner),
      article: row.article === null ? null : String(row.article),
      start: row.start === null ? null : Number(row.start),
      end: row.end === null ? null : Number(row.end),
      speaker: row.speaker_name === null ? null : String(row.speaker_name)
    }))
  }

  /** Every speaker the indexed texts attribute words to, folded as the filter compares them. */
  speakers(): string[] {
    const rows = this.db.all('SELECT DISTINCT speaker FROM docs WHERE speaker IS NOT NULL ORDER BY speaker')
    return [...new Set(rows.flatMap((row) => String(row.speaker).split(SPEAKER_JOIN)))].sort()
  }

  close(): void {
    if (!this.db.isOpen) return
    this.commit()
    this.db.close()
  }
}

/**
 * The index is rebuilt from the library if it is ever lost, so it is not synced to disk on every commit
 * (a crash may lose the last changes, and the next open finds and redoes them by their stamps); a damaged
 * file fails the integrity check on open and is built again.
 */
function tune(db: Db): void {
  db.exec('PRAGMA synchronous = OFF; PRAGMA cache_size = -32000;')
}

function tableExists(db: Db, name: string): boolean {
  return db.get("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?", [name]) !== null
}

function createSchema(db: Db): void {
  db.exec(`
    PRAGMA journal_mode = TRUNCATE;
    CREATE TABLE info(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sources(key TEXT PRIMARY KEY, stamp TEXT NOT NULL);
    CREATE TABLE docs(
      id INTEGER PRIMARY KEY,
      source TEXT NOT NULL,
      kind TEXT NOT NULL,
      owner TEXT NOT NULL,
      article TEXT,
      start INTEGER,
      "end" INTEGER,
      speaker TEXT,
      speaker_name TEXT
    );
    CREATE INDEX docs_source ON docs(source);
    CREATE INDEX docs_speaker ON docs(speaker) WHERE speaker IS NOT NULL;
  `)
  for (const table of TABLES) {
    db.exec(`CREATE VIRTUAL TABLE fts_${table} USING fts5(body, speaker, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')`)
  }
  db.run("INSERT INTO info(key, value) VALUES ('format', ?)", [INDEX_FORMAT])
}

/** The index file and the journal SQLite may have left beside it. */
export function removeIndex(path: string): void {
  for (const file of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true })
}
