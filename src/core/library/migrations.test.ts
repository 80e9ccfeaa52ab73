import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Article, Highlight, LibraryData, Preferences, Theme } from '../../shared/model'
import type { Note } from '../../shared/model'
import { EMPTY_DOC } from '../../shared/note-doc'
import { openLibraryServices } from '../services'
import { articleFile, CODEBOOK_FILE, highlightsFile, LIBRARY_FILE, noteFile, TEXTS_FOLDER } from './layout'
import { CURRENT_SCHEMA_VERSION, migrate } from './migrations'
import { factsOf, LibraryStore } from './store'
import { ARCHIVE_DIR, fixedNow, folderFingerprint, withoutRev, withTempDir } from './test-support'

const V1_FILE = join(import.meta.dirname, 'fixtures', 'library-v1.json')
/** Written by the previous release itself (schema 2): seeded from the archive, two articles edited, preferences set. */
const V2_FILE = join(import.meta.dirname, 'fixtures', 'library-v2.json')
/**
 * Written by the previous release itself (schema 3): seeded, one article retitled, THR's text corrected, a
 * sub-theme added under fatherhood, four highlights (one nested in another) coded and coloured, preferences set.
 */
const V3_FILE = join(import.meta.dirname, 'fixtures', 'library-v3.json')
/**
 * The last one-file library (schema 4), made from the v3 fixture by that release's migrations, then given
 * what schema 4 brought: a note on a highlight, a memo on an article, and two free-standing notes. It keeps
 * the v3 fixture's corrected text and the sub-theme added under fatherhood.
 */
const V4_FILE = join(import.meta.dirname, 'fixtures', 'library-v4.json')

/** The records as a library folder of schema 5 holds them, read from its files. */
async function recordsOnDisk(dir: string, data: LibraryData) {
  const read = async (path: string): Promise<unknown> => JSON.parse(await readFile(join(dir, path), 'utf8'))
  const manifest = await read(LIBRARY_FILE)
  const codebook = (await read(CODEBOOK_FILE)) as { themes: Theme[] }
  const articles = await Promise.all(data.articles.map(async (a) => ((await read(articleFile(a.id))) as { article: Article }).article))
  const highlights = (
    await Promise.all(data.articles.map(async (a) => ((await read(highlightsFile(a.id))) as { highlights: Highlight[] }).highlights))
  ).flat()
  const notes = await Promise.all(data.notes.map(async (n) => ((await read(noteFile(n.id))) as { note: Note }).note))
  return { manifest, themes: codebook.themes, articles, highlights, notes }
}

/** A whole one-file library folder: its file, and the texts the older release copied beside it. */
async function oneFileLibrary(dir: string, file: string): Promise<string> {
  const text = await readFile(file, 'utf8')
  await copyFile(file, join(dir, LIBRARY_FILE))
  await mkdir(join(dir, TEXTS_FOLDER))
  for (const { file: name } of (JSON.parse(text) as { articles: { file: string }[] }).articles) {
    await copyFile(join(ARCHIVE_DIR, name), join(dir, TEXTS_FOLDER, name))
  }
  return text
}

/** A record as a one-file library held it: without the revision and the facts the store adds. */
function asStoredInV4<T extends { rev?: number; facts?: unknown }>(record: T): Omit<T, 'rev' | 'facts'> {
  const { rev: _rev, facts: _facts, ...rest } = record
  return rest
}

const byId = <T extends { id: string }>(records: readonly T[]): T[] => [...records].sort((a, b) => a.id.localeCompare(b.id))

/** The version-2 shape, as the previous release's model declared it. */
const V2_SHAPE = z.object({
  schemaVersion: z.literal(2),
  articles: z.array(Article.omit({ correctedText: true, memo: true }).strict()),
  preferences: Preferences
}).strict()

/** The version-3 shape, as the previous release's model declared it. */
const V3_SHAPE = z
  .object({
    schemaVersion: z.literal(3),
    articles: z.array(Article.omit({ memo: true }).strict()),
    themes: z.array(Theme.strict()),
    highlights: z.array(Highlight.omit({ note: true }).strict()),
    preferences: Preferences
  })
  .strict()

