// Backups as files: a library written to one zip and restored into an empty folder opens with the same
// records and the same text bytes; a file that is not a good backup, or a folder that is not empty, is
// refused with a sentence and the folder is left as it was; a backup of the one-file format still restores.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { Highlight, LibraryData, Note } from '../../shared/model'
import { createBackup } from '../export/backup'
import { restoreBackupFile, writeBackup } from './backup-file'
import { LibraryError } from './errors'
import { articleFile, LIBRARY_FILE, TEXTS_FOLDER } from './layout'
import { migrate } from './migrations'
import { LibraryStore } from './store'
import { ARCHIVE_DIR, fixedNow, folderFingerprint, withTempDir } from './test-support'

const COLLIDER = '000_ad238df8b954e232'
const INTERVIEW = '002_28dc0072aca979dd'
const V4_FILE = join(import.meta.dirname, 'fixtures', 'library-v4.json')
const open = (dir: string) => LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
const OPTIONS = { createdAt: fixedNow(), appVersion: 'test' }

function highlight(id: string, articleId: string, themeIds: string[], start: number): Highlight {
  return {
    id,
    articleId,
    quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + 1 },
    color: null,
    themeIds,
    note: null,
    createdAt: fixedNow(),
    updatedAt: fixedNow()
  }
}
const note = (id: string, title: string): Note => ({
  id,
  title,
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: title }] }] },
  createdAt: fixedNow(),
  updatedAt: fixedNow()
})

/** A library with highlights in two articles, notes (one deleted), a memo and a corrected text, closed. */
async function library(dir: string): Promise<void> {
  const store = await open(dir)
  await store.transact((tx) => {
    tx.putHighlight(highlight('hl-1', COLLIDER, ['theme-heritage'], 3))
    tx.putHighlight(highlight('hl-2', COLLIDER, [], 40))
    tx.putHighlight(highlight('hl-3', INTERVIEW, ['theme-identity', 'theme-fatherhood'], 7))
    tx.putNote(note('note-1', 'Fathers and sons'))
    tx.putNote(note('note-2', 'Drafts'))
    const article = tx.requireArticle(INTERVIEW)
    tx.putArticle({ ...article, correctedText: 'A corrected text.', memo: note('memo', 'Longest of the five.').doc })
  })
  await store.transact((tx) => tx.removeNote('note-2'))
  await store.close()
}

/** The library's records, each list in id order (files load in their own order). */
async function recordsOf(dir: string) {
  const store = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, readOnly: true })
  await store.whenLoaded()
  const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id))
  const data = await store.snapshot()
  const texts = await Promise.all(store.articles().map(async (a) => [a.file, Buffer.from((await store.readOriginalBytes(a))!).toString('hex')]))
  return { ...data, highlights: byId(data.highlights), notes: byId(data.notes), tombstones: store.tombstones(), texts, quarantined: store.quarantined }
}

async function backupOf(dir: string, file: string): Promise<void> {
  const store = await open(dir)
  await writeBackup(store, file, OPTIONS)
  await store.close()
}

/** A real backup with one entry's bytes changed and its manifest left as it was. */
async function damaged(file: string): Promise<Uint8Array> {
  const entries = unzipSync(await readFile(file))
  const path = articleFile(COLLIDER)
  entries[path] = strToU8(new TextDecoder().decode(entries[path]).replace('Collider', 'Colider'))
  return zipSync(entries)
}

