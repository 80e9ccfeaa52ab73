// A write that fails or is killed part-way must leave a library that opens, with either the old or the
// new data, never a torn file.
import { spawn } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { LibraryData } from '../../shared/model'
import { LIBRARY_FILE } from './layout'
import { LibraryStore } from './store'
import { ARCHIVE_DIR, fixedNow, withTempDir } from './test-support'

const control = vi.hoisted(() => ({ failNextRename: false }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (control.failNextRename) {
        control.failNextRename = false
        throw Object.assign(new Error('disk unplugged'), { code: 'EIO' })
      }
      return actual.rename(from, to)
    }
  }
})

const open = (dir: string) => LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })

describe('interrupted writes', () => {
  it('a write that fails before the rename leaves the old file whole and the data unchanged', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      const before = await readFile(join(dir, LIBRARY_FILE), 'utf8')
      control.failNextRename = true
      await expect(
        store.update((data) => {
          data.articles[0]!.meta.title = 'Never saved'
        })
      ).rejects.toThrow('disk unplugged')
      expect(await readFile(join(dir, LIBRARY_FILE), 'utf8')).toBe(before)
      expect(store.data.articles[0]!.meta.title).not.toBe('Never saved')
      expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([])
      await store.update((data) => {
        data.articles[0]!.meta.title = 'Saved later'
      })
      const saved = LibraryData.parse(JSON.parse(await readFile(join(dir, LIBRARY_FILE), 'utf8')))
      expect(saved.articles[0]!.meta.title).toBe('Saved later')
    }))

  it.each([40, 90, 160])('a process killed %i ms into a stream of saves leaves a library that opens', (delay) =>
    withTempDir(async (dir) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'crash-writer.fixture.ts'), dir, ARCHIVE_DIR], {
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('writing') && resolve())
        child.on('exit', () => reject(new Error(`writer exited early: ${stderr}`)))
      })
      await new Promise((resolve) => setTimeout(resolve, delay))
      const exited = new Promise((resolve) => child.on('exit', resolve))
      child.kill('SIGKILL')
      await exited
      const reopened = await open(dir)
      expect(reopened.data.articles).toHaveLength(5)
      expect(reopened.data.articles[1]!.meta.title).toMatch(/^edit \d+$/)
    }),
    20_000
  )
})
