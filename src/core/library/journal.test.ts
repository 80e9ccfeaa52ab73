// The journal that makes a change to several files all-or-nothing: an intent a crash left is replayed on
// open, one that never finished being written is dropped, and a read-only reader sees pending intents
// laid over the files without writing anything.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Highlight, Theme } from '../../shared/model'
import { commitFiles, type FileWrite } from './journal'
import { CODEBOOK_FILE, highlightsFile, JOURNAL_FOLDER } from './layout'
import { LibraryStore } from './store'
import { ARCHIVE_DIR, fixedNow, folderFingerprint, withTempDir } from './test-support'

const COLLIDER = '000_ad238df8b954e232'
const INTERVIEW = '002_28dc0072aca979dd'
const open = (dir: string, readOnly = false) => LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow, readOnly })

function highlight(id: string, articleId: string, themeIds: string[]): Highlight {
  return {
    id,
    articleId,
    quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 1 },
    color: null,
    themeIds,
    note: null,
    createdAt: fixedNow(),
    updatedAt: fixedNow(),
    rev: 1
  }
}

/** A library with two highlights coded "heritage" in two articles, closed. */
async function library(dir: string): Promise<void> {
  const store = await open(dir)
  await store.transact((tx) => {
    tx.putHighlight(highlight('hl-1', COLLIDER, ['theme-heritage']))
    tx.putHighlight(highlight('hl-2', INTERVIEW, ['theme-heritage', 'theme-identity']))
  })
  await store.close()
}

/** The intent a theme delete writes: the codebook without "heritage" and both highlight files without it. */
async function deleteHeritageIntent(dir: string): Promise<FileWrite[]> {
  const codebook = JSON.parse(await readFile(join(dir, CODEBOOK_FILE), 'utf8')) as { themes: Theme[]; tombstones: unknown[] }
  return [
    { path: CODEBOOK_FILE, content: JSON.stringify({ themes: codebook.themes.filter((t) => t.id !== 'theme-heritage'), tombstones: [] }) },
    { path: highlightsFile(COLLIDER), content: JSON.stringify({ articleId: COLLIDER, highlights: [highlight('hl-1', COLLIDER, [])], tombstones: [] }) },
    { path: highlightsFile(INTERVIEW), content: JSON.stringify({ articleId: INTERVIEW, highlights: [highlight('hl-2', INTERVIEW, ['theme-identity'])], tombstones: [] }) }
  ]
}

async function leaveIntent(dir: string, name: string, content: string): Promise<void> {
  await mkdir(join(dir, JOURNAL_FOLDER), { recursive: true })
  await writeFile(join(dir, JOURNAL_FOLDER, name), content)
}

describe('the journal', () => {
  it('a change to several files leaves every file written and no intent behind', () =>
    withTempDir(async (dir) => {
      await library(dir)
      await commitFiles(dir, await deleteHeritageIntent(dir))
      expect(await readdir(join(dir, JOURNAL_FOLDER))).toEqual([])
      const store = await open(dir)
      await store.whenLoaded()
      expect(store.theme('theme-heritage')).toBeNull()
      expect(store.highlightsWithThemes(['theme-heritage'])).toEqual([])
    }))

  it('replays on open an intent a crash left in journal/, then removes it', () =>
    withTempDir(async (dir) => {
      await library(dir)
      await leaveIntent(dir, '000000000000001-000000-1.json', JSON.stringify({ writes: await deleteHeritageIntent(dir) }))
      const store = await open(dir)
      await store.whenLoaded()
      expect(store.theme('theme-heritage')).toBeNull()
      expect(store.highlight('hl-1')?.themeIds).toEqual([])
      expect(store.highlight('hl-2')?.themeIds).toEqual(['theme-identity'])
      expect(store.quarantined).toEqual([])
      expect(await readdir(join(dir, JOURNAL_FOLDER))).toEqual([])
    }))

  it.each([
    ['torn JSON', '{"writes": [{"path": "codebook.json", "content": "{\\"themes'],
    ['the wrong shape', JSON.stringify({ files: [] })],
    ['a path outside the library', JSON.stringify({ writes: [{ path: '../outside.json', content: '{}' }, { path: CODEBOOK_FILE, content: '{}' }] })]
  ])('drops an intent holding %s, changing nothing else', (_name, content) =>
    withTempDir(async (dir) => {
      await library(dir)
      const before = await folderFingerprint(dir)
      await leaveIntent(dir, '000000000000001-000000-1.json', content)
      const store = await open(dir)
      await store.whenLoaded()
      expect(store.theme('theme-heritage')).not.toBeNull()
      expect(store.quarantined).toEqual([])
      expect(await readdir(join(dir, JOURNAL_FOLDER))).toEqual([])
      expect(await folderFingerprint(dir)).toBe(before)
      expect(await readdir(join(dir, '..'))).not.toContain('outside.json')
    }))

  it('a read-only open sees pending intents laid over the files, and writes nothing', () =>
    withTempDir(async (dir) => {
      await library(dir)
      await leaveIntent(dir, '000000000000001-000000-1.json', JSON.stringify({ writes: await deleteHeritageIntent(dir) }))
      const before = await folderFingerprint(dir)
      const reader = await open(dir, true)
      await reader.whenLoaded()
      expect(reader.theme('theme-heritage')).toBeNull()
      expect(reader.highlight('hl-1')?.themeIds).toEqual([])
      expect(reader.highlightsWithThemes(['theme-heritage'])).toEqual([])
      expect(await folderFingerprint(dir)).toBe(before)
    }))
})
