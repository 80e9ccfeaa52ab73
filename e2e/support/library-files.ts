// What the library folder holds, for tests that check the disk: a fingerprint of every record file (to
// prove a refused request wrote nothing), excluding the lock, which only says who has the folder open,
// and the search index, which the core keeps up to date in the background and is not the library's data.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { INDEX_FOLDER, LOCK_FILE } from '../../src/core/library/layout'

export async function folderFingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256')
  const walk = async (folder: string): Promise<void> => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) {
        if (folder !== dir || entry.name !== INDEX_FOLDER) await walk(path)
      }
      else if (entry.name !== LOCK_FILE) hash.update(relative(dir, path)).update('\0').update(await readFile(path)).update('\0')
    }
  }
  await walk(dir)
  return hash.digest('hex')
}
