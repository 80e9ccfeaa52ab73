// Helpers for tests of the library: a fresh temporary library folder and the bundled archive's path.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ARCHIVE_DIR = resolve(import.meta.dirname, '../../../archive')

export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'liner-notes-test-'))
  try {
    return await use(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** A fixed clock, so records written in tests are predictable. */
export const fixedNow = (): string => '2026-11-21T12:00:00.000Z'
