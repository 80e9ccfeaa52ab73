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

const { Database } = sqlite
type Db = InstanceType<typeof Database>

/** Bumped when the rows or their folding change: an index of another format is built again. */
export const INDEX_FORMAT = '1'

export type RowKind = 'passage' | 'details' | 'memo' | 'highlight' | 'note' | 'theme'

export interface IndexRow {
  kind: RowKind
  /** The article, highlight, note or theme the row is of. */
  owner: string
  /** The article the row is in (passages, details, memo, highlights); null for notes and themes. */
  article: string | null
  /** A passage's or highlight's place in the article's text. */
  start: number | null
  end: number | null
  /** The speaker the text attributes the words to, folded; null when it does not say. */
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
          db.exec("INSERT INTO fts(fts, rank) VALUES ('integrity-check', 0)")
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
    db.exec('BEGIN')
    const ownedRows = db.prepare('SELECT id FROM docs WHERE source = ?')
    const dropFts = db.prepare('DELETE FROM fts WHERE rowid = ?')
    const dropDocs = db.prepare('DELETE FROM docs WHERE source = ?')
    const dropSource = db.prepare('DELETE FROM sources WHERE key = ?')
    const addDoc = db.prepare('INSERT INTO docs(source, kind, owner, article, start, "end", speaker) VALUES (?, ?, ?, ?, ?, ?, ?)')
    const addFts = db.prepare('INSERT INTO fts(rowid, body) VALUES (?, ?)')
    const addSource = db.prepare('INSERT INTO sources(key, stamp) VALUES (?, ?)')
    try {
      for (const { key, stamp, rows } of changes) {
        for (const row of ownedRows.all(key)) dropFts.run(row.id as number)
        dropDocs.run(key)
        dropSource.run(key)
        if (stamp === null) continue
        for (const row of rows) {
          const { lastInsertRowid } = addDoc.run([key, row.kind, row.owner, row.article, row.start, row.end, row.speaker])
          addFts.run([lastInsertRowid, row.body])
        }
        addSource.run([key, stamp])
      }
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw error
    } finally {
      for (const statement of [ownedRows, dropFts, dropDocs, dropSource, addDoc, addFts, addSource]) statement.finalize()
    }
  }

  /**
   * Rows matching an FTS5 query, best first, `limit` from `offset`: of the given kinds, and of the given
   * speakers when `speakers` is not null.
   */
  search(match: string, kinds: readonly RowKind[], speakers: readonly string[] | null, limit: number, offset: number): FoundRow[] {
    const params: (string | number)[] = [match, ...kinds]
    let where = `fts MATCH ? AND d.kind IN (${kinds.map(() => '?').join(', ')})`
    if (speakers !== null) {
      where += ` AND d.speaker IN (${speakers.map(() => '?').join(', ')})`
      params.push(...speakers)
    }
    params.push(limit, offset)
    const rows = this.db.all(
      `SELECT d.id, d.kind, d.owner, d.article, d.start, d."end", d.speaker FROM fts JOIN docs d ON d.id = fts.rowid WHERE ${where} ORDER BY fts.rank LIMIT ? OFFSET ?`,
      params
    )
    return rows.map((row) => ({
      id: Number(row.id),
      kind: row.kind as RowKind,
      owner: String(row.owner),
      article: row.article === null ? null : String(row.article),
      start: row.start === null ? null : Number(row.start),
      end: row.end === null ? null : Number(row.end),
      speaker: row.speaker === null ? null : String(row.speaker)
    }))
  }

  /** Every speaker the indexed texts attribute words to, folded. */
  speakers(): string[] {
    return this.db.all('SELECT DISTINCT speaker FROM docs WHERE speaker IS NOT NULL ORDER BY speaker').map((row) => String(row.speaker))
  }

  close(): void {
    if (this.db.isOpen) this.db.close()
  }
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
      speaker TEXT
    );
    CREATE INDEX docs_source ON docs(source);
    CREATE INDEX docs_speaker ON docs(speaker) WHERE speaker IS NOT NULL;
    CREATE VIRTUAL TABLE fts USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3');
  `)
  db.run("INSERT INTO info(key, value) VALUES ('format', ?)", [INDEX_FORMAT])
}

/** The index file and the journal SQLite may have left beside it. */
export function removeIndex(path: string): void {
  for (const file of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true })
}
