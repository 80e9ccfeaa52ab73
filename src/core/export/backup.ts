// A whole library in one zip file, to keep elsewhere or move to another computer: the library file, every
// original text, and a manifest with a SHA-256 per file so a damaged or foreign file is refused before
// anything is restored. Pure: bytes in, bytes out; writing and restoring belong to the store.
import { unzipSync, zipSync, type Zippable } from 'fflate'
import { z } from 'zod'
import type { LibraryData } from '../../shared/model'
import { sha256Hex } from '../library/hash'
import { LIBRARY_FILE, TEXTS_FOLDER } from '../library/layout'

export const BACKUP_MANIFEST = 'liner-notes-backup.json'
export const BACKUP_FORMAT = 'liner-notes-backup'
/** Bumped when a backup's layout changes so that an older app cannot read it right. */
export const BACKUP_FORMAT_VERSION = 1
/** Inside the zip, the library folder's own layout: its library file, and its texts under texts/. */
export const LIBRARY_ENTRY = LIBRARY_FILE
const TEXTS_PREFIX = `${TEXTS_FOLDER}/`
/**
 * Refuses to expand any file claiming more than this. A library file or a saved article is megabytes at
 * most; the cap keeps a crafted zip ("zip bomb") from filling memory before the hashes are checked.
 */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024

export type BackupErrorCode =
  | 'not-a-zip'
  | 'not-a-backup'
  | 'newer-backup'
  | 'damaged-backup'
  | 'hash-mismatch'
  | 'missing-file'
  | 'missing-text'
  | 'unsafe-name'
  | 'too-large'

/** A backup that cannot be made or read; `message` is a sentence to show the user as it is. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'BackupError'
  }
}

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)

export const BackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  app: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  files: z.array(z.object({ path: z.string().min(1), bytes: z.number().int().min(0), sha256: Sha256 }))
})
export type BackupManifest = z.infer<typeof BackupManifest>

export interface BackupMeta {
  /** When the backup is made (ISO 8601); also the zip entries' modification time. */
  createdAt: string
  appVersion: string
}

export interface BackupContents {
  manifest: BackupManifest
  /** The library file as parsed JSON, not yet checked against the schema (the store migrates and validates it). */
  data: unknown
  /** Original texts by file name, each verified against the manifest's hash. */
  texts: Map<string, Uint8Array>
}

