import { copyFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LibraryData } from '../../shared/model'
import { LIBRARY_FILE } from './layout'
import { CURRENT_SCHEMA_VERSION, migrate } from './migrations'
import { LibraryStore } from './store'
import { ARCHIVE_DIR, withTempDir } from './test-support'

const V1_FILE = join(import.meta.dirname, 'fixtures', 'library-v1.json')

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
      }
    })
    expect(data.preferences.textSize).toBeGreaterThan(0)
  })

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
    ['a current file of the wrong shape', { schemaVersion: CURRENT_SCHEMA_VERSION, articles: 'none' }, /expected shape/]
  ])('refuses %s with a readable message', (_name, raw, message) => {
    expect(() => migrate(raw)).toThrow(message)
  })
})
