// Backups as files, streamed both ways so no library is too large to back up or restore: the zip is
// written a file at a time straight to disk, and read back a chunk at a time into a staging folder, with
// every entry's size and SHA-256 checked against the manifest before anything takes its final place.
//
// A backup holds the library folder's own files (library.json, codebook.json, articles/, highlights/,
// notes/, texts/) and, last, liner-notes-backup.json: the manifest, with each file's size and hash and
// the library's counts. Backups of format 1 (one library.json of schema 1–4 and the texts) still restore;
// the store upgrades them when the library is opened.
import { createHash } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm, type FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { Zip, ZipDeflate } from 'fflate'
import { z } from 'zod'
import { BACKUP_FORMAT, BACKUP_MANIFEST, BackupError } from '../export/backup'
import { syncFolder, TEMP_MARK } from './atomic-file'
import { LibraryError } from './errors'
import { ARTICLES_FOLDER, CODEBOOK_FILE, HIGHLIGHTS_FOLDER, LIBRARY_FILE, NOTES_FOLDER, ORIGINALS_FOLDER, SAFE_ID, TEXTS_FOLDER } from './layout'
import { migrate } from './migrations'
import { expandEntry, readDirectory, ZipProblem, type ZipEntry, type ZipLimits } from './zip-reader'
import { LibraryStore } from './store'

export const BACKUP_FORMAT_VERSION = 2
/** Refused before it is expanded: no library file or saved article comes near it. */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024
/** All entries together, expanded. */
export const MAX_TOTAL_BYTES = 16 * 1024 * 1024 * 1024
export const MAX_ENTRIES = 1_000_000
/** A manifest lists each file in about 130 bytes: room for the largest library, read whole. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024
/**
 * No library file expands more than this: JSON records and texts deflate 3–20:1 (a run of repeated
 * records perhaps 60:1); a "zip bomb" expands a thousandfold. Entries under a megabyte are let through
 * whatever their ratio, since they cannot cost much.
 */
export const MAX_RATIO = 200
const ZIP_LIMITS: ZipLimits = { maxEntries: MAX_ENTRIES, maxEntryBytes: MAX_ENTRY_BYTES, maxTotalBytes: MAX_TOTAL_BYTES, maxRatio: MAX_RATIO, ratioFloorBytes: 1024 * 1024 }

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

/**
 * Expands into `staging` the manifest, then only the entries it lists, counting and hashing as they come.
 * The zip's directory is checked first (entry count, declared sizes, ratios, duplicates), so a hostile zip
 * is refused before any byte of it is expanded, and what is expanded goes to disk a piece at a time.
 */
async function unzipInto(file: string, staging: string): Promise<Map<string, Staged>> {
  const handle = await open(file, 'r')
  try {
    let entries: ZipEntry[]
    try {
      entries = await readDirectory(handle, ZIP_LIMITS)
    } catch (error) {
      throw asBackupError(error)
    }
    const manifestEntry = entries.find((entry) => entry.name === BACKUP_MANIFEST)
    if (!manifestEntry) throw new BackupError('not-a-backup', `This zip is not a Liner Notes backup: it has no ${BACKUP_MANIFEST}.`)
    if (manifestEntry.size > MAX_MANIFEST_BYTES) throw new BackupError('too-large', `The backup’s ${BACKUP_MANIFEST} is larger than any backup’s; it was not restored.`)
    const staged = new Map<string, Staged>()
    staged.set(BACKUP_MANIFEST, await expandTo(handle, manifestEntry, join(staging, BACKUP_MANIFEST)))
    // Only what the manifest vouches for is expanded (verify() then checks each against it).
    const listed = listedPaths(await readFile(join(staging, BACKUP_MANIFEST), 'utf8'))
    for (const entry of entries) {
      if (entry.name === BACKUP_MANIFEST || !listed.has(entry.name) || !knownEntry(entry.name)) continue
      const path = join(staging, entry.name)
      await mkdir(dirname(path), { recursive: true })
      staged.set(entry.name, await expandTo(handle, entry, path))
    }
    return staged
  } finally {
    await handle.close()
  }
}

/** The paths a manifest lists; an unreadable manifest lists none (verify() then says what is wrong with it). */
function listedPaths(json: string): Set<string> {
  try {
    const parsed = z.object({ files: z.array(z.object({ path: z.string() })).max(MAX_ENTRIES) }).safeParse(JSON.parse(json))
    return new Set(parsed.success ? parsed.data.files.map((f) => f.path) : [])
  } catch {
    return new Set()
  }
}

/** One entry expanded to `path` (written as it comes, then fsynced), with its size and SHA-256. */
async function expandTo(zip: FileHandle, entry: ZipEntry, path: string): Promise<Staged> {
  const hash = createHash('sha256')
  let bytes = 0
  const out = await open(path, 'w', 0o600)
  try {
    await expandEntry(zip, entry, async (chunk) => {
      hash.update(chunk)
      bytes += chunk.length
      await out.write(chunk)
    })
    await out.sync()
  } catch (error) {
    throw asBackupError(error)
  } finally {
    await out.close()
  }
  return { bytes, sha256: hash.digest('hex') }
}

function asBackupError(error: unknown): unknown {
  if (!(error instanceof ZipProblem)) return error
  const code = error.kind === 'too-large' ? 'too-large' : error.kind === 'not-a-zip' ? 'not-a-zip' : 'damaged-backup'
  const message = error.message.replace(/^The zip/, 'The backup').replace(/^This zip/, 'This backup').replace(/it was not opened\.$/, 'it was not restored.')
  return new BackupError(code, message)
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
