// The one way the library writes a file: to a temporary file beside it, fsync'd, renamed over the old
// one, then the folder fsync'd, so a crash or power cut leaves either the old or the new file whole.
import { open, rename, rm, readdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'

export const TEMP_MARK = '.tmp-'

export async function atomicWriteFile(path: string, data: string | Uint8Array): Promise<void> {
  await replaceFile(path, data)
  await syncFolder(dirname(path))
}

/**
 * The new content written and fsynced beside the file, then renamed over it; the folder is not fsynced
 * here, so a caller replacing several files in one folder syncs it once (the journal does).
 */
export async function replaceFile(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`
  const handle = await open(temp, 'w', 0o600)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** Makes a rename durable. Some platforms (Windows) cannot open a folder; there rename is durable enough. */
export async function syncFolder(folder: string): Promise<void> {
  let handle
  try {
    handle = await open(folder, 'r')
  } catch {
    return
  }
  try {
    await handle.sync()
  } catch {
    // EISDIR/EPERM on platforms that refuse fsync on a folder: nothing more can be done there.
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