describe('migrations', () => {
  it('brings a version-1 library file up to the current schema, keeping every field', async () => {
    const raw: unknown = JSON.parse(await readFile(V1_FILE, 'utf8'))
    const { data, from } = migrate(raw)
    expect(from).toBe(1)
    expect(data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(data.articles[1]).toEqual({
      id: '003_6483be90c9dc3807',
      file: '003_6483be90c9dc3807.txt',
      sha256: '7b893270d29e2b4583f2645270197e8f12e63ec802c8086488be8ebba828c648',
      addedAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-01-05T10:00:00.000Z',
      meta: {
        title: 'K-POPS! premiere at The Grove',
        outlet: 'The Knockturnal',
        author: '',
        date: '',
        kind: 'review',
        url: 'https://example.org/k-pops-premiere'
      },
      correctedText: null,
      memo: null
    })
    expect(data.preferences.textSize).toBeGreaterThan(0)
    expect(data).toMatchObject({ themes: [], highlights: [], notes: [] })
  })

  it('brings a version-2 library file (as the previous release wrote it) up to the current schema, keeping every field', async () => {
    const raw = V2_SHAPE.parse(JSON.parse(await readFile(V2_FILE, 'utf8')))
    const { data, from } = migrate(raw)
    expect(from).toBe(2)
    expect(data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(data.articles).toEqual(raw.articles.map((article) => ({ ...article, correctedText: null, memo: null })))
    expect(data.articles[1]?.meta).toMatchObject({ title: 'Anderson .Paak on directing K-Pops!', outlet: 'The Hollywood Reporter' })
    expect(data.preferences).toEqual({ textSize: 22, appearance: 'dark' })
    // migrate() itself adds empty lists; the store seeds the starting codebook (next test).
    expect(data).toMatchObject({ themes: [], highlights: [], notes: [] })
  })

  it('opening a version-2 library migrates it on disk, seeds the codebook and keeps the old file as a backup', () =>
    withTempDir(async (dir) => {
      const v2Text = await readFile(V2_FILE, 'utf8')
      // A whole version-2 library folder: its file, and the texts the previous release copied beside it.
      await copyFile(V2_FILE, join(dir, LIBRARY_FILE))
      await mkdir(join(dir, TEXTS_FOLDER))
      for (const { file } of V2_SHAPE.parse(JSON.parse(v2Text)).articles) {
        await copyFile(join(ARCHIVE_DIR, file), join(dir, TEXTS_FOLDER, file))
      }
      const services = await openLibraryServices(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
      const onDisk = await services.store.snapshot()
      const files = await recordsOnDisk(dir, onDisk)
      expect(files.manifest).toEqual({ format: 'liner-notes-library', schemaVersion: 5, preferences: onDisk.preferences })
      expect(files.articles).toEqual(onDisk.articles)
      expect(files.themes).toEqual(onDisk.themes)
      expect(onDisk.articles.map((a) => a.correctedText)).toEqual([null, null, null, null, null])
      expect(onDisk.themes.map((t) => t.id)).toEqual([
        'theme-heritage',
        'theme-fatherhood',
        'theme-identity',
        'theme-cultural-exchange',
        'theme-black-musical-lineage',
        'theme-the-k-pop-industry',
        'theme-filmmaking'
      ])
      expect(onDisk.highlights).toEqual([])
      expect(onDisk.preferences).toEqual({ textSize: 22, appearance: 'dark' })
      expect(await readFile(join(dir, 'library.v2.backup.json'), 'utf8')).toBe(v2Text)

      // The migrated library works: the migrated articles can be highlighted and coded.
      const text = (await services.handlers['articles:get']({ id: '001_0a74aad613f8da6e' })).text ?? ''
      const start = text.indexOf('Anderson Paak')
      const created = await services.handlers['highlights:create']({
        articleId: '001_0a74aad613f8da6e',
        start,
        end: start + 'Anderson Paak'.length,
        themeIds: ['theme-filmmaking']
      })
      expect(created.anchor).toEqual({ start, end: start + 13, method: 'position' })

      // Opened again, it is current and is not migrated (or backed up) a second time.
      await rm(join(dir, 'library.v2.backup.json'))
      const again = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
      await again.whenLoaded()
      expect(again.highlightCount()).toBe(1)
      expect(await readdir(dir)).not.toContain('library.v2.backup.json')
    }))

  it('brings a version-3 library file (as the previous release wrote it) up to the current schema, keeping every field', async () => {
    const raw = V3_SHAPE.parse(JSON.parse(await readFile(V3_FILE, 'utf8')))
    const { data, from } = migrate(raw)
    expect(from).toBe(3)
    expect(data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(data.articles).toEqual(raw.articles.map((article) => ({ ...article, memo: null })))
    expect(data.highlights).toEqual(raw.highlights.map((highlight) => ({ ...highlight, note: null })))
    expect(data.themes).toEqual(raw.themes)
    expect(data.preferences).toEqual(raw.preferences)
    expect(data.notes).toEqual([])
    // The fixture really holds what the migration must carry over.
    expect(data.articles.filter((a) => a.correctedText !== null)).toHaveLength(1)
    expect(data.highlights.map((h) => h.color)).toEqual([null, 'pink', null, 'blue'])
    expect(data.themes.find((t) => t.parentId === 'theme-fatherhood')?.name).toBe('father and son on screen')
  })

  it('opening a version-3 library migrates it on disk, keeps its own codebook, backs the old file up, and takes notes', () =>
    withTempDir(async (dir) => {
      const v3Text = await readFile(V3_FILE, 'utf8')
      const v3 = V3_SHAPE.parse(JSON.parse(v3Text))
      await copyFile(V3_FILE, join(dir, LIBRARY_FILE))
      await mkdir(join(dir, TEXTS_FOLDER))
      for (const { file } of v3.articles) await copyFile(join(ARCHIVE_DIR, file), join(dir, TEXTS_FOLDER, file))

      const services = await openLibraryServices(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
      const onDisk = await services.store.snapshot()
      const files = await recordsOnDisk(dir, onDisk)
      expect(files.manifest).toEqual({ format: 'liner-notes-library', schemaVersion: 5, preferences: v3.preferences })
      expect(byId(files.highlights)).toEqual(byId(onDisk.highlights))
      expect(files.themes).toEqual(onDisk.themes)
      // Not re-seeded: the user's codebook (with the sub-theme they added) is the one kept.
      expect(onDisk.themes.map(asStoredInV4)).toEqual(v3.themes)
      expect(onDisk.notes).toEqual([])
      expect(await readFile(join(dir, 'library.v3.backup.json'), 'utf8')).toBe(v3Text)

      // The migrated highlights still anchor on their texts, the corrected one included, and take notes.
      for (const article of onDisk.articles) {
        const detail = await services.handlers['articles:get']({ id: article.id })
        expect(detail.highlights.every((h) => h.anchor?.method === 'position')).toBe(true)
      }
      const [first] = onDisk.highlights
      const note = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'His first feature.' }] }] }
      const noted = await services.handlers['highlights:set-note']({ id: first!.id, note })
      expect(withoutRev(noted)).toEqual(withoutRev({ ...first!, note, updatedAt: fixedNow() }))
      await services.handlers['articles:set-memo']({ id: first!.articleId, memo: EMPTY_DOC })
      await services.handlers['notes:create']({ title: 'Fathers and sons' })

      // Opened again, it is current and is not migrated (or backed up) a second time.
      await rm(join(dir, 'library.v3.backup.json'))
      const again = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
      await again.whenLoaded()
      expect(again.highlight(first!.id)?.note).toEqual(note)
      expect([...again.notes()].map((n) => n.title)).toEqual(['Fathers and sons'])
      expect(await readdir(dir)).not.toContain('library.v3.backup.json')
    }))

  it('opening an older library migrates it on disk and keeps the old file as a backup', () =>
    withTempDir(async (dir) => {
      await copyFile(V1_FILE, join(dir, LIBRARY_FILE))
      const store = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR })
      expect(store.articles().map((a) => a.meta.outlet)).toEqual(['Collider', 'The Knockturnal'])
      expect(JSON.parse(await readFile(join(dir, LIBRARY_FILE), 'utf8'))).toMatchObject({ schemaVersion: 5 })
      expect(await readFile(join(dir, 'library.v1.backup.json'), 'utf8')).toBe(await readFile(V1_FILE, 'utf8'))
      // A version-1 library had no codebook: it gets the starting one.
      expect(store.themes()).toHaveLength(7)
    }))

  it.each([
    ['no schema version', { articles: [] }, /no schema version/],
    ['a version-1 file of the wrong shape', { schemaVersion: 1, articles: [{ id: 7 }] }, /does not match schema version 1/],
    ['a version-2 file without articles', { schemaVersion: 2, preferences: {} }, /does not match schema version 2/],
    ['a version-3 file without highlights', { schemaVersion: 3, articles: [], themes: [], preferences: {} }, /does not match schema version 3/],
    ['a version-2 file with a broken article', { schemaVersion: 2, articles: [{ id: 'a', meta: {} }], preferences: { textSize: 19, appearance: 'system' } }, /expected shape/],
    ['a current file of the wrong shape', { schemaVersion: CURRENT_SCHEMA_VERSION, articles: 'none' }, /expected shape/]
  ])('refuses %s with a readable message', (_name, raw, message) => {
    expect(() => migrate(raw)).toThrow(message)
  })
})

