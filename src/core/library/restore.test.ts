import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createBackup } from '../export/backup'
import { sha256Hex } from './hash'
import { restoreBackup } from './restore'
import { LibraryStore } from './store'
import { ARCHIVE_DIR, fixedNow, withTempDir } from './test-support'

async function backupOf(dir: string): Promise<Uint8Array> {
  const store = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
  await store.update((data) => {
    data.articles[0]!.meta.url = 'https://collider.com/k-pops'
  })
  const texts = new Map<string, Uint8Array>()
  for (const article of store.data.articles) texts.set(article.file, (await store.readOriginalBytes(article))!)
  return createBackup(store.data, texts, { createdAt: fixedNow(), appVersion: 'test' })
}

describe('restoreBackup', () => {
  it('restores into a new folder a library that opens with identical data and texts', () =>
    withTempDir(async (source) =>
      withTempDir(async (target) => {
        const bytes = await backupOf(source)
        await restoreBackup(bytes, join(target, 'restored'))
        const original = await LibraryStore.open(source, { archiveDir: ARCHIVE_DIR })
        const restored = await LibraryStore.open(join(target, 'restored'), { archiveDir: ARCHIVE_DIR })
        expect(restored.data).toEqual(original.data)
        for (const article of restored.data.articles) {
          expect(sha256Hex((await restored.readOriginalBytes(article))!)).toBe(article.sha256)
        }
      })
    ))

  it('restores a text changed outside the app as it was backed up, still flagged as altered', () =>
    withTempDir(async (source) =>
      withTempDir(async (target) => {
        const store = await LibraryStore.open(source, { archiveDir: ARCHIVE_DIR, now: fixedNow })
        const article = store.data.articles[1]!
        await writeFile(join(source, 'texts', article.file), 'Changed in another editor.')
        const texts = new Map<string, Uint8Array>()
        for (const a of store.data.articles) texts.set(a.file, (await store.readOriginalBytes(a))!)
        await restoreBackup(createBackup(store.data, texts, { createdAt: fixedNow(), appVersion: 'test' }), target)
        const restored = await LibraryStore.open(target, { archiveDir: ARCHIVE_DIR })
        expect(await restored.readOriginal(restored.article(article.id)!)).toEqual({ text: 'Changed in another editor.', status: 'altered' })
      })
    ))

  it('refuses a folder that is not empty, leaving it as it was', () =>
    withTempDir(async (source) =>
      withTempDir(async (target) => {
        const bytes = await backupOf(source)
        await writeFile(join(target, 'thesis.md'), 'my chapter')
        await expect(restoreBackup(bytes, target)).rejects.toThrow(/is not empty/)
        expect(await readdir(target)).toEqual(['thesis.md'])
        expect(await readFile(join(target, 'thesis.md'), 'utf8')).toBe('my chapter')
      })
    ))

  it.each([
    ['bytes that are not a zip', new TextEncoder().encode('hello'), /not a zip archive/],
    ['a zip of something else', zipSync({ 'photo.jpg': new Uint8Array([1, 2, 3]) }), /not a Liner Notes backup/i]
  ])('refuses %s with a clear message and writes nothing', (_name, bytes, message) =>
    withTempDir(async (target) => {
      await expect(restoreBackup(bytes, target)).rejects.toThrow(message)
      expect(await readdir(target)).toEqual([])
    })
  )
})
