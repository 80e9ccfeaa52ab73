// Restoring a backup into a new or empty folder: everything is checked first (the zip, its hashes, the
// library's schema, every text), so a file that is not a good Liner Notes backup changes nothing; then
// the texts are written and the library file last, so a half-restored folder never looks like a library.
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { LibraryData } from '../../shared/model'
import { BackupError, readBackup } from '../export/backup'
import { atomicWriteFile } from './atomic-file'
import { LibraryError } from './errors'
import { LIBRARY_FILE, TEXTS_FOLDER } from './layout'
import { migrate } from './migrations'

export async function restoreBackup(bytes: Uint8Array, targetDir: string): Promise<LibraryData> {
  const { data, texts } = readChecked(bytes)
  await assertEmptyFolder(targetDir)
  const written: string[] = []
  try {
    await mkdir(join(targetDir, TEXTS_FOLDER), { recursive: true })
    for (const article of data.articles) {
      const path = join(targetDir, TEXTS_FOLDER, article.file)
      await atomicWriteFile(path, texts.get(article.file)!)
      written.push(path)
    }
    await atomicWriteFile(join(targetDir, LIBRARY_FILE), JSON.stringify(data, null, 2) + '\n')
  } catch (error) {
    // The folder was empty before: take back what this restore put there.
    await Promise.all(written.map((path) => rm(path, { force: true })))
    await rm(join(targetDir, TEXTS_FOLDER), { recursive: true, force: true })
    throw error
  }
  return data
}

function readChecked(bytes: Uint8Array): { data: LibraryData; texts: Map<string, Uint8Array> } {
  let contents
  try {
    contents = readBackup(bytes)
  } catch (error) {
    if (error instanceof BackupError) throw new LibraryError('invalid-request', error.message)
    throw error
  }
  const { data } = migrate(contents.data)
  for (const article of data.articles) {
    const text = contents.texts.get(article.file)
    // The manifest's hashes already proved each file arrived whole. A text that differs from the hash the
    // library recorded was changed outside the app before the backup; it is restored as it was backed up,
    // and the restored library flags it just as the original library did.
    if (!text) throw new LibraryError('invalid-request', `The backup has no text for the article “${article.meta.title || article.id}” (${article.file}); nothing was restored.`)
  }
  return { data, texts: contents.texts }
}

async function assertEmptyFolder(dir: string): Promise<void> {
  let entries: string[]
  try {
    entries = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      await mkdir(dir, { recursive: true })
      return
    }
    throw error
  }
  if (entries.length > 0) {
    throw new LibraryError('conflict', `${dir} is not empty. Restore a backup into a new or empty folder, so nothing there is overwritten.`)
  }
}
