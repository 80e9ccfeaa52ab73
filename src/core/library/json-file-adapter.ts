// A lowdb adapter that reads JSON and writes it through atomicWriteFile. lowdb's own TextFile renames a
// temp file but never fsyncs, which can lose the last edit (or the whole file) on a power cut.
import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { atomicWriteFile } from './atomic-file'
import { LibraryError } from './errors'

/** T is what the caller will check the parsed file against; read() itself checks only that it is JSON. */
export class DurableJsonFile<T> implements Adapter<T> {
  /** `pretty`: indented, for the files a person may open (the manifest); record files are compact. */
  constructor(
    private readonly path: string,
    private readonly options: { pretty?: boolean } = {}
  ) {}

  /** The parsed file, or null when there is none yet. A file that is not JSON is refused, never replaced. */
  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    try {
      return JSON.parse(text) as T
    } catch (error) {
      throw new LibraryError(
        'library-unreadable',
        `The library file ${this.path} is not valid JSON (${(error as Error).message}). It was left as it is.`
      )
    }
  }

  async write(data: T): Promise<void> {
    await atomicWriteFile(this.path, this.options.pretty ? JSON.stringify(data, null, 2) + '\n' : JSON.stringify(data))
  }
}
