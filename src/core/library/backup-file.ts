// Backups as files, streamed both ways so no library is too large to back up or restore: the zip is
// written a file at a time straight to disk, and read back a chunk at a time into a staging folder, with
// every entry's size and SHA-256 checked against the manifest before anything takes its final place.
//
// A backup holds the library folder's own files (library.json, codebook.json, articles/, highlights/,
// notes/, texts/) and, last, liner-notes-backup.json: the manifest, with each file's size and hash and
// the library's counts. Backups of format 1 (one library.json of schema 1–4 and the texts) still restore;
// the store upgrades them when the library is opened.
import { createHash } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { Unzip, UnzipInflate, Zip, ZipDeflate } from 'fflate'
import { z } from 'zod'
import { BACKUP_FORMAT, BACKUP_MANIFEST, BackupError } from '../export/backup'
import { syncFolder, TEMP_MARK } from './atomic-file'
import { LibraryError } from './errors'
import { ARTICLES_FOLDER, CODEBOOK_FILE, HIGHLIGHTS_FOLDER, LIBRARY_FILE, NOTES_FOLDER, ORIGINALS_FOLDER, SAFE_ID, TEXTS_FOLDER } from './layout'
import { migrate } from './migrations'
import { LibraryStore } from './store'

export const BACKUP_FORMAT_VERSION = 2
/** Refused before it is expanded further: no library file or saved article comes near it. */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024
/** All entries together, expanded. */
export const MAX_TOTAL_BYTES = 16 * 1024 * 1024 * 1024
export const MAX_ENTRIES = 1_000_000
const CHUNK = 1024 * 1024

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const Counts = z.object({ articles: z.number().int().min(0), highlights: z.number().int().min(0), notes: z.number().int().min(0), themes: z.number().int().min(0) })
export type BackupCounts = z.infer<typeof Counts>
const Manifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  app: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  counts: Counts.optional(),
  files: z.array(z.object({ path: z.string().min(1), bytes: z.number().int().min(0), sha256: Sha256 }))
})

export interface BackupOptions {
  createdAt: string
  appVersion: string
  progress?: (done: number, total: number) => void
  /** Cancels the backup between files; the partly written zip is removed. */
  signal?: AbortSignal
}

