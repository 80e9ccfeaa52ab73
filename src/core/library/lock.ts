// One process writes a library at a time. The writer holds library.lock (created exclusively, holding its
// process id and host); a second writer is refused with a sentence naming the holder. A lock left by a
// process that has died is taken over: removed, created afresh, and read back after a pause, so two
// processes taking over the same stale lock at once cannot both win.
import { open, readFile, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { LibraryError } from './errors'
import { LOCK_FILE } from './layout'

export interface LockOwner {
  pid: number
  host: string
  /** What holds it: "Liner Notes" (the app) or "liner-notes" (the command line). */
  app: string
  since: string
  token: string
}

export interface FolderLock {
  readonly owner: LockOwner
  release(): Promise<void>
}

/** How long a take-over waits before checking that it, and not a rival, holds the lock. */
const SETTLE_MS = 30

export async function acquireLock(dir: string, app: string): Promise<FolderLock> {
  const path = join(dir, LOCK_FILE)
  const owner: LockOwner = { pid: process.pid, host: hostname(), app, since: new Date().toISOString(), token: Math.random().toString(36).slice(2) }
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createExclusive(path, owner)) return held(path, owner)
    const current = await readOwner(path)
    if (current !== null && isAlive(current)) throw lockedBy(current)
    // Stale (its process is gone) or unreadable (a crash while it was being written): take it over.
    await rm(path, { force: true })
    if (!(await createExclusive(path, owner))) continue
    await sleep(SETTLE_MS)
    const after = await readOwner(path)
    if (after?.token === owner.token) return held(path, owner)
    if (after !== null && isAlive(after)) throw lockedBy(after)
  }
  throw new LibraryError('conflict', `The library at ${dir} is being opened by another process right now. Try again in a moment.`)
}

/** The process holding the library, if one that is still running does. */
export async function lockHolder(dir: string): Promise<LockOwner | null> {
  const owner = await readOwner(join(dir, LOCK_FILE))
  return owner !== null && isAlive(owner) ? owner : null
}

export function lockedBy(owner: LockOwner): LibraryError {
  const where = owner.host === hostname() ? '' : ` on ${owner.host}`
  return new LibraryError('conflict', `This library is open in ${owner.app} (process ${owner.pid}${where}). Close it first.`)
}

function held(path: string, owner: LockOwner): FolderLock {
  let released = false
  return {
    owner,
    async release() {
      if (released) return
      released = true
      // Only our own lock is removed: never one a later process took over.
      if ((await readOwner(path))?.token === owner.token) await rm(path, { force: true })
    }
  }
}

async function createExclusive(path: string, owner: LockOwner): Promise<boolean> {
  let handle
  try {
    handle = await open(path, 'wx', 0o644)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    await handle.writeFile(JSON.stringify(owner) + '\n')
    await handle.sync()
  } finally {
    await handle.close()
  }
  return true
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string' || typeof parsed.token !== 'string') return null
    return { pid: parsed.pid, host: parsed.host, app: typeof parsed.app === 'string' ? parsed.app : 'Liner Notes', since: String(parsed.since ?? ''), token: parsed.token }
  } catch {
    return null
  }
}

/**
 * Whether the lock's process still runs. A lock from another host cannot be checked from here and counts
 * as held (a library on a shared drive); signal 0 tests for a process without touching it.
 */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true
  // This very process: a store it opened and never closed (a test reopening a folder). Taken over.
  if (owner.pid === process.pid) return false
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
