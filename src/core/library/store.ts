// The library on disk: records kept in many small JSON files (see layout.ts), each read and written through
// lowdb over a durable adapter, and held in memory with the indexes the app reads through (highlights by
// article and by theme, note facts). A change is a transaction: a function that reads and puts records;
// only the records it changed are checked against their schema, only their files are written (through
// the journal when there are several), and only then does the change become visible, as a change set
// that indexes, caches and the page subscribe to. Changes run one after another in the order made.
//
// Opening is in two steps, so the list can be shown at once: the manifest, codebook and article files are
// read before open() returns; highlights and notes load in the background (`whenLoaded`), and every
// request that needs them waits for that.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readdir, readFile, realpath, rename, rm } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import {
  Article,
  DEFAULT_PREFERENCES,
  Highlight,
  Note,
  PLAIN_FILE_NAME,
  Preferences,
  Theme,
  type LibraryData
} from '../../shared/model'
import { countWords, openingWords } from '../../shared/text'
import { noteText } from '../../shared/note-doc'
import type { TextStatus as CheckedStatus } from '../../shared/ipc/contract'

/** What is known of an original: checked against its hash ('ok', 'altered', 'missing'), or not yet. */
export type TextStatus = CheckedStatus | 'unchecked'
import { atomicWriteFile, syncFolder } from './atomic-file'
import { DurableJsonFile } from './json-file-adapter'
import { describeFsError, LibraryError, notFound } from './errors'
import { sha256Hex } from './hash'
import { commitFiles, pendingWrites, recoverJournal, removeStaleTempsIn, type FileWrite } from './journal'
import {
  ARTICLES_FOLDER,
  articleFile,
  CODEBOOK_FILE,
  HIGHLIGHTS_FOLDER,
  highlightsFile,
  JOURNAL_FOLDER,
  LIBRARY_FILE,
  noteFile,
  NOTES_FOLDER,
  SAFE_ID,
  ORIGINALS_FOLDER,
  QUARANTINE_FOLDER,
  TEXTS_FOLDER
} from './layout'
import { acquireLock, type FolderLock } from './lock'
import { articleProblem, highlightsFileProblem, noteFileProblem } from './record-shapes'
import { migrate } from './migrations'
import { readCodebook, seedFromArchive } from './seed'

export const SCHEMA_VERSION = 5
export const LIBRARY_FORMAT = 'liner-notes-library'

export interface OpenOptions {
  /** The bundled archive a new library is seeded from. */
  archiveDir: string
  /** Current time as an ISO string; passed in so tests control it. */
  now?: () => string
  /** Read a consistent snapshot without taking the folder lock; every change is refused. */
  readOnly?: boolean
  /** Who holds the lock, for the sentence a second writer reads ("Liner Notes", "liner-notes"). */
  holder?: string
}

export interface StoredText {
  text: string | null
  status: TextStatus
  /** Why the text could not be read, when its status is 'unreadable'. */
  reason?: string
}

export type RecordKind = 'article' | 'highlight' | 'theme' | 'note' | 'preferences'
export interface Change {
  kind: RecordKind
  id: string
  op: 'added' | 'changed' | 'removed'
}
/** What one transaction did, in the order it did it; `seq` counts transactions since open. */
export interface ChangeSet {
  seq: number
  changes: readonly Change[]
}

/** A deleted record, kept until compaction so a later sync can tell "deleted" from "never had it". */
export const Tombstone = z.object({ id: z.string().min(1), deletedAt: z.string(), rev: z.number().int().min(0) })
export type Tombstone = z.infer<typeof Tombstone>

