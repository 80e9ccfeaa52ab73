// The one way the library writes a file: to a temporary file beside it, fsync'd, renamed over the old
// one, then the folder fsync'd, so a crash or power cut leaves either the old or the new file whole.
// A write that cannot be made durable is never acknowledged: every failure is thrown, as a sentence that
// says what is wrong and where (a full disk, a read-only folder), and leaves no temporary file behind.
import { lstat, open, realpath, rename, rm, readdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { fsError } from './errors'

export const TEMP_MARK = '.tmp-'

export async function atomicWriteFile(path: string, data: string | Uint8Array): Promise<void> {
  await replaceFile(path, data)
  await syncFolder(dirname(path))
}

/**
 * The new content written and fsynced beside the file, then renamed over it; the folder is not fsynced
 * here, so a caller replacing several files in one folder syncs it once (the journal does). A file that is
 * a symbolic link (a library.json kept elsewhere and linked in) is written through to the link's target,
 * whose folder is then synced here, so the link stays a link.
 */
export async function replaceFile(path: string, data: string | Uint8Array): Promise<void> {
  const target = await linkTarget(path)
  const temp = `${target}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    const handle = await open(temp, 'w', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, target)
  } catch (error) {
    // A full disk, a read-only folder: nothing half-written stays behind.
    await rm(temp, { force: true }).catch(() => undefined)
    throw fsError(error, path)
  }
  if (target !== path) await syncFolder(dirname(target))
}

/** Where `path` really is when it is a symbolic link; `path` itself otherwise (or when it does not exist yet). */
async function linkTarget(path: string): Promise<string> {
  try {
    if (!(await lstat(path)).isSymbolicLink()) return path
  } catch {
    return path
  }
  try {
    return await realpath(path)
  } catch (error) {
    throw fsError(error, path)
  }
}

/**
 * Platforms that cannot open or fsync a folder at all say so with these codes (Windows: EISDIR, EPERM);
 * there a rename is as durable as it gets. Any other failure (EIO, a disk gone) means the rename may not
 * survive a power cut, so it is thrown and the write is not acknowledged.
 */
const FOLDER_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EINVAL', 'ENOTSUP', 'EBADF'])

/** Makes a rename durable. */
export async function syncFolder(folder: string): Promise<void> {
  let handle
  try {
    handle = await open(folder, 'r')
  } catch (error) {
    if (FOLDER_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) return
    throw fsError(error, folder)
  }
  try {
    await handle.sync()
  } catch (error) {
    if (!FOLDER_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw fsError(error, folder)
  } finally {
    await handle.close()
  }
}

/** Removes temporary files a crash left beside `path`; the real file is untouched. */
export async function removeStaleTemps(path: string): Promise<void> {
  const prefix = basename(path) + TEMP_MARK
  const folder = dirname(path)
  for (const name of await readdir(folder)) {
    if (name.startsWith(prefix)) await rm(join(folder, name), { force: true })
  }
}
