// One writer per library folder, across processes: a second writer is refused with who holds it and writes
// nothing; a lock left by a dead process is taken over; a read-only reader never needs the lock.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LibraryError } from './errors'
import { LOCK_FILE } from './layout'
import { LibraryStore } from './store'
import { ARCHIVE_DIR, fixedNow, folderFingerprint, withTempDir } from './test-support'

const HOLDER = join(import.meta.dirname, 'fixtures', 'hold-library.ts')

/** A child process that opens the library at `dir` and holds it; resolves once it has it. */
async function holdInAnotherProcess(dir: string): Promise<{ child: ChildProcess; pid: number; release: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir, ARCHIVE_DIR, 'liner-notes'], { stdio: ['pipe', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const pid = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /open (\d+)\n/.exec(out)
      if (match) resolve(Number(match[1]))
    })
    child.on('exit', () => reject(new Error(`the holder exited early: ${stderr}`)))
  })
  return {
    child,
    pid,
    release: async () => {
      child.stdin!.write('close\n')
      await exited
    }
  }
}

/** The pid of a process that has just ended: nothing runs under it now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.on('exit', resolve))
  return child.pid!
}

const open = (dir: string) => LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })

describe('the library lock', () => {
  it('refuses a second writer in another process with who holds it, and writes nothing; a reader may still read', () =>
    withTempDir(async (dir) => {
      await (await open(dir)).close()
      const holder = await holdInAnotherProcess(dir)
      try {
        const before = await folderFingerprint(dir)
        const lock = await readFile(join(dir, LOCK_FILE), 'utf8')
        const error = await open(dir).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(LibraryError)
        expect((error as LibraryError).code).toBe('conflict')
        expect((error as LibraryError).message).toBe(`This library is open in liner-notes (process ${holder.pid}). Close it first.`)
        expect(await folderFingerprint(dir)).toBe(before)
        expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(lock)

        const reader = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, readOnly: true })
        expect(reader.articles()).toHaveLength(5)
        await reader.close()
        expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(lock)
      } finally {
        await holder.release()
      }
      // Once the holder has closed, the library opens again.
      const store = await open(dir)
      expect(store.articles()).toHaveLength(5)
      await store.close()
    }), 30_000)

  it('takes over a lock left by a process that has died', () =>
    withTempDir(async (dir) => {
      await (await open(dir)).close()
      const pid = await deadPid()
      await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), app: 'Liner Notes', since: fixedNow(), token: 'stale' }) + '\n')
      const store = await open(dir)
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() })
      await store.close()
      await expect(readFile(join(dir, LOCK_FILE), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' })
    }))

  it('takes over a lock file torn by a crash while it was written', () =>
    withTempDir(async (dir) => {
      await (await open(dir)).close()
      await writeFile(join(dir, LOCK_FILE), '{"pid": 12')
      const store = await open(dir)
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid })
      await store.close()
    }))
})