/** Writes the whole library to `destination` as one zip, atomically (a temp file renamed into place). */
export async function writeBackup(store: LibraryStore, destination: string, options: BackupOptions): Promise<BackupCounts & { bytes: number }> {
  await store.whenLoaded()
  return store.exclusive(async () => {
    const paths = await libraryFiles(store.dir)
    const missing = store.articles().find((a) => !paths.includes(`${TEXTS_FOLDER}/${a.file}`))
    if (missing) {
      throw new LibraryError('conflict', `The text of “${missing.meta.title || missing.id}” (texts/${missing.file}) is missing, so the backup would be incomplete.`)
    }
    const counts: BackupCounts = {
      articles: store.articles().length,
      highlights: store.highlightCount(),
      notes: [...store.notes()].length,
      themes: store.themes().length
    }
    const temp = `${destination}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`
    const handle = await open(temp, 'w', 0o600)
    let bytes = 0
    try {
      const pending: Uint8Array[] = []
      let failure: Error | null = null
      const zip = new Zip((error, chunk) => {
        if (error) failure = error
        else pending.push(chunk)
      })
      const drain = async (): Promise<void> => {
        if (failure) throw failure
        while (pending.length > 0) {
          const chunk = pending.shift()!
          await handle.write(chunk)
          bytes += chunk.length
        }
      }
      const mtime = new Date(options.createdAt)
      const listed: { path: string; bytes: number; sha256: string }[] = []
      for (const [done, path] of paths.entries()) {
        options.progress?.(done, paths.length)
        if (options.signal?.aborted) throw new LibraryError('cancelled', 'The backup was cancelled; nothing was written.')
        const content = await readFile(join(store.dir, path))
        listed.push({ path, bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') })
        const entry = new ZipDeflate(path, { level: 6 })
        entry.mtime = mtime
        zip.add(entry)
        entry.push(content, true)
        await drain()
      }
      const manifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        app: 'Liner Notes',
        appVersion: options.appVersion,
        schemaVersion: 5,
        createdAt: options.createdAt,
        counts,
        files: listed
      }
      const entry = new ZipDeflate(BACKUP_MANIFEST, { level: 6 })
      entry.mtime = mtime
      zip.add(entry)
      entry.push(new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n'), true)
      zip.end()
      await drain()
      await handle.sync()
      options.progress?.(paths.length, paths.length)
    } catch (error) {
      await handle.close()
      await rm(temp, { force: true })
      throw error
    }
    await handle.close()
    await rename(temp, destination)
    await syncFolder(dirname(destination))
    return { ...counts, bytes }
  })
}

/** Every file of the library folder a backup carries, manifest first, texts last. */
async function libraryFiles(dir: string): Promise<string[]> {
  const list = async (folder: string): Promise<string[]> => {
    try {
      return (await readdir(join(dir, folder)))
        .filter((name) => !name.includes(TEMP_MARK))
        .sort()
        .map((name) => `${folder}/${name}`)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
  }
  return [
    LIBRARY_FILE,
    CODEBOOK_FILE,
    ...(await list(ARTICLES_FOLDER)),
    ...(await list(HIGHLIGHTS_FOLDER)),
    ...(await list(NOTES_FOLDER)),
    ...(await list(TEXTS_FOLDER)),
    ...(await list(ORIGINALS_FOLDER))
  ]
}

/** A name a backup may hold: the library's own files, each a plain name inside its folder. */
function knownEntry(name: string): boolean {
  if (name === BACKUP_MANIFEST || name === LIBRARY_FILE || name === CODEBOOK_FILE) return true
  const [folder, file, ...rest] = name.split('/')
  if (rest.length > 0 || file === undefined) return false
  if (folder === TEXTS_FOLDER || folder === ORIGINALS_FOLDER) return SAFE_ID.test(file)
  return (folder === ARTICLES_FOLDER || folder === HIGHLIGHTS_FOLDER || folder === NOTES_FOLDER) && file.endsWith('.json') && SAFE_ID.test(file.slice(0, -5))
}

/**
 * Restores a backup file into a new or empty folder. The zip is read a chunk at a time into a staging
 * folder inside the target; only when every file matches the manifest, and the library in it opens, are
 * the files moved into place (library.json last). Anything else leaves the folder as it was.
 */
export async function restoreBackupFile(file: string, targetDir: string): Promise<BackupCounts> {
  await assertZip(file)
  const createdTarget = await assertEmptyFolder(targetDir)
  const staging = join(targetDir, `.restoring-${randomBytes(4).toString('hex')}`)
  try {
    await mkdir(staging, { recursive: true })
    const staged = await unzipInto(file, staging)
    const counts = await verify(staging, staged)
    for (const name of (await readdir(staging)).filter((n) => n !== LIBRARY_FILE && n !== BACKUP_MANIFEST)) {
      await rename(join(staging, name), join(targetDir, name))
    }
    await rename(join(staging, LIBRARY_FILE), join(targetDir, LIBRARY_FILE))
    await rm(staging, { recursive: true, force: true })
    await syncFolder(targetDir)
    return counts
  } catch (error) {
    // The folder was empty before (or not there): take back everything this restore put there.
    if (createdTarget) await rm(targetDir, { recursive: true, force: true })
    else for (const name of await readdir(targetDir).catch(() => [])) await rm(join(targetDir, name), { recursive: true, force: true })
    if (error instanceof BackupError) throw new LibraryError('invalid-request', error.message)
    throw error
  }
}

async function assertZip(file: string): Promise<void> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    throw new LibraryError('not-found', `The backup ${file} cannot be opened (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
  }
  try {
    const head = Buffer.alloc(4)
    const { bytesRead } = await handle.read(head, 0, 4, 0)
    const magic = bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)
    if (!magic) throw new LibraryError('invalid-request', `${file} is not a zip archive, so it is not a Liner Notes backup.`)
  } finally {
    await handle.close()
  }
}

/** Whether the folder had to be created (so a failed restore removes it again). */
async function assertEmptyFolder(dir: string): Promise<boolean> {
  let entries: string[]
  try {
    entries = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      await mkdir(dir, { recursive: true })
      return true
    }
    throw error
  }
  if (entries.length > 0) {
    throw new LibraryError('conflict', `${dir} is not empty. Restore a backup into a new or empty folder, so nothing there is overwritten.`)
  }
  return false
}

interface Staged {
  bytes: number
  sha256: string
}

/** Expands the known entries into `staging`, counting and hashing as they come; others are skipped unread. */
async function unzipInto(file: string, staging: string): Promise<Map<string, Staged>> {
  const staged = new Map<string, Staged>()
  const writes: Promise<void>[] = []
  let failure: Error | null = null
  let entries = 0
  let total = 0
  const unzip = new Unzip((entry) => {
    if (failure) return
    if (++entries > MAX_ENTRIES) {
      failure = new BackupError('too-large', `The backup has more than ${MAX_ENTRIES.toLocaleString('en')} files; it was not restored.`)
      return
    }
    if (!knownEntry(entry.name)) return
    if (staged.has(entry.name)) {
      failure = new BackupError('damaged-backup', `The backup holds ${entry.name} twice; it was not restored.`)
      return
    }
    if ((entry.originalSize ?? 0) > MAX_ENTRY_BYTES) {
      failure = new BackupError('too-large', `The backup’s ${entry.name} is larger than any library file could be; it was not opened.`)
      return
    }
    const hash = createHash('sha256')
    const chunks: Uint8Array[] = []
    let size = 0
    staged.set(entry.name, { bytes: 0, sha256: '' })
    entry.ondata = (error, chunk, final) => {
      if (failure) return
      if (error) {
        failure = new BackupError('damaged-backup', `The backup is damaged: ${entry.name} cannot be expanded (${error.message}).`)
        return
      }
      size += chunk.length
      total += chunk.length
      if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
        failure = new BackupError('too-large', `The backup’s ${entry.name} expands to more than any library holds; it was not restored.`)
        entry.terminate()
        return
      }
      hash.update(chunk)
      chunks.push(chunk)
      if (final) {
        staged.set(entry.name, { bytes: size, sha256: hash.digest('hex') })
        const path = join(staging, entry.name)
        writes.push(mkdir(dirname(path), { recursive: true }).then(() => writeWhole(path, chunks)))
      }
    }
    entry.start()
  })
  unzip.register(UnzipInflate)
  const handle = await open(file, 'r')
  try {
    const size = (await stat(file)).size
    const buffer = Buffer.alloc(CHUNK)
    for (let at = 0; at < size && !failure; ) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, at)
      if (bytesRead === 0) break
      at += bytesRead
      try {
        unzip.push(buffer.subarray(0, bytesRead).slice(), at >= size)
      } catch (error) {
        failure = new BackupError('not-a-zip', `This file is not a readable zip archive (${(error as Error).message}).`)
      }
      // Written out as they complete, so at most a chunk's worth of entries waits in memory.
      await Promise.all(writes.splice(0))
    }
  } finally {
    await handle.close()
  }
  await Promise.all(writes)
  if (failure) throw failure
  if (entries === 0) throw new BackupError('not-a-zip', 'This file is not a readable zip archive (no file in it could be read).')
  const cut = [...staged].find(([, s]) => s.sha256 === '')
  if (cut) throw new BackupError('damaged-backup', `The backup is damaged: it ends in the middle of ${cut[0]}.`)
  return staged
}

async function writeWhole(path: string, chunks: readonly Uint8Array[]): Promise<void> {
  const handle = await open(path, 'w', 0o600)
  try {
    for (const chunk of chunks) await handle.write(chunk)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** The manifest must list exactly what arrived, each file whole; the library in it must open. */
async function verify(staging: string, staged: Map<string, Staged>): Promise<BackupCounts> {
  if (!staged.has(BACKUP_MANIFEST)) throw new BackupError('not-a-backup', `This zip is not a Liner Notes backup: it has no ${BACKUP_MANIFEST}.`)
  let json: unknown
  try {
    json = JSON.parse(await readFile(join(staging, BACKUP_MANIFEST), 'utf8'))
  } catch {
    throw new BackupError('damaged-backup', `The backup is damaged: its ${BACKUP_MANIFEST} is not valid JSON.`)
  }
  const marker = z.object({ format: z.literal(BACKUP_FORMAT), formatVersion: z.number() }).safeParse(json)
  if (!marker.success) throw new BackupError('not-a-backup', `This zip is not a Liner Notes backup: its ${BACKUP_MANIFEST} is not one Liner Notes wrote.`)
  if (marker.data.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError('newer-backup', 'This backup was made by a newer version of Liner Notes; update the app to restore it.')
  }
  const manifest = Manifest.safeParse(json)
  if (!manifest.success) throw new BackupError('damaged-backup', `The backup is damaged: its ${BACKUP_MANIFEST} is incomplete.`)
  const listed = new Set<string>()
  for (const entry of manifest.data.files) {
    if (!knownEntry(entry.path)) throw new BackupError('unsafe-name', `“${entry.path}” is not a file a library holds, so the backup was refused.`)
    const got = staged.get(entry.path)
    if (!got) {
      const code = entry.path.startsWith(`${TEXTS_FOLDER}/`) ? 'missing-text' : 'missing-file'
      throw new BackupError(code, `The backup is incomplete: ${entry.path} is listed but not in the zip.`)
    }
    if (got.bytes !== entry.bytes || got.sha256 !== entry.sha256) {
      throw new BackupError('hash-mismatch', `The backup is damaged: ${entry.path} does not match its SHA-256 checksum.`)
    }
    listed.add(entry.path)
  }
  // Files the manifest does not vouch for are not restored.
  for (const name of staged.keys()) if (name !== BACKUP_MANIFEST && !listed.has(name)) await rm(join(staging, name), { force: true })
  if (!listed.has(LIBRARY_FILE)) throw new BackupError('missing-file', `The backup is incomplete: it has no ${LIBRARY_FILE}.`)
  await rm(join(staging, BACKUP_MANIFEST), { force: true })
  if (marker.data.formatVersion === 1) return verifyOneFileLibrary(staging, listed)
  // The library as restored must open cleanly, every record valid, before it takes its place.
  const store = await LibraryStore.open(staging, { archiveDir: staging, readOnly: true })
  await store.validate()
  if (store.quarantined.length > 0) {
    const [first] = store.quarantined
    throw new BackupError('damaged-backup', `The backup is damaged: ${first!.path} cannot be read (${first!.problem}).`)
  }
  const missing = store.articles().find((a) => !listed.has(`${TEXTS_FOLDER}/${a.file}`))
  if (missing) throw new BackupError('missing-text', `The backup is incomplete: the text ${missing.file} of one of its articles is not in it.`)
  return manifest.data.counts ?? { articles: store.articles().length, highlights: store.highlightCount(), notes: [...store.notes()].length, themes: store.themes().length }
}

/** A format-1 backup: one library.json (schema 1–4), checked by the migrations, and its texts. */
async function verifyOneFileLibrary(staging: string, listed: ReadonlySet<string>): Promise<BackupCounts> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(join(staging, LIBRARY_FILE), 'utf8'))
  } catch {
    throw new BackupError('damaged-backup', `The backup is damaged: its ${LIBRARY_FILE} is not valid JSON.`)
  }
  const { data } = migrate(raw)
  const missing = data.articles.find((a) => !listed.has(`${TEXTS_FOLDER}/${a.file}`))
  if (missing) throw new BackupError('missing-text', `The backup is incomplete: the text ${missing.file} of one of its articles is not in it.`)
  return { articles: data.articles.length, highlights: data.highlights.length, notes: data.notes.length, themes: data.themes.length }
}
