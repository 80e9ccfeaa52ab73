// Long work can be cancelled: an export or backup stops at its next step, says what was left, and
// writes nothing it had not finished; only one runs at a time.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withTempDir } from '../library/test-support'
import { openTestClient, type TestClient } from './test-client'

describe('cancelling long work', () => {
  it('an export cancelled while it runs writes nothing and says so', () =>
    withTempDir(async (dir) => {
      let client: TestClient | null = null
      const out = join(dir, 'out.csv')
      client = await openTestClient(join(dir, 'library'), {
        effects: {
          dialogs: {
            // The user presses Cancel while the export is under way (here: as soon as it has a destination).
            chooseSavePath: async () => {
              expect(await client!.call('tasks:cancel', {})).toEqual({ cancelled: true })
              return out
            },
            chooseOpenPath: async () => null,
            chooseFolder: async () => null
          }
        }
      })
      const refused = await client.refused('export:run', { scope: { kind: 'library' }, format: 'csv' })
      expect(refused).toEqual({ code: 'cancelled', message: 'The export was cancelled; nothing was written.' })
      expect(existsSync(out)).toBe(false)
      // Nothing is running any more: a cancel now has nothing to stop, and the next export runs.
      expect(await client.call('tasks:cancel', {})).toEqual({ cancelled: false })
      await client.services.close()
    }))

  it('a backup cancelled while it runs leaves no file, and a second long task waits its turn', () =>
    withTempDir(async (dir) => {
      let client: TestClient | null = null
      const out = join(dir, 'backup.zip')
      let second: Awaited<ReturnType<TestClient['refused']>> | null = null
      client = await openTestClient(join(dir, 'library'), {
        effects: {
          dialogs: {
            chooseSavePath: async () => {
              second = await client!.refused('export:run', { scope: { kind: 'library' }, format: 'json' })
              await client!.call('tasks:cancel', {})
              return out
            },
            chooseOpenPath: async () => null,
            chooseFolder: async () => null
          }
        }
      })
      const refused = await client.refused('backup:create', {})
      expect(refused).toEqual({ code: 'cancelled', message: 'The backup was cancelled; nothing was written.' })
      expect(second).toMatchObject({ code: 'conflict', message: expect.stringContaining('Another export, backup or import is still running') })
      expect(existsSync(out)).toBe(false)
      await client.services.close()
    }))
})
