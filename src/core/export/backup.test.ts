import { createHash } from 'node:crypto'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { LibraryData } from '../../shared/model'
import { BACKUP_MANIFEST, BackupError, createBackup, readBackup, type BackupErrorCode } from './backup'
import { archiveLibrary } from './test-library'

const { data, texts: textStrings } = archiveLibrary()
const texts = new Map([...textStrings].map(([file, text]) => [file, new TextEncoder().encode(text)]))
const meta = { createdAt: '2026-01-01T00:00:00.000Z', appVersion: '0.1.0' }
const backup = createBackup(data, texts, meta)
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** The backup's files, changed by `edit`, zipped again. */
function rezip(edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(backup)
  edit(files)
  return zipSync(files)
}

function refusal(bytes: Uint8Array): { code: BackupErrorCode; message: string } {
  try {
    readBackup(bytes)
  } catch (error) {
    if (error instanceof BackupError) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('The backup was accepted')
}

describe('createBackup and readBackup', () => {
  it('give back the same library and the same text bytes', () => {
    const read = readBackup(backup)
    expect(read.data).toEqual(data)
    expect(LibraryData.parse(read.data)).toEqual(data)
    expect([...read.texts.keys()].sort()).toEqual([...texts.keys()].sort())
    for (const [file, bytes] of texts) {
      expect(read.texts.get(file)).toEqual(bytes)
      expect(sha256(read.texts.get(file) ?? new Uint8Array())).toBe(data.articles.find((a) => a.file === file)?.sha256)
    }
  })

  it('describes itself in a manifest with a SHA-256 per file', () => {
    const { manifest } = readBackup(backup)
    expect(manifest).toMatchObject({ format: 'liner-notes-backup', formatVersion: 1, app: 'Liner Notes', appVersion: '0.1.0', schemaVersion: 4, createdAt: meta.createdAt })
    expect(manifest.files.map((f) => f.path)).toEqual(['library.json', ...[...texts.keys()].sort().map((f) => `texts/${f}`)])
    const files = unzipSync(backup)
    expect(Object.keys(files)[0]).toBe(BACKUP_MANIFEST)
    for (const f of manifest.files) expect(f.sha256).toBe(sha256(files[f.path] ?? new Uint8Array()))
  })

  it('makes the same bytes from the same library and time', () => {
    expect(createBackup(data, texts, meta)).toEqual(backup)
  })

  it('refuses to back up a library whose article text is missing', () => {
    const partial = new Map([...texts].slice(1))
    expect(() => createBackup(data, partial, meta)).toThrow(BackupError)
    expect(() => createBackup(data, partial, meta)).toThrow(/is missing, so no backup was made/)
  })

  it('refuses a text name that could leave the texts folder', () => {
    expect(() => createBackup(data, new Map([...texts, ['../evil.txt', new Uint8Array()]]), meta)).toThrow(/not a plain file name/)
  })
})

describe('readBackup refuses', () => {
  it.each<[string, () => Uint8Array, BackupErrorCode, RegExp]>([
    ['a file that is not a zip', () => strToU8('{"schemaVersion":4}'), 'not-a-zip', /not a zip archive/],
    ['an empty file', () => new Uint8Array(), 'not-a-zip', /not a zip archive/],
    ['a truncated zip', () => backup.slice(0, backup.length / 2), 'not-a-zip', /not a readable zip archive/],
    ['a zip of something else', () => zipSync({ 'photo.jpg': strToU8('jpeg') }), 'not-a-backup', /not a Liner Notes backup: it has no liner-notes-backup\.json/],
    ['an empty zip', () => zipSync({}), 'not-a-backup', /not a Liner Notes backup/],
    ['a manifest from another program', () => rezip((f) => void (f[BACKUP_MANIFEST] = strToU8('{"format":"other"}'))), 'not-a-backup', /not one Liner Notes wrote/],
    ['a manifest that is not JSON', () => rezip((f) => void (f[BACKUP_MANIFEST] = strToU8('{'))), 'damaged-backup', /its liner-notes-backup\.json is not valid JSON/],
    [
      'a backup from a newer app',
      () => rezip((f) => void (f[BACKUP_MANIFEST] = strToU8(JSON.stringify({ format: 'liner-notes-backup', formatVersion: 99 })))),
      'newer-backup',
      /newer version of Liner Notes/
    ],
    ['a library file altered after the backup', () => rezip((f) => void (f['library.json'] = strToU8('{"schemaVersion":4}'))), 'hash-mismatch', /library\.json does not match its SHA-256 checksum/],
    [
      'a text altered after the backup',
      () => rezip((f) => void (f['texts/000_ad238df8b954e232.txt'] = strToU8('edited'))),
      'hash-mismatch',
      /texts\/000_ad238df8b954e232\.txt does not match/
    ],
    ['a text listed but missing', () => rezip((f) => void delete f['texts/002_28dc0072aca979dd.txt']), 'missing-text', /texts\/002_28dc0072aca979dd\.txt is listed but not in the zip/],
    ['a library file listed but missing', () => rezip((f) => void delete f['library.json']), 'missing-file', /library\.json is listed but not in the zip/]
  ])('%s', (_case, bytes, code, message) => {
    const refused = refusal(bytes())
    expect(refused.code).toBe(code)
    expect(refused.message).toMatch(message)
  })

  it('a backup whose manifest leaves out an article’s text', () => {
    const files = unzipSync(backup)
    const manifest = JSON.parse(new TextDecoder().decode(files[BACKUP_MANIFEST])) as { files: { path: string }[] }
    manifest.files = manifest.files.filter((f) => f.path !== 'texts/003_6483be90c9dc3807.txt')
    delete files['texts/003_6483be90c9dc3807.txt']
    files[BACKUP_MANIFEST] = strToU8(JSON.stringify(manifest))
    expect(refusal(zipSync(files))).toEqual({ code: 'missing-text', message: 'The backup is incomplete: the text 003_6483be90c9dc3807.txt of one of its articles is not in it.' })
  })

  it('a manifest naming a file outside the texts folder', () => {
    const files = unzipSync(backup)
    const manifest = JSON.parse(new TextDecoder().decode(files[BACKUP_MANIFEST])) as { files: { path: string; bytes: number; sha256: string }[] }
    manifest.files.push({ path: 'texts/../../escape.txt', bytes: 0, sha256: sha256(new Uint8Array()) })
    files[BACKUP_MANIFEST] = strToU8(JSON.stringify(manifest))
    expect(refusal(zipSync(files)).code).toBe('unsafe-name')
  })

  it('ignores files it does not know, such as a folder listing added by an archiver', () => {
    const extra = rezip((f) => void (f['__MACOSX/._library.json'] = strToU8('junk')))
    expect(readBackup(extra).data).toEqual(data)
  })
})
