// The core in its own process, as the app runs it: requests validated and answered there, effects asked
// of the parent, the folder lock held while it runs and let go when it closes.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCK_FILE } from '../library/layout'
import { ARCHIVE_DIR, withTempDir } from '../library/test-support'
import { forkCore } from './client'

describe('the core process', () => {
  it('answers requests, asks the parent for dialogs, and lets go of the library when closed', () =>
    withTempDir(async (dir) => {
      const asked: string[] = []
      const core = forkCore(
        { libraryDir: dir, archiveDir: ARCHIVE_DIR },
        {
          dialogs: {
            chooseSavePath: async ({ suggestedName }) => {
              asked.push(suggestedName)
              return join(dir, 'out.csv')
            },
            chooseOpenPath: async () => null,
            chooseFolder: async () => null
          }
        }
      )
      await core.ready()
      expect(existsSync(join(dir, LOCK_FILE))).toBe(true)
      const list = await core.request('articles:list', {})
      expect(list.ok && (list.value as unknown[]).length).toBe(5)
      const refused = await core.request('articles:get', { id: 42 })
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
      const exported = await core.request('export:run', { scope: { kind: 'library' }, format: 'csv' })
      expect(exported).toMatchObject({ ok: true, value: { path: join(dir, 'out.csv') } })
      expect(asked).toEqual(['liner-notes-library.csv'])
      await core.close()
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
    }), 60_000)

  it('reports why a library cannot be opened', () =>
    withTempDir(async (dir) => {
      const first = forkCore({ libraryDir: dir, archiveDir: ARCHIVE_DIR, holder: 'Liner Notes' })
      await first.ready()
      const second = forkCore({ libraryDir: dir, archiveDir: ARCHIVE_DIR })
      await expect(second.ready()).rejects.toThrow(/This library is open in Liner Notes \(process \d+\)\. Close it first\./)
      await second.close()
      await first.close()
    }), 60_000)
})
