// The command line beside the app: while the app's core holds a library, a reading command still reads
// it (a consistent snapshot, with the app's acknowledged changes) and writes nothing; a second writer on
// the same folder is refused with the sentence that names the app's process.
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { forkCore } from '../core/host/client'
import { LOCK_FILE } from '../core/library/layout'
import { ARCHIVE_DIR } from '../core/library/test-support'

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'liner-notes.mjs')

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, LINER_NOTES_LIBRARY: '' } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    )
  })
}

describe('the command line while the app has the library open', () => {
  it('reads what the app acknowledged, and a second writer is refused with nothing written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'liner-notes-lock-'))
    const app = forkCore({ libraryDir: dir, archiveDir: ARCHIVE_DIR, holder: 'Liner Notes' })
    try {
      await app.ready()
      const listed = await app.request('articles:list', {})
      const first = (listed as { ok: true; value: { id: string }[] }).value[0]!.id
      const edited = await app.request('articles:update-meta', { id: first, patch: { title: 'Retitled while open' } })
      expect(edited.ok).toBe(true)
      const lock = await readFile(join(dir, LOCK_FILE), 'utf8')

      const list = await cli(['list', '--json', '--library', dir])
      expect(list.code).toBe(0)
      const articles = JSON.parse(list.stdout) as { id: string; title: string }[]
      expect(articles.find((a) => a.id === first)?.title).toBe('Retitled while open')
      // The reader took no lock of its own and left the app's in place.
      expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(lock)

      const second = forkCore({ libraryDir: dir, archiveDir: ARCHIVE_DIR })
      await expect(second.ready()).rejects.toThrow(/^This library is open in Liner Notes \(process \d+\)\. Close it first\.$/)
      await second.close()
      // The app goes on writing after the refusal.
      expect((await app.request('articles:update-meta', { id: first, patch: { outlet: 'Still mine' } })).ok).toBe(true)
    } finally {
      await app.close()
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('liner-notes import', () => {
  it('imports a folder, reports each file in JSON, exits 1 for a refused one, and is refused while the app holds the library', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'liner-notes-import-'))
    const library = join(dir, 'library')
    const saved = join(dir, 'saved')
    await mkdir(saved)
    await writeFile(join(saved, 'review.md'), '---\ntitle: A Drummer Directs\n---\n\nThe film keeps time like a drummer.\n')
    await writeFile(join(saved, 'cover.jpg'), 'not an article')
    try {
      const first = await cli(['import', saved, '--json', '--library', library])
      expect(first.code).toBe(1)
      const outcomes = JSON.parse(first.stdout) as { file: string; status: string; articleId: string | null; title: string | null; message: string }[]
      expect(outcomes).toEqual([
        { file: 'cover.jpg', status: 'refused', articleId: null, title: null, message: expect.stringMatching(/^cover\.jpg is not a format Liner Notes can import/) },
        { file: 'review.md', status: 'imported', articleId: expect.stringMatching(/^a_[0-9a-f]{20}$/), title: 'A Drummer Directs', message: '' }
      ])
      const listed = JSON.parse((await cli(['list', '--json', '--library', library])).stdout) as { id: string; title: string }[]
      expect(listed.find((a) => a.id === outcomes[1]!.articleId)?.title).toBe('A Drummer Directs')

      const again = await cli(['import', join(saved, 'review.md'), '--library', library])
      expect(again.code).toBe(0)
      expect(again.stdout).toMatch(/^duplicate +review\.md: “A Drummer Directs” a_[0-9a-f]{20} — review\.md is already in your library as “A Drummer Directs”\.\n$/)

      const app = forkCore({ libraryDir: library, archiveDir: ARCHIVE_DIR, holder: 'Liner Notes' })
      try {
        await app.ready()
        const refused = await cli(['import', join(saved, 'review.md'), '--library', library])
        expect(refused.code).toBe(1)
        expect(refused.stderr).toMatch(/^This library is open in Liner Notes \(process \d+\)\. Close it first\.\n$/)
      } finally {
        await app.close()
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)

  it('takes this import’s own limits from --max-size and --max-seconds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'liner-notes-import-'))
    const library = join(dir, 'library')
    await writeFile(join(dir, 'long.txt'), 'Words enough to fill a page. '.repeat(75_000))
    try {
      const refused = await cli(['import', join(dir, 'long.txt'), '--max-size', '1', '--max-seconds', '30', '--json', '--library', library])
      expect(refused.code).toBe(1)
      expect(JSON.parse(refused.stdout)).toEqual([
        { file: 'long.txt', status: 'refused', articleId: null, title: null, message: 'long.txt is larger than 1 MB, the most Liner Notes imports at once; it was not read.' }
      ])
      const imported = await cli(['import', join(dir, 'long.txt'), '--max-size', '3', '--json', '--library', library])
      expect(imported.code).toBe(0)
      expect(JSON.parse(imported.stdout)).toMatchObject([{ file: 'long.txt', status: 'imported' }])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