describe('backup files', () => {
  it('restores into an empty folder a library with the same records, tombstones and text bytes', () =>
    withTempDir(async (work) => {
      const source = join(work, 'source')
      const target = join(work, 'target')
      await library(source)
      await backupOf(source, join(work, 'backup.zip'))
      const counts = await restoreBackupFile(join(work, 'backup.zip'), target)
      expect(counts).toEqual({ articles: 5, highlights: 3, notes: 1, themes: 7 })
      const restored = await recordsOf(target)
      expect(restored.quarantined).toEqual([])
      expect(restored).toEqual(await recordsOf(source))
      expect(restored.notes.map((n) => n.id)).toEqual(['note-1'])
      expect(restored.tombstones.notes.map((t) => t.id)).toEqual(['note-2'])
      expect(restored.articles.find((a) => a.id === INTERVIEW)?.correctedText).toBe('A corrected text.')
      // Nothing of the restore's own making is left behind, and the restored library opens for writing.
      expect((await readdir(target)).sort()).toEqual(['articles', 'codebook.json', 'highlights', 'library.json', 'notes', 'texts'])
      const store = await open(target)
      await store.transact((tx) => tx.putNote(note('note-3', 'After the restore')))
      await store.close()
    }))

  it('restores a text changed outside the app as it was backed up, still flagged as altered', () =>
    withTempDir(async (work) => {
      const source = join(work, 'source')
      await library(source)
      const file = (await open(source)).article(INTERVIEW)!.file
      await writeFile(join(source, TEXTS_FOLDER, file), 'Changed in another editor.')
      await backupOf(source, join(work, 'backup.zip'))
      await restoreBackupFile(join(work, 'backup.zip'), join(work, 'target'))
      const restored = await open(join(work, 'target'))
      expect(await restored.readOriginal(restored.article(INTERVIEW)!)).toEqual({ text: 'Changed in another editor.', status: 'altered' })
    }))

  it.each<[string, (work: string) => Promise<Uint8Array | null>, RegExp]>([
    ['bytes that are not a zip', async () => strToU8('hello'), /is not a zip archive/],
    ['a zip of something else', async () => zipSync({ 'photo.jpg': new Uint8Array([1, 2, 3]) }), /not a Liner Notes backup: it has no liner-notes-backup\.json/],
    ['a zip with a library but no manifest', async () => zipSync({ [LIBRARY_FILE]: strToU8('{"schemaVersion": 4}') }), /has no liner-notes-backup\.json/],
    ['a backup with a damaged entry', async (work) => damaged(join(work, 'good.zip')), /articles\/000_ad238df8b954e232\.json does not match its SHA-256 checksum/]
  ])('refuses %s with a sentence, leaving the empty folder empty', (_name, bytesOf, message) =>
    withTempDir(async (work) => {
      await library(join(work, 'source'))
      await backupOf(join(work, 'source'), join(work, 'good.zip'))
      await writeFile(join(work, 'bad.zip'), (await bytesOf(work))!)
      const target = join(work, 'target')
      await mkdir(target)
      const error = await restoreBackupFile(join(work, 'bad.zip'), target).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(LibraryError)
      expect((error as LibraryError).message).toMatch(message)
      expect(await readdir(target)).toEqual([])
    }))

  // Fails today: restoreBackupFile (backup-file.ts) creates the missing folder before checking the backup,
  // and on refusal empties it but leaves it there. Minor; reported, not fixed here.
  it('refuses a damaged backup into a folder that does not exist yet, and does not leave one behind', () =>
    withTempDir(async (work) => {
      await library(join(work, 'source'))
      await backupOf(join(work, 'source'), join(work, 'good.zip'))
      await writeFile(join(work, 'bad.zip'), await damaged(join(work, 'good.zip')))
      await expect(restoreBackupFile(join(work, 'bad.zip'), join(work, 'new'))).rejects.toThrow(/does not match its SHA-256 checksum/)
      expect(await readdir(work)).not.toContain('new')
    }))

  it('refuses a folder that is not empty, leaving it as it was', () =>
    withTempDir(async (work) => {
      await library(join(work, 'source'))
      await backupOf(join(work, 'source'), join(work, 'backup.zip'))
      const target = join(work, 'target')
      await mkdir(target)
      await writeFile(join(target, 'thesis.md'), 'my chapter')
      const before = await folderFingerprint(target)
      await expect(restoreBackupFile(join(work, 'backup.zip'), target)).rejects.toThrow(/is not empty\. Restore a backup into a new or empty folder/)
      expect(await folderFingerprint(target)).toBe(before)
      expect(await readdir(target)).toEqual(['thesis.md'])
    }))

  it('restores a backup of the one-file format (made by createBackup), which opens migrated', () =>
    withTempDir(async (work) => {
      const v4Text = await readFile(V4_FILE, 'utf8')
      const { data } = migrate(JSON.parse(v4Text))
      const texts = new Map<string, Uint8Array>()
      for (const article of data.articles) texts.set(article.file, await readFile(join(ARCHIVE_DIR, article.file)))
      await writeFile(join(work, 'old.zip'), createBackup(data, texts, OPTIONS))
      const target = join(work, 'target')
      const counts = await restoreBackupFile(join(work, 'old.zip'), target)
      expect(counts).toEqual({ articles: 5, highlights: 4, notes: 2, themes: 8 })

      const store = await open(target)
      await store.whenLoaded()
      expect(store.quarantined).toEqual([])
      const plain = <T extends { id: string; rev?: number; facts?: unknown }>(list: readonly T[]) =>
        list.map(({ rev: _rev, facts: _facts, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id))
      const snapshot: LibraryData = await store.snapshot()
      expect(plain(snapshot.articles)).toEqual(plain(data.articles))
      expect(plain(snapshot.highlights)).toEqual(plain(data.highlights))
      expect(plain(snapshot.notes)).toEqual(plain(data.notes))
      expect(plain(snapshot.themes)).toEqual(plain(data.themes))
      expect(JSON.parse(await readFile(join(target, LIBRARY_FILE), 'utf8'))).toMatchObject({ schemaVersion: 5 })
      expect(await readdir(target)).toContain('library.v4.backup.json')
      for (const article of store.articles()) expect(Buffer.from((await store.readOriginalBytes(article))!).equals(texts.get(article.file)!)).toBe(true)
    }))
})
