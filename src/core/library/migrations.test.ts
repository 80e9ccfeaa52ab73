import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Article, Highlight, LibraryData, Preferences, Theme } from '../../shared/model'
import { EMPTY_DOC } from '../../shared/note-doc'
import { openLibraryServices } from '../services'
import { LIBRARY_FILE, TEXTS_FOLDER } from './layout'
import { CURRENT_SCHEMA_VERSION, migrate } from './migrations'
import { LibraryStore } from './store'
import { ARCHIVE_DIR, fixedNow, withTempDir } from './test-support'

const V1_FILE = join(import.meta.dirname, 'fixtures', 'library-v1.json')
/** Written by the previous release itself (schema 2): seeded from the archive, two articles edited, preferences set. */
const V2_FILE = join(import.meta.dirname, 'fixtures', 'library-v2.json')
/**
 * Written by the previous release itself (schema 3): seeded, one article retitled, THR's text corrected, a
 * sub-theme added under fatherhood, four highlights (one nested in another) coded and coloured, preferences set.
 */
const V3_FILE = join(import.meta.dirname, 'fixtures', 'library-v3.json')

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
      const onDisk = LibraryData.parse(JSON.parse(await readFile(join(dir, LIBRARY_FILE), 'utf8')))
      expect(onDisk).toEqual(services.store.data)
      expect(onDisk.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
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
      expect(again.data.highlights).toHaveLength(1)
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
      const onDisk = LibraryData.parse(JSON.parse(await readFile(join(dir, LIBRARY_FILE), 'utf8')))
      expect(onDisk).toEqual(services.store.data)
      expect(onDisk.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
      // Not re-seeded: the user's codebook (with the sub-theme they added) is the one kept.
      expect(onDisk.themes).toEqual(v3.themes)
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
      expect(noted).toEqual({ ...first, note, updatedAt: fixedNow() })
      await services.handlers['articles:set-memo']({ id: first!.articleId, memo: EMPTY_DOC })
      await services.handlers['notes:create']({ title: 'Fathers and sons' })

      // Opened again, it is current and is not migrated (or backed up) a second time.
      await rm(join(dir, 'library.v3.backup.json'))
      const again = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
      expect(again.data.highlights[0]?.note).toEqual(note)
      expect(again.data.notes.map((n) => n.title)).toEqual(['Fathers and sons'])
      expect(await readdir(dir)).not.toContain('library.v3.backup.json')
    }))

  it('opening an older library migrates it on disk and keeps the old file as a backup', () =>
    withTempDir(async (dir) => {
      await copyFile(V1_FILE, join(dir, LIBRARY_FILE))
      const store = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR })
      expect(store.data.articles.map((a) => a.meta.outlet)).toEqual(['Collider', 'The Knockturnal'])
      const onDisk = LibraryData.parse(JSON.parse(await readFile(join(dir, LIBRARY_FILE), 'utf8')))
      expect(onDisk.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
      expect(await readFile(join(dir, 'library.v1.backup.json'), 'utf8')).toContain('"schemaVersion": 1')
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