const ManifestFile = z.object({
  format: z.literal(LIBRARY_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  preferences: Preferences
})
type ManifestFile = z.infer<typeof ManifestFile>
const CodebookFile = z.object({ themes: z.array(Theme), tombstones: z.array(Tombstone) })
const ArticleFile = z.object({ article: Article })
const HighlightsFile = z.object({ articleId: z.string().min(1), highlights: z.array(Highlight), tombstones: z.array(Tombstone) })
const NoteFile = z.union([z.object({ note: Note }), z.object({ tombstone: Tombstone })])

/**
 * A record file the store could not load: its records stay out of memory, and the file is moved, byte for
 * byte, into quarantine/ (or, where the library cannot be changed, left where it is and never written over).
 */
export interface Quarantined {
  path: string
  problem: string
  /** Where the file is now, inside the library folder; null when it was left in place. */
  movedTo: string | null
}

/** The records one transaction reads and changes. Reads see the transaction's own puts. */
export interface Transaction {
  readonly now: string
  article(id: string): Article | null
  requireArticle(id: string): Article
  highlight(id: string): Highlight | null
  requireHighlight(id: string): Highlight
  theme(id: string): Theme | null
  requireTheme(id: string): Theme
  note(id: string): Note | null
  requireNote(id: string): Note
  /** In codebook order, as changed so far. */
  themes(): Theme[]
  highlightsOf(articleId: string): Highlight[]
  highlightsWithTheme(themeId: string): Highlight[]
  preferences(): Preferences
  putArticle(article: Article): void
  putHighlight(highlight: Highlight): void
  removeHighlight(id: string): void
  putTheme(theme: Theme): void
  /**
   * Removes a theme from the codebook. Highlights waiting in the Trash with their article are recoded in the
   * same change: the theme becomes `mergedInto` in them, or is dropped when there is none (a delete).
   */
  removeTheme(id: string, mergedInto?: string): void
  putNote(note: Note): void
  removeNote(id: string): void
  setPreferences(preferences: Preferences): void
}

const LOAD_BATCH = 256

export class LibraryStore {
  private queue: Promise<unknown> = Promise.resolve()
  private readonly listeners = new Set<(changes: ChangeSet) => void>()
  private seq = 0
  private manifest: ManifestFile = { format: LIBRARY_FORMAT, schemaVersion: SCHEMA_VERSION, preferences: DEFAULT_PREFERENCES }
  private readonly articleMap = new Map<string, Article>()
  private articleList: Article[] | null = null
  private themeList: Theme[] = []
  private readonly themeMap = new Map<string, Theme>()
  private themeTombstones: Tombstone[] = []
  private readonly highlightMap = new Map<string, Highlight>()
  private readonly byArticle = new Map<string, Set<string>>()
  private readonly byTheme = new Map<string, Set<string>>()
  private readonly highlightTombstones = new Map<string, Tombstone[]>()
  private readonly noteMap = new Map<string, Note>()
  private readonly noteTombstones = new Map<string, Tombstone>()
  /** Articles in the Trash, with their highlights: out of every read and index until restored or emptied. */
  private readonly trash = new Map<string, { article: Article; highlights: Highlight[] }>()
  private readonly articleTombstones: Tombstone[] = []
  /** Files that could not be read: never written over, so nothing in them is lost. */
  readonly quarantined: Quarantined[] = []
  private readonly textStatus = new Map<string, TextStatus>()
  /** Each record file read at open, with what it holds ("article:<id>", "highlights:<id>", "note:<id>"). */
  private readonly files = new Map<string, string>()
  private loading: Promise<void> = Promise.resolve()
  private closed = false

  private constructor(
    readonly dir: string,
    readonly now: () => string,
    readonly readOnly: boolean,
    private readonly lock: FolderLock | null
  ) {}

  static async open(dir: string, options: OpenOptions): Promise<LibraryStore> {
    const now = options.now ?? (() => new Date().toISOString())
    const readOnly = options.readOnly ?? false
    if (!readOnly) await mkdir(dir, { recursive: true })
    const lock = readOnly ? null : await acquireLock(dir, options.holder ?? 'Liner Notes')
    const store = new LibraryStore(dir, now, readOnly, lock)
    try {
      await store.load(options.archiveDir)
    } catch (error) {
      await lock?.release()
      throw error
    }
    return store
  }

  // ——— Opening ———

  private async load(archiveDir: string): Promise<void> {
    const overlay = new Map<string, string | null>()
    if (this.readOnly) for (const write of await pendingWrites(this.dir)) overlay.set(write.path, write.content)
    else {
      await removeStaleTempsIn([this.dir, ...[ARTICLES_FOLDER, HIGHLIGHTS_FOLDER, NOTES_FOLDER, JOURNAL_FOLDER, TEXTS_FOLDER, ORIGINALS_FOLDER].map((f) => join(this.dir, f))])
      await recoverJournal(this.dir)
    }
    const raw = await this.readJson(LIBRARY_FILE, overlay)
    if (raw === null && this.readOnly && !(await exists(this.dir))) {
      throw new LibraryError('not-found', `There is no library at ${this.dir}.`)
    }
    const version = raw === null ? null : schemaVersionOf(raw)
    if (raw === null || (version !== null && version < SCHEMA_VERSION)) {
      // A new folder is seeded from the bundled archive; an older library is split into record files.
      await this.adopt(raw, archiveDir)
      return
    }
    if (version !== SCHEMA_VERSION) {
      throw new LibraryError(
        'library-unreadable',
        `The library was written by a newer version of Liner Notes (schema ${String(version)}); this version reads up to ${SCHEMA_VERSION}.`
      )
    }
    const manifest = ManifestFile.safeParse(raw)
    if (!manifest.success) throw unreadableFile(LIBRARY_FILE, manifest.error)
    this.manifest = manifest.data
    const codebook = await this.readJson(CODEBOOK_FILE, overlay)
    const themes = codebook === null ? { themes: [], tombstones: [] } : CodebookFile.safeParse(codebook)
    if ('success' in themes && !themes.success) throw unreadableFile(CODEBOOK_FILE, themes.error)
    const book = 'success' in themes ? themes.data! : themes
    this.setThemes(book.themes)
    this.themeTombstones = book.tombstones
    await inBatches(await this.listFolder(ARTICLES_FOLDER, overlay), async (name) => {
      const file = `${ARTICLES_FOLDER}/${name}`
      const record = await this.readJsonSafe(file, overlay)
      const problem = articleProblem(record)
      if (problem !== null) return this.quarantineFile(file, problem)
      if ('tombstone' in (record as object)) return void this.articleTombstones.push((record as { tombstone: Tombstone }).tombstone)
      const { article } = record as { article: Article }
      if (article.trashedAt) this.trash.set(article.id, { article, highlights: [] })
      else this.articleMap.set(article.id, article)
      this.files.set(file, `article:${article.id}`)
    })
    // The rest loads while the list is already on screen.
    this.loading = this.loadRest(overlay)
    this.loading.catch(() => undefined)
  }

  private async loadRest(overlay: Map<string, string | null>): Promise<void> {
    const highlightFiles = await this.listFolder(HIGHLIGHTS_FOLDER, overlay)
    await inBatches(highlightFiles, async (name) => {
      const file = `${HIGHLIGHTS_FOLDER}/${name}`
      const record = await this.readJsonSafe(file, overlay)
      const problem = highlightsFileProblem(record)
      if (problem !== null) return this.quarantineFile(file, problem)
      const { articleId, highlights, tombstones } = record as z.infer<typeof HighlightsFile>
      // A trashed article's highlights wait with it, out of every index, until it is restored.
      const trashed = this.trash.get(articleId)
      if (trashed) trashed.highlights.push(...highlights)
      else for (const highlight of highlights) this.indexHighlight(highlight)
      if (tombstones.length > 0) this.highlightTombstones.set(articleId, tombstones)
      this.files.set(file, `highlights:${articleId}`)
    })
    const noteFiles = await this.listFolder(NOTES_FOLDER, overlay)
    await inBatches(noteFiles, async (name) => {
      const file = `${NOTES_FOLDER}/${name}`
      const record = await this.readJsonSafe(file, overlay)
      const problem = noteFileProblem(record)
      if (problem !== null) return this.quarantineFile(file, problem)
      const parsed = record as z.infer<typeof NoteFile>
      if ('note' in parsed) {
        this.noteMap.set(parsed.note.id, parsed.note)
        this.files.set(file, `note:${parsed.note.id}`)
      } else this.noteTombstones.set(parsed.tombstone.id, parsed.tombstone)
    })
  }

  /** Seeds a new folder, or splits a one-file library (schema 1–4) into record files, keeping the old file. */
  private async adopt(raw: unknown, archiveDir: string): Promise<void> {
    const now = this.now()
    let data: LibraryData
    let from: number | null = null
    if (raw === null) {
      if (this.readOnly) throw new LibraryError('not-found', `There is no library at ${this.dir} yet.`)
      data = await seedFromArchive(archiveDir, this.dir, now)
    } else {
      const migrated = migrate(raw)
      data = migrated.data
      if (migrated.from !== null && migrated.from < 3) data.themes = await readCodebook(archiveDir, now)
      from = schemaVersionOf(raw)
    }
    // Everything is checked before anything is written, so a library that cannot be upgraded is left as it was.
    for (const { id } of [...data.articles, ...data.notes]) {
      if (!SAFE_ID.test(id)) throw new LibraryError('library-unreadable', `The library cannot be upgraded: the id “${id}” cannot name a file. It was left as it is.`)
    }
    const articleIds = new Set(data.articles.map((a) => a.id))
    const orphan = data.highlights.find((h) => !articleIds.has(h.articleId))
    if (orphan) {
      throw new LibraryError('library-unreadable', `The library cannot be upgraded: highlight “${orphan.id}” belongs to an article (“${orphan.articleId}”) that is not in it. It was left as it is.`)
    }
    // The store's first write of each record: revision 1.
    const first = <T extends { rev?: number }>(record: T): T => ({ ...record, rev: record.rev ?? 1 })
    this.manifest = { format: LIBRARY_FORMAT, schemaVersion: SCHEMA_VERSION, preferences: data.preferences }
    this.setThemes(data.themes.map(first))
    for (const article of data.articles) {
      const facts = article.facts ?? (await this.factsFromText(article))
      this.articleMap.set(article.id, first({ ...article, facts }))
    }
    for (const highlight of data.highlights) this.indexHighlight(first(highlight))
    for (const note of data.notes) this.noteMap.set(note.id, first(note.facts ? note : { ...note, facts: factsOf(noteText(note.doc)) }))
    if (this.readOnly) return
    const backup = from === null ? null : join(this.dir, `library.v${from}.backup.json`)
    const created = [ARTICLES_FOLDER, HIGHLIGHTS_FOLDER, NOTES_FOLDER, CODEBOOK_FILE].filter((name) => !existsSync(join(this.dir, name)))
    try {
      // Kept as the older version wrote it, so the upgrade can always be undone by hand.
      if (backup !== null) await atomicWriteFile(backup, JSON.stringify(raw, null, 2) + '\n')
      // Every record file first, the manifest last: until it says schema 5, the folder is still the old library.
      const files: { path: string; data: unknown }[] = [
        ...[...this.articleMap.values()].map((article) => ({ path: articleFile(article.id), data: { article } })),
        ...[...this.articleMap.keys()].map((articleId) => ({ path: highlightsFile(articleId), data: highlightsRecord(articleId, this.highlightsOfArticle(articleId), []) })),
        ...[...this.noteMap.values()].map((note) => ({ path: noteFile(note.id), data: { note } })),
        { path: CODEBOOK_FILE, data: { themes: this.themeList, tombstones: [] } }
      ]
      for (const folder of [ARTICLES_FOLDER, HIGHLIGHTS_FOLDER, NOTES_FOLDER]) await mkdir(join(this.dir, folder), { recursive: true })
      await inBatches(files, ({ path, data }) => new Low<unknown>(new DurableJsonFile<unknown>(join(this.dir, path)), data).write(), 32)
      await new Low(new DurableJsonFile<ManifestFile>(join(this.dir, LIBRARY_FILE), { pretty: true }), this.manifest).write()
    } catch (error) {
      // The old library.json was not touched; take back what this attempt added beside it.
      if (raw !== null) {
        for (const name of created) await rm(join(this.dir, name), { recursive: true, force: true })
        if (backup !== null) await rm(backup, { force: true })
      }
      throw error
    }
  }

  private async factsFromText(article: Article): Promise<{ wordCount: number; opening: string }> {
    const text = article.correctedText ?? (await this.readOriginal(article)).text
    return factsOf(text)
  }

  private async listFolder(folder: string, overlay: Map<string, string | null>): Promise<string[]> {
    let names: string[] = []
    try {
      names = (await readdir(join(this.dir, folder))).filter((n) => n.endsWith('.json'))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    const all = new Set(names)
    for (const [path, content] of overlay) {
      if (!path.startsWith(`${folder}/`)) continue
      const name = path.slice(folder.length + 1)
      if (content === null) all.delete(name)
      else all.add(name)
    }
    return [...all].sort()
  }

  private async readJson(path: string, overlay: Map<string, string | null>): Promise<unknown> {
    const text = overlay.has(path) ? overlay.get(path)! : readTextSync(join(this.dir, path))
    if (text === null) return null
    try {
      return JSON.parse(text) as unknown
    } catch (error) {
      throw new LibraryError('library-unreadable', `The library file ${join(this.dir, path)} is not valid JSON (${(error as Error).message}). It was left as it is.`)
    }
  }

  /** A record file's JSON, or undefined (which its schema then refuses) when it cannot be parsed. */
  private async readJsonSafe(path: string, overlay: Map<string, string | null>): Promise<unknown> {
    try {
      return await this.readJson(path, overlay)
    } catch {
      return undefined
    }
  }

  /**
   * Sets a record file aside: moved into quarantine/ under a name that keeps where it was, so the rest of the
   * library opens and works and nothing in the file is lost. A read-only library leaves it in place.
   */
  private async quarantineFile(path: string, problem: string): Promise<void> {
    const entry: Quarantined = { path, problem, movedTo: null }
    this.quarantined.push(entry)
    if (this.readOnly) return
    try {
      await mkdir(join(this.dir, QUARANTINE_FOLDER), { recursive: true })
      const stamp = this.now().replace(/[^0-9]/g, '').slice(0, 14)
      const name = `${stamp}-${path.replace(/\//g, '-')}`
      let target = `${QUARANTINE_FOLDER}/${name}`
      // An earlier copy set aside under the same name is never written over.
      for (let n = 2; existsSync(join(this.dir, target)); n++) target = `${QUARANTINE_FOLDER}/${name.replace(/\.json$/, '')}-${n}.json`
      await rename(join(this.dir, path), join(this.dir, target))
      await syncFolder(join(this.dir, QUARANTINE_FOLDER))
      await syncFolder(dirname(join(this.dir, path)))
      entry.movedTo = target
    } catch {
      // Left where it is: assertWritable keeps every change from writing over it.
    }
  }

  /** Each file set aside, as a sentence the app shows once the library is open. */
  problems(): string[] {
    return this.quarantined.map(({ path, problem, movedTo }) =>
      movedTo === null
        ? `The library file ${path} could not be read (${problem}); it is left as it is, and what it holds is not shown.`
        : `The library file ${path} could not be read (${problem}), so it was moved to ${movedTo} inside the library folder; the rest of the library opened without it.`
    )
  }

  /**
   * Checks every loaded record against its full schema, a batch at a time in the background. A file
   * with a record that fails is quarantined: its records leave memory, and the file is never written over.
   */
  async validate(): Promise<void> {
    await this.whenLoaded()
    const entries = [...this.files]
    await inBatches(entries, async ([file, what]) => {
      const [kind, id] = splitOnce(what)
      try {
        if (kind === 'article') {
          const article = this.articleMap.get(id)
          if (article) ArticleFile.parse({ article })
        } else if (kind === 'highlights') {
          for (const highlight of this.highlightsOfArticle(id)) Highlight.parse(highlight)
        } else if (kind === 'note') {
          const note = this.noteMap.get(id)
          if (note) Note.parse(note)
        }
      } catch (error) {
        const problem = error instanceof z.ZodError ? describeZod(error) : error instanceof RangeError ? 'it is nested too deeply to read' : String(error)
        // Out of memory first, so no change made while the file moves can write its records back.
        if (kind === 'article') {
          this.articleMap.delete(id)
          this.articleList = null
        } else if (kind === 'highlights') for (const h of this.highlightsOfArticle(id)) this.unindexHighlight(h.id)
        else if (kind === 'note') this.noteMap.delete(id)
        await this.quarantineFile(file, problem)
      }
    }, 64)
  }

  /** Resolves when highlights and notes are in memory; rejects if they could not be read. */
  whenLoaded(): Promise<void> {
    return this.loading
  }

  // ——— Reading ———

  /** Articles in the order they were added. */
  articles(): readonly Article[] {
    this.articleList ??= [...this.articleMap.values()].sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id))
    return this.articleList
  }
  article(id: string): Article | null {
    return this.articleMap.get(id) ?? null
  }
  /** In codebook order. */
  themes(): readonly Theme[] {
    return this.themeList
  }
  theme(id: string): Theme | null {
    return this.themeMap.get(id) ?? null
  }
  highlight(id: string): Highlight | null {
    return this.highlightMap.get(id) ?? null
  }
  highlightCount(): number {
    return this.highlightMap.size
  }
  allHighlights(): IterableIterator<Highlight> {
    return this.highlightMap.values()
  }
  highlightsOfArticle(articleId: string): Highlight[] {
    return [...(this.byArticle.get(articleId) ?? [])].map((id) => this.highlightMap.get(id)!)
  }
  /** Highlights carrying any of these themes directly. */
  highlightsWithThemes(themeIds: Iterable<string>): Highlight[] {
    const ids = new Set<string>()
    for (const themeId of themeIds) for (const id of this.byTheme.get(themeId) ?? []) ids.add(id)
    return [...ids].map((id) => this.highlightMap.get(id)!)
  }
  /** How many highlights carry the theme directly, and in how many articles. */
  themeCounts(themeId: string): { highlights: number; articles: number } {
    const ids = this.byTheme.get(themeId)
    if (!ids) return { highlights: 0, articles: 0 }
    const articles = new Set<string>()
    for (const id of ids) articles.add(this.highlightMap.get(id)!.articleId)
    return { highlights: ids.size, articles: articles.size }
  }
  notes(): IterableIterator<Note> {
    return this.noteMap.values()
  }
  note(id: string): Note | null {
    return this.noteMap.get(id) ?? null
  }
  get preferences(): Preferences {
    return this.manifest.preferences
  }
  tombstones(): { articles: Tombstone[]; highlights: Tombstone[]; themes: Tombstone[]; notes: Tombstone[] } {
    return {
      articles: this.articleTombstones,
      highlights: [...this.highlightTombstones.values()].flat(),
      themes: this.themeTombstones,
      notes: [...this.noteTombstones.values()]
    }
  }

  /** The whole library as one object, for exporters; built on demand (it is a copy of the index, not a clone). */
  async snapshot(): Promise<LibraryData> {
    await this.whenLoaded()
    return {
      schemaVersion: 4,
      articles: [...this.articles()],
      themes: [...this.themeList],
      highlights: [...this.highlightMap.values()],
      notes: [...this.noteMap.values()],
      preferences: this.manifest.preferences
    }
  }

  // ——— Texts ———

  /** A file of the library's own folders (texts/, originals/), or null when it is missing. */
  async readFileIn(folder: typeof TEXTS_FOLDER | typeof ORIGINALS_FOLDER, name: string): Promise<Uint8Array | null> {
    const path = await this.pathIn(folder, name)
    try {
      return await readFile(path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  /**
   * Where a file of texts/ or originals/ is: a plain name inside that folder, and no link out of the
   * library folder either. A hand-edited record that names anything else is refused, so the library never
   * reads (or, emptying the Trash, deletes) a file outside its folder.
   */
  async pathIn(folder: typeof TEXTS_FOLDER | typeof ORIGINALS_FOLDER, name: string): Promise<string> {
    const outside = (): LibraryError =>
      new LibraryError('library-unreadable', `The library names “${name}” as a file of its ${folder} folder, which leads outside the library folder ${this.dir}; it is not read.`)
    if (!PLAIN_FILE_NAME.test(name)) throw outside()
    const path = join(this.dir, folder, name)
    let real: string
    try {
      real = await realpath(path)
    } catch {
      return path
    }
    const root = await realpath(this.dir).catch(() => this.dir)
    if (relative(root, real).startsWith('..') || isAbsolute(relative(root, real))) throw outside()
    return path
  }

  /** The original's bytes exactly as stored, or null when the file is missing (for backups). */
  async readOriginalBytes(article: Article): Promise<Uint8Array | null> {
    return this.readFileIn(TEXTS_FOLDER, article.file)
  }

  /**
   * The verbatim original as stored, with whether it still matches the hash taken when it was added. A
   * file that is there but cannot be read (no permission, a folder in its place, a disk error) is
   * 'unreadable', with the reason: the article is still listed and shown with its details.
   */
  async readOriginal(article: Article): Promise<StoredText> {
    let bytes: Uint8Array | null
    try {
      bytes = await this.readOriginalBytes(article)
    } catch (error) {
      const reason = error instanceof LibraryError ? error.message : describeFsError(error, join(this.dir, TEXTS_FOLDER, article.file))
      this.textStatus.set(article.id, 'unreadable')
      return { text: null, status: 'unreadable', reason }
    }
    const status: TextStatus = bytes === null ? 'missing' : sha256Hex(bytes) === article.sha256 ? 'ok' : 'altered'
    this.textStatus.set(article.id, status)
    return { text: bytes === null ? null : Buffer.from(bytes).toString('utf8'), status }
  }

  /** The original's status as last checked, or 'unchecked' before its first read (checked in the background). */
  knownTextStatus(articleId: string): TextStatus {
    return this.textStatus.get(articleId) ?? 'unchecked'
  }

  /** Checks every original's hash, a few at a time so requests keep being answered; `progress` after each. */
  async verifyTexts(progress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<void> {
    const articles = [...this.articles()]
    let done = 0
    await inBatches(articles, async (article) => {
      if (signal?.aborted || this.closed) return
      await this.readOriginal(article)
      progress?.(++done, articles.length)
    }, 16)
  }

  // ——— Changing ———

  /** Calls `listener` after every committed change, with what changed. Returns the unsubscribe. */
  subscribe(listener: (changes: ChangeSet) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Runs `change` on the current records, then checks and writes what it put, and only then makes it
   * current. A change that throws, or whose records fail their schema, or whose write fails, leaves the
   * files and the memory as they were.
   */
  transact<T>(change: (tx: Transaction) => T): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.readOnly) throw new LibraryError('conflict', 'This library was opened read-only, so nothing can be changed.')
      if (this.closed) throw new LibraryError('conflict', 'The library has been closed.')
      await this.whenLoaded()
      const tx = new Draft(this, this.now())
      const result = change(tx)
      const changes = await this.commit(tx)
      if (changes.length > 0) {
        const set: ChangeSet = { seq: ++this.seq, changes }
        for (const listener of this.listeners) listener(set)
      }
      return result
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  // ——— The Trash ———

  /** Which of these highlight ids belong to an article in the Trash. */
  highlightsInTrash(ids: readonly string[]): string[] {
    const wanted = new Set(ids)
    const found: string[] = []
    for (const { highlights } of this.trash.values()) for (const h of highlights) if (wanted.has(h.id)) found.push(h.id)
    return ids.filter((id, i) => found.includes(id) && ids.indexOf(id) === i)
  }

  /** Trashed articles, most recently trashed first, with how many highlights went with each. */
  trashed(): { article: Article; highlights: number }[] {
    return [...this.trash.values()]
      .map(({ article, highlights }) => ({ article, highlights: highlights.length }))
      .sort((a, b) => (b.article.trashedAt ?? '').localeCompare(a.article.trashedAt ?? ''))
  }

  /** Moves articles (with their highlights and memos) to the Trash: one write, all or none. */
  moveToTrash(ids: readonly string[]): Promise<{ articles: number; highlights: number }> {
    return this.exclusiveChange(async () => {
      const now = this.now()
      const moving = [...new Set(ids)].map((id) => this.articleMap.get(id) ?? fail(`Article “${id}”`))
      const stamped = moving.map((article) => ({ ...article, trashedAt: now, updatedAt: now, rev: (article.rev ?? 0) + 1 }))
      await commitFiles(
        this.dir,
        stamped.map((article) => this.articleWrite(article)),
        () => moving.map((article) => this.articleWrite(article))
      )
      const changes: Change[] = []
      let highlights = 0
      for (const article of stamped) {
        const own = this.highlightsOfArticle(article.id)
        for (const highlight of own) {
          this.unindexHighlight(highlight.id)
          changes.push({ kind: 'highlight', id: highlight.id, op: 'removed' })
        }
        this.byArticle.delete(article.id)
        this.articleMap.delete(article.id)
        this.trash.set(article.id, { article, highlights: own })
        highlights += own.length
        changes.push({ kind: 'article', id: article.id, op: 'removed' })
      }
      this.articleList = null
      this.emit(changes)
      return { articles: stamped.length, highlights }
    })
  }

  /** Brings trashed articles back, with everything that went with them. */
  restoreFromTrash(ids: readonly string[]): Promise<{ articles: number; highlights: number }> {
    return this.exclusiveChange(async () => {
      const now = this.now()
      const entries = [...new Set(ids)].map((id) => this.trash.get(id) ?? fail(`Article “${id}” in the Trash`))
      const restored = entries.map(({ article }) => ({ ...article, trashedAt: null, updatedAt: now, rev: (article.rev ?? 0) + 1 }))
      await commitFiles(
        this.dir,
        restored.map((article) => this.articleWrite(article)),
        () => entries.map(({ article }) => this.articleWrite(article))
      )
      const changes: Change[] = []
      let highlights = 0
      for (const [i, article] of restored.entries()) {
        this.trash.delete(article.id)
        this.articleMap.set(article.id, article)
        changes.push({ kind: 'article', id: article.id, op: 'added' })
        for (const highlight of entries[i]!.highlights) {
          this.indexHighlight(highlight)
          changes.push({ kind: 'highlight', id: highlight.id, op: 'added' })
          highlights++
        }
      }
      this.articleList = null
      this.emit(changes)
      return { articles: restored.length, highlights }
    })
  }

  /**
   * Removes everything in the Trash for good: each article leaves a tombstone, its highlights file goes,
   * then its text and original files are deleted.
   */
  emptyTrash(): Promise<{ articles: number; highlights: number }> {
    return this.exclusiveChange(async () => {
      const now = this.now()
      const entries = [...this.trash.values()]
      if (entries.length === 0) return { articles: 0, highlights: 0 }
      const writes: FileWrite[] = []
      const before: (() => FileWrite)[] = []
      for (const { article, highlights } of entries) {
        const tombstone: Tombstone = { id: article.id, deletedAt: now, rev: (article.rev ?? 0) + 1 }
        writes.push({ path: articleFile(article.id), content: JSON.stringify({ tombstone }) })
        before.push(() => this.articleWrite(article))
        writes.push({ path: highlightsFile(article.id), content: null })
        before.push(() => this.highlightsWrite(article.id, highlights, this.highlightTombstones.get(article.id) ?? []))
      }
      await commitFiles(this.dir, writes, () => before.map((file) => file()))
      let highlights = 0
      for (const { article, highlights: own } of entries) {
        this.trash.delete(article.id)
        this.highlightTombstones.delete(article.id)
        this.articleTombstones.push({ id: article.id, deletedAt: now, rev: (article.rev ?? 0) + 1 })
        highlights += own.length
        // The record is gone for good; its files follow (a leftover file would only be an orphan, never read).
        const files = [this.pathIn(TEXTS_FOLDER, article.file), ...(article.original ? [this.pathIn(ORIGINALS_FOLDER, article.original.file)] : [])]
        for (const file of await Promise.allSettled(files)) if (file.status === 'fulfilled') await rm(file.value, { force: true })
      }
      return { articles: entries.length, highlights }
    })
  }

  private exclusiveChange<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      if (this.readOnly) throw new LibraryError('conflict', 'This library was opened read-only, so nothing can be changed.')
      await this.whenLoaded()
      return work()
    })
  }

  private emit(changes: Change[]): void {
    if (changes.length === 0) return
    const set: ChangeSet = { seq: ++this.seq, changes }
    for (const listener of this.listeners) listener(set)
  }

  /** Runs `work` with no change in progress and none starting until it ends (a backup reads a still folder). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Resolves once every change asked for so far is on disk. */
  async flush(): Promise<void> {
    await this.queue
  }

  /** Waits for pending writes, then lets go of the folder lock. */
  async close(): Promise<void> {
    await this.flush()
    this.closed = true
    await this.lock?.release()
  }

  private async commit(tx: Draft): Promise<Change[]> {
    const changes: Change[] = []
    const writes: FileWrite[] = []
    /** What each written file held before, to put back if a change to several files fails part-way; worked out only then. */
    const before: (() => FileWrite)[] = []
    const now = tx.now
    const touchedArticles = new Set<string>()
    const newTombstones = new Map<string, Tombstone[]>()
    // Articles: each its own file.
    for (const [id, article] of tx.articles) {
      assertSafeId(id)
      const old = this.articleMap.get(id)
      const checked = stamp(Article, article, old, undefined, 'article')
      tx.articles.set(id, checked)
      writes.push(this.articleWrite(checked))
      before.push(() => (old ? this.articleWrite(old) : { path: articleFile(id), content: null }))
      changes.push({ kind: 'article', id, op: old ? 'changed' : 'added' })
    }
    // Highlights: the file of every article that gains, loses or changes one.
    for (const [id, highlight] of tx.highlights) {
      const old = this.highlightMap.get(id)
      if (highlight === null) {
        if (!old) continue
        touchedArticles.add(old.articleId)
        const tombstones = newTombstones.get(old.articleId) ?? []
        tombstones.push({ id, deletedAt: now, rev: (old.rev ?? 0) + 1 })
        newTombstones.set(old.articleId, tombstones)
        changes.push({ kind: 'highlight', id, op: 'removed' })
        continue
      }
      if (!tx.article(highlight.articleId)) throw notFound(`Article “${highlight.articleId}”`)
      const buried = old ? undefined : this.highlightTombstones.get(highlight.articleId)?.find((t) => t.id === id)
      const checked = stamp(Highlight, highlight, old, buried, 'highlight')
      tx.highlights.set(id, checked)
      touchedArticles.add(checked.articleId)
      if (old) touchedArticles.add(old.articleId)
      changes.push({ kind: 'highlight', id, op: old ? 'changed' : 'added' })
    }
    for (const articleId of touchedArticles) {
      assertSafeId(articleId)
      this.assertWritable(highlightsFile(articleId))
      const kept = this.highlightTombstones.get(articleId) ?? []
      // A highlight put back (undo of a delete) is no longer deleted: its tombstone goes.
      const tombstones = [...kept, ...(newTombstones.get(articleId) ?? [])].filter((t) => !tx.highlights.get(t.id))
      newTombstones.set(articleId, tombstones)
      writes.push(this.highlightsWrite(articleId, tx.highlightsOf(articleId), tombstones))
      before.push(() => (this.byArticle.has(articleId) || kept.length > 0 ? this.highlightsWrite(articleId, this.highlightsOfArticle(articleId), kept) : { path: highlightsFile(articleId), content: null }))
    }
    // Themes: the one codebook file.
    let themeTombstones = this.themeTombstones
    let recodedInTrash = new Map<string, Highlight[]>()
    if (tx.themeOrder !== null) {
      const themes = tx.themes().map((theme) => {
        if (!tx.themesPut.has(theme.id)) return theme
        const old = this.themeMap.get(theme.id)
        changes.push({ kind: 'theme', id: theme.id, op: old ? 'changed' : 'added' })
        const buried = old ? undefined : this.themeTombstones.find((t) => t.id === theme.id)
        return stamp(Theme, theme, old, buried, 'theme')
      })
      const removed = this.themeList.filter((t) => !themes.some((kept) => kept.id === t.id))
      for (const theme of removed) changes.push({ kind: 'theme', id: theme.id, op: 'removed' })
      recodedInTrash = this.recodeTrash(tx, new Set(removed.map((t) => t.id)), writes, before)
      const present = new Set(themes.map((t) => t.id))
      themeTombstones = [...this.themeTombstones.filter((t) => !present.has(t.id)), ...removed.map((t) => ({ id: t.id, deletedAt: now, rev: (t.rev ?? 0) + 1 }))]
      tx.themeOrder = themes
      this.assertWritable(CODEBOOK_FILE)
      writes.push({ path: CODEBOOK_FILE, content: JSON.stringify({ themes, tombstones: themeTombstones }) })
      before.push(() => ({ path: CODEBOOK_FILE, content: JSON.stringify({ themes: this.themeList, tombstones: this.themeTombstones }) }))
    }
    // Notes: each its own file; a deleted one leaves its tombstone there.
    for (const [id, note] of tx.notes) {
      assertSafeId(id)
      const old = this.noteMap.get(id)
      this.assertWritable(noteFile(id))
      const buried = this.noteTombstones.get(id)
      before.push(() => ({ path: noteFile(id), content: old ? JSON.stringify({ note: old }) : buried ? JSON.stringify({ tombstone: buried }) : null }))
      if (note === null) {
        if (!old) continue
        const tombstone = { id, deletedAt: now, rev: (old.rev ?? 0) + 1 }
        writes.push({ path: noteFile(id), content: JSON.stringify({ tombstone }) })
        changes.push({ kind: 'note', id, op: 'removed' })
        continue
      }
      const checked = stamp(Note, note, old, old ? undefined : buried, 'note')
      tx.notes.set(id, checked)
      writes.push({ path: noteFile(id), content: JSON.stringify({ note: checked }) })
      changes.push({ kind: 'note', id, op: old ? 'changed' : 'added' })
    }
    let manifest = this.manifest
    if (tx.newPreferences !== null) {
      manifest = { ...this.manifest, preferences: parseRecord(Preferences, tx.newPreferences, 'preferences', 'preferences') }
      writes.push({ path: LIBRARY_FILE, content: JSON.stringify(manifest, null, 2) + '\n' })
      before.push(() => ({ path: LIBRARY_FILE, content: JSON.stringify(this.manifest, null, 2) + '\n' }))
      changes.push({ kind: 'preferences', id: 'preferences', op: 'changed' })
    }

    // Written before it becomes current, so no read ever sees what a failed write rolls back.
    await commitFiles(this.dir, writes, () => before.map((file) => file()))

    for (const [id, article] of tx.articles) this.articleMap.set(id, article)
    if (tx.articles.size > 0) this.articleList = null
    for (const [id, highlight] of tx.highlights) {
      this.unindexHighlight(id)
      if (highlight !== null) this.indexHighlight(highlight)
    }
    for (const [articleId, tombstones] of newTombstones) {
      if (tombstones.length > 0) this.highlightTombstones.set(articleId, tombstones)
      else this.highlightTombstones.delete(articleId)
    }
    if (tx.themeOrder !== null) {
      this.setThemes(tx.themeOrder)
      this.themeTombstones = themeTombstones
    }
    for (const [articleId, highlights] of recodedInTrash) {
      const entry = this.trash.get(articleId)
      if (entry) this.trash.set(articleId, { ...entry, highlights })
    }
    for (const [id, note] of tx.notes) {
      const old = this.noteMap.get(id)
      if (note !== null) {
        this.noteMap.set(id, note)
        this.noteTombstones.delete(id)
      } else if (old) {
        this.noteMap.delete(id)
        this.noteTombstones.set(id, { id, deletedAt: now, rev: (old.rev ?? 0) + 1 })
      }
    }
    this.manifest = manifest
    return changes
  }

  /**
   * The highlights of trashed articles that carry a theme removed by this change, recoded as the change
   * says (merged into another theme, or dropped), their files added to the change's writes. Without this a
   * restored article would bring back highlights coded with a theme the codebook no longer has.
   */
  private recodeTrash(tx: Draft, removed: ReadonlySet<string>, writes: FileWrite[], before: (() => FileWrite)[]): Map<string, Highlight[]> {
    const recoded = new Map<string, Highlight[]>()
    if (removed.size === 0) return recoded
    const replace = (themeId: string): string[] => {
      if (!removed.has(themeId)) return [themeId]
      const into = tx.themesMergedInto.get(themeId)
      return into !== undefined && !removed.has(into) ? [into] : []
    }
    for (const [articleId, { highlights }] of this.trash) {
      if (!highlights.some((h) => h.themeIds.some((t) => removed.has(t)))) continue
      assertSafeId(articleId)
      this.assertWritable(highlightsFile(articleId))
      const now = highlights.map((h) =>
        h.themeIds.some((t) => removed.has(t)) ? { ...h, themeIds: [...new Set(h.themeIds.flatMap(replace))], updatedAt: tx.now, rev: (h.rev ?? 0) + 1 } : h
      )
      const tombstones = this.highlightTombstones.get(articleId) ?? []
      writes.push(this.highlightsWrite(articleId, now, tombstones))
      before.push(() => this.highlightsWrite(articleId, highlights, tombstones))
      recoded.set(articleId, now)
    }
    return recoded
  }

  private assertWritable(path: string): void {
    const bad = this.quarantined.find((q) => q.path === path && q.movedTo === null)
    if (bad) {
      throw new LibraryError(
        'library-unreadable',
        `The library file ${path} could not be read when the library opened (${bad.problem}), so it is not written over. Repair or remove it, then reopen the library.`
      )
    }
  }

  private articleWrite(article: Article): FileWrite {
    return { path: articleFile(article.id), content: JSON.stringify({ article }) }
  }

  private highlightsWrite(articleId: string, highlights: readonly Highlight[], tombstones: readonly Tombstone[]): FileWrite {
    return { path: highlightsFile(articleId), content: JSON.stringify(highlightsRecord(articleId, highlights, tombstones)) }
  }

  private setThemes(themes: readonly Theme[]): void {
    this.themeList = [...themes]
    this.themeMap.clear()
    for (const theme of themes) this.themeMap.set(theme.id, theme)
  }

  private indexHighlight(highlight: Highlight): void {
    this.highlightMap.set(highlight.id, highlight)
    addTo(this.byArticle, highlight.articleId, highlight.id)
    for (const themeId of highlight.themeIds) addTo(this.byTheme, themeId, highlight.id)
  }

  private unindexHighlight(id: string): void {
    const old = this.highlightMap.get(id)
    if (!old) return
    this.highlightMap.delete(id)
    this.byArticle.get(old.articleId)?.delete(id)
    for (const themeId of old.themeIds) this.byTheme.get(themeId)?.delete(id)
  }

  /** Ids of highlights in `articleId` by the base state (for the transaction's overlay). */
  baseHighlightIdsOf(articleId: string): ReadonlySet<string> {
    return this.byArticle.get(articleId) ?? EMPTY
  }
  baseHighlightIdsWithTheme(themeId: string): ReadonlySet<string> {
    return this.byTheme.get(themeId) ?? EMPTY
  }
}

const EMPTY: ReadonlySet<string> = new Set()

/** An article's highlights file: its highlights in text order (so the file reads as the article does). */
function highlightsRecord(articleId: string, highlights: readonly Highlight[], tombstones: readonly Tombstone[]) {
  const ordered = [...highlights].sort((a, b) => a.position.start - b.position.start || a.id.localeCompare(b.id))
  return { articleId, highlights: ordered, tombstones }
}

/** A transaction's view: the store's records with this transaction's puts laid over them. */
class Draft implements Transaction {
  readonly articles = new Map<string, Article>()
  readonly highlights = new Map<string, Highlight | null>()
  readonly notes = new Map<string, Note | null>()
  /** The codebook as changed, or null while no theme was touched. */
  themeOrder: Theme[] | null = null
  readonly themesPut = new Set<string>()
  /** Themes removed by a merge, and the theme each went into. */
  readonly themesMergedInto = new Map<string, string>()
  newPreferences: Preferences | null = null

  constructor(
    private readonly store: LibraryStore,
    readonly now: string
  ) {}

  article(id: string): Article | null {
    return this.articles.get(id) ?? this.store.article(id)
  }
  requireArticle(id: string): Article {
    return this.article(id) ?? fail(`Article “${id}”`)
  }
  highlight(id: string): Highlight | null {
    return this.highlights.has(id) ? this.highlights.get(id)! : this.store.highlight(id)
  }
  requireHighlight(id: string): Highlight {
    return this.highlight(id) ?? fail(`Highlight “${id}”`)
  }
  themes(): Theme[] {
    return this.themeOrder ?? [...this.store.themes()]
  }
  theme(id: string): Theme | null {
    return this.themeOrder ? (this.themeOrder.find((t) => t.id === id) ?? null) : this.store.theme(id)
  }
  requireTheme(id: string): Theme {
    return this.theme(id) ?? fail(`Theme “${id}”`)
  }
  note(id: string): Note | null {
    return this.notes.has(id) ? this.notes.get(id)! : this.store.note(id)
  }
  requireNote(id: string): Note {
    return this.note(id) ?? fail(`Note “${id}”`)
  }
  preferences(): Preferences {
    return this.newPreferences ?? this.store.preferences
  }
  highlightsOf(articleId: string): Highlight[] {
    const ids = new Set(this.store.baseHighlightIdsOf(articleId))
    for (const [id, h] of this.highlights) {
      if (h !== null && h.articleId === articleId) ids.add(id)
      else ids.delete(id)
    }
    return [...ids].map((id) => this.highlight(id)!)
  }
  highlightsWithTheme(themeId: string): Highlight[] {
    const ids = new Set(this.store.baseHighlightIdsWithTheme(themeId))
    for (const [id, h] of this.highlights) {
      if (h !== null && h.themeIds.includes(themeId)) ids.add(id)
      else ids.delete(id)
    }
    return [...ids].map((id) => this.highlight(id)!)
  }
  putArticle(article: Article): void {
    this.articles.set(article.id, article)
  }
  putHighlight(highlight: Highlight): void {
    this.highlights.set(highlight.id, highlight)
  }
  removeHighlight(id: string): void {
    this.highlights.set(id, null)
  }
  putTheme(theme: Theme): void {
    const themes = this.themes()
    const at = themes.findIndex((t) => t.id === theme.id)
    if (at === -1) themes.push(theme)
    else themes[at] = theme
    this.themeOrder = themes
    this.themesPut.add(theme.id)
  }
  removeTheme(id: string, mergedInto?: string): void {
    this.themeOrder = this.themes().filter((t) => t.id !== id)
    this.themesPut.delete(id)
    if (mergedInto !== undefined) this.themesMergedInto.set(id, mergedInto)
  }
  putNote(note: Note): void {
    this.notes.set(note.id, note)
  }
  removeNote(id: string): void {
    this.notes.set(id, null)
  }
  setPreferences(preferences: Preferences): void {
    this.newPreferences = preferences
  }
}

function fail(what: string): never {
  throw notFound(what)
}

/**
 * The record put, with its next revision: one above the copy it replaces, or above the tombstone of a
 * deleted record put back (an undo), so a later sync sees it as newer than the deletion. The object put
 * is the one stored (and the one the request answers with), checked first against its schema.
 */
function stamp<T extends { id: string; rev?: number }>(schema: z.ZodType<T>, record: T, old: T | undefined, tombstone: Tombstone | undefined, kind: string): T {
  const stamped = record === old ? { ...record } : record
  stamped.rev = Math.max(old?.rev ?? 0, tombstone?.rev ?? 0) + 1
  parseRecord(schema, stamped, kind, record.id)
  return stamped
}

/** The record as its schema reads it; a record that fails is refused with what is wrong, and nothing is written. */
function parseRecord<T>(schema: z.ZodType<T>, record: unknown, kind: string, id: string): T {
  const parsed = schema.safeParse(record)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  throw new LibraryError('invalid-request', `The change was refused: the ${kind} “${id}” would not be valid (${where}${issue?.message ?? 'invalid'}).`)
}

function assertSafeId(id: string): void {
  if (!SAFE_ID.test(id)) throw new LibraryError('invalid-request', `“${id}” cannot name a record: ids are letters, digits, dots, dashes and underscores.`)
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const set = index.get(key)
  if (set) set.add(id)
  else index.set(key, new Set([id]))
}

export function factsOf(text: string | null): { wordCount: number; opening: string } {
  if (text === null) return { wordCount: 0, opening: '' }
  // Counted a paragraph at a time: Intl.Segmenter slows down sharply on very long strings.
  let wordCount = 0
  for (const paragraph of text.split(/\n+/)) wordCount += countWords(paragraph)
  return { wordCount, opening: openingWords(text) }
}

function splitOnce(text: string): [string, string] {
  const at = text.indexOf(':')
  return [text.slice(0, at), text.slice(at + 1)]
}

function describeZod(error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  return `${issue?.message ?? 'invalid'}${where}`
}

function schemaVersionOf(raw: unknown): number | null {
  const version = z.object({ schemaVersion: z.number().int() }).safeParse(raw)
  return version.success ? version.data.schemaVersion : null
}

function unreadableFile(path: string, error: z.ZodError): LibraryError {
  const issue = error.issues[0]
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  return new LibraryError('library-unreadable', `The library file ${path} cannot be read: ${issue?.message ?? 'invalid'}${where}. It was left as it is.`)
}

/**
 * Record files are read synchronously: thousands of small reads finish several times sooner than as
 * promises, and loading yields between batches (inBatches), so requests are still answered meanwhile.
 */
function readTextSync(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await readdir(path)
    return true
  } catch {
    return false
  }
}

/** Runs `work` over the items a batch at a time, yielding between batches so requests are still answered. */
async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<unknown>, size = LOAD_BATCH): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(work))
    await new Promise((resolve) => setImmediate(resolve))
  }
}

export { LibraryError }
