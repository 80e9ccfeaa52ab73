// How a change that spans several files stays all-or-nothing across a crash: the new contents of every
// file are first written, whole and fsynced, as one intent in journal/; then each file is replaced
// atomically; then the intent is removed. On open, an intent still there is replayed (it is complete,
// since it was written atomically), so the change is either wholly applied or, if the intent never
// reached the disk, wholly absent. A change to one file needs no journal: the atomic write is enough.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { atomicWriteFile, removeStaleTemps, replaceFile, syncFolder, TEMP_MARK } from './atomic-file'
import { JOURNAL_FOLDER } from './layout'

/** One file's new content, by its path inside the library folder; null removes the file. */
export interface FileWrite {
  path: string
  content: string | null
}

const Intent = z.object({ writes: z.array(z.object({ path: z.string().min(1), content: z.string().nullable() })) })

let sequence = 0

/**
 * Writes every file of one change durably, through the journal when there is more than one. `before`
 * holds what those files held: if applying fails part-way (a full disk), they are put back and the
 * intent removed, so a change reported as failed never comes back on the next open. It is asked for only
 * then, so an ordinary change never serializes what its files held.
 */
export async function commitFiles(dir: string, writes: readonly FileWrite[], before: () => readonly FileWrite[] = () => []): Promise<void> {
  if (writes.length === 0) return
  for (const write of writes) assertInside(write.path)
  if (writes.length === 1 && writes[0]!.content !== null) {
    await atomicWriteFile(join(dir, writes[0]!.path), writes[0]!.content)
    return
  }
  const journal = join(dir, JOURNAL_FOLDER)
  await mkdir(journal, { recursive: true })
  const name = `${Date.now().toString().padStart(15, '0')}-${String(sequence++).padStart(6, '0')}-${process.pid}.json`
  const intent = join(journal, name)
  await atomicWriteFile(intent, JSON.stringify({ writes }))
  try {
    await applyWrites(dir, writes)
  } catch (error) {
    try {
      await applyWrites(dir, before())
      await rm(intent, { force: true })
      await syncFolder(journal)
    } catch {
      // Putting back failed too (the disk is gone): the intent stays, and the change completes on the next open.
    }
    throw error
  }
  // Removed durably before the next change may start, so an old intent is never replayed over a newer change.
  await rm(intent, { force: true })
  await syncFolder(journal)
}

/** Replays intents a crash left in journal/, oldest first, then removes them. Returns how many there were. */
export async function recoverJournal(dir: string): Promise<number> {
  const intents = await readIntents(dir)
  for (const { path, writes } of intents) {
    if (writes !== null) await applyWrites(dir, writes)
    await rm(path, { force: true })
  }
  if (intents.length > 0) await syncFolder(join(dir, JOURNAL_FOLDER))
  return intents.length
}

/**
 * The writes of intents not yet applied, for a reader that may not write (a read-only command while the
 * app holds the library): it overlays them in memory and so sees each change whole.
 */
export async function pendingWrites(dir: string): Promise<FileWrite[]> {
  return (await readIntents(dir)).flatMap((intent) => intent.writes ?? [])
}

async function readIntents(dir: string): Promise<{ path: string; writes: FileWrite[] | null }[]> {
  const journal = join(dir, JOURNAL_FOLDER)
  let names: string[]
  try {
    names = await readdir(journal)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const intents = []
  for (const name of names.filter((n) => n.endsWith('.json') && !n.includes(TEMP_MARK)).sort()) {
    const path = join(journal, name)
    let writes: FileWrite[] | null = null
    try {
      const parsed = Intent.safeParse(JSON.parse(await readFile(path, 'utf8')))
      if (parsed.success && parsed.data.writes.every((w) => isInside(w.path))) writes = parsed.data.writes
    } catch {
      // An intent is renamed into place whole, so an unreadable one was never part of a change: dropped.
    }
    intents.push({ path, writes })
  }
  return intents
}

/** Each file replaced atomically (temp, fsync, rename); each folder touched fsynced once at the end. */
async function applyWrites(dir: string, writes: readonly FileWrite[]): Promise<void> {
  const folders = new Set<string>()
  for (const { path, content } of writes) {
    const target = join(dir, path)
    folders.add(dirname(target))
    if (content === null) {
      await rm(target, { force: true })
      continue
    }
    await mkdir(dirname(target), { recursive: true })
    await replaceFile(target, content)
  }
  for (const folder of folders) await syncFolder(folder)
}

/** Temporary files a crash left in the library's record folders. */
export async function removeStaleTempsIn(folders: readonly string[]): Promise<void> {
  for (const folder of folders) {
    let names: string[]
    try {
      names = await readdir(folder)
    } catch {
      continue
    }
    for (const name of names) if (name.includes(TEMP_MARK)) await rm(join(folder, name), { force: true })
  }
}

export { removeStaleTemps }

function isInside(path: string): boolean {
  return !path.startsWith('/') && !path.includes('\\') && !path.split('/').some((part) => part === '' || part === '.' || part === '..')
}

function assertInside(path: string): void {
  if (!isInside(path)) throw new Error(`Refusing to write outside the library folder: ${path}`)
}