describe('migrating a one-file library to record files (schema 4 to 5)', () => {
  it('splits a real version-4 library into record files with every record, keeping the old file as library.v4.backup.json', () =>
    withTempDir(async (dir) => {
      const v4Text = await oneFileLibrary(dir, V4_FILE)
      const v4 = LibraryData.parse(JSON.parse(v4Text))
      // The fixture holds what the split must carry: notes, a memo, a note on a highlight, a corrected text.
      expect(v4.notes).toHaveLength(2)
      expect(v4.articles.filter((a) => a.memo !== null)).toHaveLength(1)
      expect(v4.highlights.filter((h) => h.note !== null)).toHaveLength(1)
      const corrected = v4.articles.find((a) => a.correctedText !== null)!

      const store = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
      await store.whenLoaded()
      expect(store.quarantined).toEqual([])
      const snapshot = await store.snapshot()
      expect(snapshot.articles.map(asStoredInV4)).toEqual(v4.articles)
      expect(snapshot.themes.map(withoutRev)).toEqual(v4.themes)
      expect(byId(snapshot.highlights.map(withoutRev))).toEqual(byId(v4.highlights))
      expect(byId(snapshot.notes.map(asStoredInV4))).toEqual(byId(v4.notes))
      expect(snapshot.preferences).toEqual(v4.preferences)
      // The list's facts are of the text shown: the correction where there is one.
      expect(store.article(corrected.id)?.facts).toEqual(factsOf(corrected.correctedText))

      // On disk as record files, each holding what memory holds, and the old file kept byte for byte.
      const files = await recordsOnDisk(dir, snapshot)
      expect(files.manifest).toEqual({ format: 'liner-notes-library', schemaVersion: 5, preferences: v4.preferences })
      expect(files.articles).toEqual(snapshot.articles)
      expect(files.themes).toEqual(snapshot.themes)
      expect(byId(files.highlights)).toEqual(byId(snapshot.highlights))
      expect(byId(files.notes)).toEqual(byId(snapshot.notes))
      expect(await readFile(join(dir, 'library.v4.backup.json'), 'utf8')).toBe(v4Text)
      await store.close()

      // Opened again it is current: read from its record files, not migrated or backed up a second time.
      await rm(join(dir, 'library.v4.backup.json'))
      const before = await folderFingerprint(dir)
      const again = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
      // Notes and highlights load from their files in file order; what matters is that each is the same.
      const ordered = (data: LibraryData) => ({ ...data, highlights: byId(data.highlights), notes: byId(data.notes) })
      expect(ordered(await again.snapshot())).toEqual(ordered(snapshot))
      expect(await folderFingerprint(dir)).toBe(before)
    }))

  it.each([
    ['a highlight without its quote', (v4: { highlights: Record<string, unknown>[] }) => delete v4.highlights[0]!.quote],
    ['notes that are not a list', (v4: { notes: unknown }) => (v4.notes = 'none')],
    ['torn JSON', null]
  ])('leaves a version-4 library with %s exactly as it was, and says why', (_name, spoil) =>
    withTempDir(async (dir) => {
      const v4Text = await oneFileLibrary(dir, V4_FILE)
      const raw = JSON.parse(v4Text) as { highlights: Record<string, unknown>[]; notes: unknown }
      if (spoil) spoil(raw)
      await writeFile(join(dir, LIBRARY_FILE), spoil ? JSON.stringify(raw, null, 2) : v4Text.slice(0, 900))
      const before = await folderFingerprint(dir)
      await expect(LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })).rejects.toThrow(/cannot be read|not valid JSON/)
      expect(await folderFingerprint(dir)).toBe(before)
    }))

  // Fails today: adopt() (store.ts) writes library.v4.backup.json before it checks that every id can name a
  // file, so a library refused for an id like "my article" is left with a backup file it did not have.
  // Reported, not fixed here.
  it('leaves a version-4 library whose ids cannot name files exactly as it was', () =>
    withTempDir(async (dir) => {
      const v4Text = await oneFileLibrary(dir, V4_FILE)
      const raw = JSON.parse(v4Text) as { notes: { id: string }[] }
      raw.notes[0]!.id = 'my note'
      await writeFile(join(dir, LIBRARY_FILE), JSON.stringify(raw, null, 2))
      const before = await folderFingerprint(dir)
      await expect(LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })).rejects.toThrow(/cannot be upgraded: the id “.*” cannot name a file/)
      expect(await folderFingerprint(dir)).toBe(before)
    }))
})
