// What the one write path promises beyond crash safety: a linked file stays a link and its target gets the
// change; a folder fsync that fails is not acknowledged; a failed write leaves no temporary file; and a
// full disk, a read-only disk, a folder in a file's place reach the user as a sentence saying where.
import { lstat, mkdir, readdir, readFile, rename, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { openTestClient } from '../services/test-client'
import { atomicWriteFile } from './atomic-file'
import { LibraryError } from './errors'
import { articleFile, LIBRARY_FILE } from './layout'
import { withTempDir } from './test-support'

/** `fail`: the system error the next matching call meets; `folderSync`: fsync of a folder fails. */
const control = vi.hoisted(() => ({ fail: null as null | { code: string; on: 'write' | 'open'; match: string }, folderSync: null as string | null }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  const failure = (code: string, path: string) => Object.assign(new Error(`${code}: system error, ${path}`), { code, path })
  return {
    ...actual,
    open: async (path: string, flags?: string, mode?: number) => {
      const fail = control.fail
      if (fail && fail.on === 'open' && String(path).includes(fail.match) && flags === 'w') throw failure(fail.code, String(path))
      const handle = await actual.open(path, flags, mode)
      if (fail && fail.on === 'write' && String(path).includes(fail.match)) {
        handle.writeFile = async () => {
          throw failure(fail.code, String(path))
        }
      }
      if (control.folderSync && flags === 'r' && (await actual.stat(path)).isDirectory()) {
        const code = control.folderSync
        handle.sync = async () => {
          throw failure(code, String(path))
        }
      }
      return handle
    }
  }
})

const COLLIDER = '000_ad238df8b954e232'

async function tempsIn(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((name) => name.includes('.tmp-'))
}

describe('atomicWriteFile', () => {
  it('writes through a symbolic link to its target, and the link stays a link', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'elsewhere'))
      await writeFile(join(dir, 'elsewhere', 'real.json'), 'old')
      await symlink(join(dir, 'elsewhere', 'real.json'), join(dir, 'link.json'))
      await atomicWriteFile(join(dir, 'link.json'), 'new')
      expect((await lstat(join(dir, 'link.json'))).isSymbolicLink()).toBe(true)
      expect(await readFile(join(dir, 'elsewhere', 'real.json'), 'utf8')).toBe('new')
      expect(await tempsIn(dir)).toEqual([])
    }))

  it('does not acknowledge a write whose folder fsync failed', () =>
    withTempDir(async (dir) => {
      control.folderSync = 'EIO'
      try {
        await expect(atomicWriteFile(join(dir, 'a.json'), 'x')).rejects.toThrow(`The disk reported an error reading or writing ${dir}.`)
      } finally {
        control.folderSync = null
      }
    }))

  it('still writes where folders cannot be fsynced at all (Windows says EISDIR or EPERM)', () =>
    withTempDir(async (dir) => {
      control.folderSync = 'EPERM'
      try {
        await atomicWriteFile(join(dir, 'a.json'), 'x')
      } finally {
        control.folderSync = null
      }
      expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('x')
    }))

  it.each([
    ['ENOSPC', 'write', /^The disk holding .+a\.json is full: free some space, then try again\.$/],
    ['EROFS', 'open', /^.+a\.json is on a disk that can only be read, so nothing can be saved there\.$/],
    ['EACCES', 'open', /^Liner Notes is not allowed to use .+a\.json: check the permissions of that file or folder\.$/]
  ] as const)('%s: says what is wrong and where, keeps the old file and leaves no temporary file', (code, on, message) =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.json'), 'old')
      control.fail = { code, on, match: 'a.json' }
      try {
        const error = await atomicWriteFile(join(dir, 'a.json'), 'new').catch((e: unknown) => e)
        expect(error).toBeInstanceOf(LibraryError)
        expect((error as Error).message).toMatch(message)
      } finally {
        control.fail = null
      }
      expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('old')
      expect(await tempsIn(dir)).toEqual([])
    }))

  it('a folder in a file’s place is named as such', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'a.json'))
      await expect(atomicWriteFile(join(dir, 'a.json'), 'x')).rejects.toThrow(`${join(dir, 'a.json')} is a folder where Liner Notes keeps a file.`)
      expect(await tempsIn(dir)).toEqual([])
    }))
})

describe('the library over linked files and a failing disk', () => {
  it('keeps a linked library.json and record file linked, writing the change to their targets', () =>
    withTempDir(async (work) => {
      const dir = join(work, 'library')
      await (await openTestClient(dir)).services.close()
      await mkdir(join(work, 'kept'))
      for (const [file, kept] of [[LIBRARY_FILE, 'library.json'], [articleFile(COLLIDER), 'article.json']] as const) {
        await rename(join(dir, file), join(work, 'kept', kept))
        await symlink(join(work, 'kept', kept), join(dir, file))
      }
      const client = await openTestClient(dir)
      await client.call('preferences:update', { textSize: 24 })
      await client.call('articles:update-meta', { id: COLLIDER, patch: { title: 'Through the link' } })
      await client.services.close()
      for (const file of [LIBRARY_FILE, articleFile(COLLIDER)]) expect((await lstat(join(dir, file))).isSymbolicLink()).toBe(true)
      expect(JSON.parse(await readFile(join(work, 'kept', 'library.json'), 'utf8')).preferences.textSize).toBe(24)
      expect(JSON.parse(await readFile(join(work, 'kept', 'article.json'), 'utf8')).article.meta.title).toBe('Through the link')
    }))

  it('a full disk reaches the user as a sentence, not “internal”, and the library is as it was', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const before = await client.fingerprint()
      control.fail = { code: 'ENOSPC', on: 'write', match: 'articles' }
      try {
        const error = await client.refused('articles:update-meta', { id: COLLIDER, patch: { title: 'Never saved' } })
        expect(error.code).toBe('library-unreadable')
        expect(error.message).toMatch(/^The disk holding .+articles\/000_ad238df8b954e232\.json is full: free some space, then try again\.$/)
      } finally {
        control.fail = null
      }
      expect(await client.fingerprint()).toBe(before)
      expect(await tempsIn(dir)).toEqual([])
      await client.services.close()
    }))
})
