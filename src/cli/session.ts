// One command's use of a library: opened the way the app opens it, every request checked by the same
// dispatch() the app's IPC uses, a refusal turned into the sentence the command prints, and every write
// flushed before the process ends.
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { dispatch } from '../core/ipc/dispatch'
import { LIBRARY_FILE } from '../core/library/layout'
import { sourceWorkerEntry } from '../core/import/isolated-extract'
import { openLibraryServices, type LibraryServices, type SideEffects } from '../core/services'
import type { Channel } from '../shared/ipc/channels'
import type { RequestOf, ResponseOf } from '../shared/ipc/contract'

/** The bundled archive a new library is seeded from, found from this file, not from the working folder. */
export const ARCHIVE_DIR = join(import.meta.dirname, '..', '..', 'archive')

/** A request the library refused, or anything else that stops a command after it was typed correctly (exit 1). */
export class Refusal extends Error {
  override name = 'Refusal'
}

export interface Session {
  request<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>
  /**
   * From now on the library's clock reads `time`: what an export stamps on its files ("exported"), so
   * exporting an unchanged library gives the same files.
   */
  pinTime(time: string): void
  /** Waits for every write asked for so far, then lets go of the library; a no-op when it never opened. */
  close(): Promise<void>
}

/** What holds the folder's lock while the command line seeds a new library, as the app's refusal names it. */
const LOCK_HOLDER = 'liner-notes'

/**
 * A session that reads a consistent snapshot of the library without taking the folder's lock, so it runs
 * while the app has the library open. A folder with no library yet is the exception: it is created and
 * seeded from the bundled archive, which is a write, so that one opening takes the lock.
 */
export function openReadingSession(libraryDir: string, effects: SideEffects): Session {
  let opening: Promise<LibraryServices> | null = null
  let pinned: string | null = null
  const now = (): string => pinned ?? new Date().toISOString()
  // Opened on the first request, through dispatch, so a library that cannot be opened answers with the
  // same Result (and sentence) as any refused request.
  const services = (): Promise<LibraryServices> =>
    (opening ??= hasLibrary(libraryDir).then((exists) =>
      openLibraryServices(libraryDir, { archiveDir: ARCHIVE_DIR, readOnly: exists, holder: LOCK_HOLDER, now }, effects)
    ))
  return {
    async request(channel, payload) {
      const result = await dispatch(async () => (await services()).handlers, channel, payload)
      if (!result.ok) throw new Refusal(result.error.message)
      return result.value as ResponseOf<typeof channel>
    },
    pinTime(time) {
      pinned = time
    },
    async close() {
      if (opening === null) return
      const opened = await opening.catch(() => null)
      await opened?.store.flush()
      await opened?.close()
    }
  }
}

/**
 * A session that writes: it takes the folder's lock for as long as the command runs, so it is refused
 * with the app's sentence ("This library is open in Liner Notes (process …). Close it first.") while the
 * app has the library open, and writes nothing then.
 */
export function openWritingSession(libraryDir: string, effects: SideEffects): Session {
  let opening: Promise<LibraryServices> | null = null
  const services = (): Promise<LibraryServices> => (opening ??= openLibraryServices(libraryDir, { archiveDir: ARCHIVE_DIR, holder: LOCK_HOLDER, extractWorker: sourceWorkerEntry() }, effects))
  return {
    async request(channel, payload) {
      const result = await dispatch(async () => (await services()).handlers, channel, payload)
      if (!result.ok) throw new Refusal(result.error.message)
      return result.value as ResponseOf<typeof channel>
    },
    pinTime() {},
    async close() {
      if (opening === null) return
      const opened = await opening.catch(() => null)
      await opened?.close()
    }
  }
}

async function hasLibrary(dir: string): Promise<boolean> {
  return access(join(dir, LIBRARY_FILE)).then(
    () => true,
    () => false
  )
}
