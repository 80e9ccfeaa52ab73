import { readFile, readdir, writeFile } from 'node:fs/promises'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LibraryData } from '../../shared/model'
import { sha256Hex } from './hash'
import { LibraryError } from './errors'
import { LIBRARY_FILE, TEXTS_FOLDER } from './layout'
import { LibraryStore } from './store'
import { ARCHIVE_DIR, fixedNow, withTempDir } from './test-support'

const open = (dir: string) => LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
const readJson = async (dir: string): Promise<unknown> => JSON.parse(await readFile(join(dir, LIBRARY_FILE), 'utf8'))

describe('LibraryStore', () => {
  it('seeds a new library with the five archive articles, byte for byte', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      expect(store.data.articles).toHaveLength(5)
      for (const article of store.data.articles) {
        const original = await readFile(join(ARCHIVE_DIR, article.file))
        const copy = await readFile(join(dir, TEXTS_FOLDER, article.file))
        expect(copy.equals(original)).toBe(true)
        expect(sha256Hex(copy)).toBe(article.sha256)
      }
      const onDisk = LibraryData.parse(await readJson(dir))
      expect(onDisk.schemaVersion).toBe(4)
      expect(onDisk.articles.map((a) => a.meta.title)[0]).toBe('‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director')
      expect(onDisk.articles.every((a) => a.correctedText === null && a.memo === null)).toBe(true)
      expect(onDisk.themes.map((t) => t.name)).toContain('fatherhood')
      expect(onDisk.themes).toHaveLength(7)
      expect(onDisk.highlights).toEqual([])
      expect(onDisk.notes).toEqual([])
    }))

  it('reads back what it wrote instead of seeding again', () =>
    withTempDir(async (dir) => {
      const first = await open(dir)
      await first.update((data) => {
        data.articles[0]!.meta.outlet = 'Collider (edited)'
      })
      const second = await open(dir)
      expect(second.data).toEqual(first.data)
      expect(second.data.articles[0]!.meta.outlet).toBe('Collider (edited)')
    }))

  it('never alters the bundled archive', () =>
    withTempDir(async (dir) => {
      const before = await Promise.all((await readdir(ARCHIVE_DIR)).map((f) => readFile(join(ARCHIVE_DIR, f), 'utf8')))
      const store = await open(dir)
      await store.update((data) => {
        data.articles[1]!.meta.title = 'A title the text never gave'
      })
      const after = await Promise.all((await readdir(ARCHIVE_DIR)).map((f) => readFile(join(ARCHIVE_DIR, f), 'utf8')))
      expect(after).toEqual(before)
    }))

  it('applies concurrent updates one after another, in order', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      const writes = Array.from({ length: 25 }, (_, i) =>
        store.update((data) => {
          data.articles[0]!.meta.author += String(i % 10)
        })
      )
      await Promise.all(writes)
      const expected = 'Perri Nemiroff' + Array.from({ length: 25 }, (_, i) => String(i % 10)).join('')
      expect(store.data.articles[0]!.meta.author).toBe(expected)
      expect(LibraryData.parse(await readJson(dir)).articles[0]!.meta.author).toBe(expected)
    }))

  it('an edit made just before quitting is on disk once flush() resolves', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      // The edit is not awaited, as when the window closes right after it is sent.
      void store.update((data) => {
        data.articles[2]!.meta.outlet = 'Typed at the last moment'
      })
      await store.flush()
      expect(LibraryData.parse(await readJson(dir)).articles[2]!.meta.outlet).toBe('Typed at the last moment')
    }))

  it('refuses a change that breaks the schema and keeps file and memory as they were', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      const before = await readFile(join(dir, LIBRARY_FILE), 'utf8')
      await expect(
        store.update((data) => {
          data.articles[0]!.meta.date = 'last Tuesday'
        })
      ).rejects.toThrow(/YYYY-MM-DD/)
      expect(await readFile(join(dir, LIBRARY_FILE), 'utf8')).toBe(before)
      expect(store.data.articles[0]!.meta.date).toBe('2024-09-27')
    }))

  it('clears temporary files a crash left behind, without touching the library file', () =>
    withTempDir(async (dir) => {
      await open(dir)
      const before = await readFile(join(dir, LIBRARY_FILE), 'utf8')
      await writeFile(join(dir, `${LIBRARY_FILE}.tmp-999-deadbeef`), '{"schemaVersion": 3, "artic')
      await open(dir)
      expect(await readdir(dir)).not.toContain(`${LIBRARY_FILE}.tmp-999-deadbeef`)
      expect(await readFile(join(dir, LIBRARY_FILE), 'utf8')).toBe(before)
    }))

  it('refuses a library file that is not JSON, and leaves it untouched', () =>
    withTempDir(async (dir) => {
      const broken = '{"schemaVersion": 3, "articles": [ oops'
      await writeFile(join(dir, LIBRARY_FILE), broken)
      const error = await open(dir).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(LibraryError)
      expect((error as LibraryError).code).toBe('library-unreadable')
      expect((error as LibraryError).message).toMatch(/not valid JSON/)
      expect(await readFile(join(dir, LIBRARY_FILE), 'utf8')).toBe(broken)
    }))

  it('refuses a library written by a newer version', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, LIBRARY_FILE), JSON.stringify({ schemaVersion: 99, articles: [] }))
      await expect(open(dir)).rejects.toThrow(/newer version of Liner Notes/)
    }))

  it('reports a missing or altered original instead of failing', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      const [first, second] = store.data.articles
      await rm(join(dir, TEXTS_FOLDER, first!.file))
      await writeFile(join(dir, TEXTS_FOLDER, second!.file), 'changed by another program')
      expect(await store.readOriginal(first!)).toEqual({ text: null, status: 'missing' })
      expect(await store.readOriginal(second!)).toEqual({ text: 'changed by another program', status: 'altered' })
    }))
})