/** The zip bytes of a backup. Throws BackupError when an article's text is missing or a file name is unsafe. */
export function createBackup(data: LibraryData, texts: ReadonlyMap<string, Uint8Array>, meta: BackupMeta): Uint8Array {
  if (Number.isNaN(Date.parse(meta.createdAt))) throw new RangeError(`createdAt is not a time: ${meta.createdAt}`)
  for (const name of texts.keys()) assertSafeName(name)
  for (const article of data.articles) {
    if (!texts.has(article.file)) throw new BackupError('missing-text', `The text of “${article.meta.title || article.file}” (${article.file}) is missing, so no backup was made.`)
  }
  const entries: [string, Uint8Array][] = [
    [LIBRARY_ENTRY, new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`)],
    ...[...texts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, bytes]): [string, Uint8Array] => [`${TEXTS_PREFIX}${name}`, bytes])
  ]
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    app: 'Liner Notes',
    appVersion: meta.appVersion,
    schemaVersion: data.schemaVersion,
    createdAt: meta.createdAt,
    files: entries.map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: sha256Hex(bytes) }))
  }
  // The manifest goes first, so a reader listing the archive sees what it is at once.
  const zippable: Zippable = { [BACKUP_MANIFEST]: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) }
  for (const [path, bytes] of entries) zippable[path] = bytes
  return zipSync(zippable, { mtime: meta.createdAt })
}

/** The verified contents of a backup, or a BackupError saying in one sentence why it cannot be used. */
export function readBackup(bytes: Uint8Array): BackupContents {
  const files = unzip(bytes)
  const manifest = readManifest(files)
  const verified = new Map<string, Uint8Array>()
  for (const entry of manifest.files) {
    const content = files[entry.path]
    if (content === undefined) {
      const code = entry.path.startsWith(TEXTS_PREFIX) ? 'missing-text' : 'missing-file'
      throw new BackupError(code, `The backup is incomplete: ${entry.path} is listed but not in the zip.`)
    }
    if (content.length !== entry.bytes || sha256Hex(content) !== entry.sha256) {
      throw new BackupError('hash-mismatch', `The backup is damaged: ${entry.path} does not match its SHA-256 checksum.`)
    }
    verified.set(entry.path, content)
  }
  const data = readLibrary(verified.get(LIBRARY_ENTRY))
  const texts = new Map([...verified].filter(([path]) => path.startsWith(TEXTS_PREFIX)).map(([path, content]) => [path.slice(TEXTS_PREFIX.length), content]))
  assertTextsPresent(data, texts)
  return { manifest, data, texts }
}

/** The zip's entries this format knows, expanded; anything else in the zip is left unread. */
function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  // A zip starts with a local file header (PK\3\4) or, when empty, the end-of-directory record (PK\5\6).
  const magic = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5)
  if (!magic) throw new BackupError('not-a-zip', 'This file is not a zip archive, so it is not a Liner Notes backup.')
  let oversized: string | null = null
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        const known = file.name === BACKUP_MANIFEST || file.name === LIBRARY_ENTRY || file.name.startsWith(TEXTS_PREFIX)
        if (known && file.originalSize > MAX_ENTRY_BYTES) oversized = file.name
        return known && file.originalSize <= MAX_ENTRY_BYTES
      }
    })
  } catch (error) {
    throw new BackupError('not-a-zip', `This file is not a readable zip archive (${(error as Error).message}).`)
  }
  if (oversized !== null) throw new BackupError('too-large', `The backup’s ${oversized} is larger than any library file could be; it was not opened.`)
  return files
}

function readManifest(files: Record<string, Uint8Array>): BackupManifest {
  const raw = files[BACKUP_MANIFEST]
  if (raw === undefined) throw new BackupError('not-a-backup', `This zip is not a Liner Notes backup: it has no ${BACKUP_MANIFEST}.`)
  const json = parseJson(raw, BACKUP_MANIFEST)
  const marker = z.object({ format: z.literal(BACKUP_FORMAT), formatVersion: z.number() }).safeParse(json)
  if (!marker.success) throw new BackupError('not-a-backup', `This zip is not a Liner Notes backup: its ${BACKUP_MANIFEST} is not one Liner Notes wrote.`)
  if (marker.data.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError('newer-backup', 'This backup was made by a newer version of Liner Notes; update the app to restore it.')
  }
  const manifest = BackupManifest.safeParse(json)
  if (!manifest.success) throw new BackupError('damaged-backup', `The backup is damaged: its ${BACKUP_MANIFEST} is incomplete.`)
  for (const { path } of manifest.data.files) {
    if (path !== LIBRARY_ENTRY) assertSafeName(path.startsWith(TEXTS_PREFIX) ? path.slice(TEXTS_PREFIX.length) : path)
  }
  if (!manifest.data.files.some((f) => f.path === LIBRARY_ENTRY)) {
    throw new BackupError('missing-file', `The backup is incomplete: it has no ${LIBRARY_ENTRY}.`)
  }
  return manifest.data
}

function readLibrary(raw: Uint8Array | undefined): unknown {
  if (raw === undefined) throw new BackupError('missing-file', `The backup is incomplete: it has no ${LIBRARY_ENTRY}.`)
  return parseJson(raw, LIBRARY_ENTRY)
}

/** Every article the library file names must have its text in the backup, or restoring would lose it. */
function assertTextsPresent(data: unknown, texts: ReadonlyMap<string, Uint8Array>): void {
  const articles = z.object({ articles: z.array(z.object({ file: z.string() })) }).safeParse(data)
  if (!articles.success) return // the store's schema check reports a malformed library file in its own words
  const missing = articles.data.articles.map((a) => a.file).find((file) => !texts.has(file))
  if (missing !== undefined) throw new BackupError('missing-text', `The backup is incomplete: the text ${missing} of one of its articles is not in it.`)
}

function parseJson(raw: Uint8Array, name: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)) as unknown
  } catch {
    throw new BackupError('damaged-backup', `The backup is damaged: its ${name} is not valid JSON.`)
  }
}

/** A text's name must be a plain file name, so restoring can never write outside the texts folder. */
function assertSafeName(name: string): void {
  if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name) || /^[A-Za-z]:/.test(name)) {
    throw new BackupError('unsafe-name', `“${name}” is not a plain file name, so the backup was refused.`)
  }
}
