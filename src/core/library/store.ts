// The library on disk: a folder holding library.json (through lowdb) and the verbatim article texts.
// All changes go through update(), which serializes writes and swaps the in-memory data only after the
// new file is durably on disk, so a failed write leaves both the file and the app as they were.
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { LibraryData, type Article } from '../../shared/model'
import type { TextStatus } from '../../shared/ipc/contract'
import { atomicWriteFile, removeStaleTemps } from './atomic-file'
import { DurableJsonFile } from './json-file-adapter'
import { LibraryError } from './errors'
import { sha256Hex } from './hash'
import { LIBRARY_FILE, TEXTS_FOLDER } from './layout'
import { migrate } from './migrations'
import { readCodebook, seedFromArchive } from './seed'

export interface OpenOptions {
  /** The bundled archive a new library is seeded from. */
  archiveDir: string
  /** Current time as an ISO string; passed in so tests control it. */
  now?: () => string
}

export interface StoredText {
  text: string | null
  status: TextStatus
}

export class LibraryStore {
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    readonly dir: string,
    private readonly db: Low<LibraryData>,
    private readonly adapter: DurableJsonFile<LibraryData>,
    readonly now: () => string
  ) {}

  static async open(dir: string, options: OpenOptions): Promise<LibraryStore> {
    const now = options.now ?? (() => new Date().toISOString())
    await mkdir(dir, { recursive: true })
    const file = join(dir, LIBRARY_FILE)
    await removeStaleTemps(file)
    const adapter = new DurableJsonFile<LibraryData>(file)
    const raw: unknown = await new DurableJsonFile<unknown>(file).read()
    let data: LibraryData
    if (raw === null) {
      data = await seedFromArchive(options.archiveDir, dir, now())
      await adapter.write(data)
    } else {
      const migrated = migrate(raw)
      data = migrated.data
      if (migrated.from !== null && migrated.from < 3) data.themes = await readCodebook(options.archiveDir, now())
      if (migrated.from !== null) {
        // Keep the file as the older version wrote it, then write the migrated one.
        await atomicWriteFile(join(dir, `library.v${migrated.from}.backup.json`), JSON.stringify(raw, null, 2) + '\n')
        await adapter.write(data)
      }
    }
    return new LibraryStore(dir, new Low(adapter, data), adapter, now)
  }

  /** The current data. Treat as read-only: change it through update(). */
  get data(): Readonly<LibraryData> {
    return this.db.data
  }

  /**
   * Applies `change` to a copy of the data, checks the result against the schema, writes it durably,
   * then makes it current. Calls run one after another in the order they were made.
   */
  update<T>(change: (draft: LibraryData) => T): Promise<T> {
    const run = async (): Promise<T> => {
      const draft = structuredClone(this.db.data)
      const result = change(draft)
      const checked = LibraryData.parse(draft)
      // Written before it becomes current, so no read ever sees data that a failed write rolls back.
      await this.adapter.write(checked)
      this.db.data = checked
      return result
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Resolves once every write asked for so far is on disk. */
  async flush(): Promise<void> {
    await this.queue
  }

  article(id: string): Article | null {
    return this.db.data.articles.find((a) => a.id === id) ?? null
  }

  /** The original's bytes exactly as stored, or null when the file is missing (for backups). */
  async readOriginalBytes(article: Article): Promise<Uint8Array | null> {
    try {
      return await readFile(join(this.dir, TEXTS_FOLDER, article.file))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  /** The verbatim original as stored, with whether it still matches the hash taken when it was added. */
  async readOriginal(article: Article): Promise<StoredText> {
    let bytes: Buffer
    try {
      bytes = await readFile(join(this.dir, TEXTS_FOLDER, article.file))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: null, status: 'missing' }
      throw error
    }
    return { text: bytes.toString('utf8'), status: sha256Hex(bytes) === article.sha256 ? 'ok' : 'altered' }
  }
}

export { LibraryError }
