// First run: copy the bundled archive's texts into a new library, checking each against the hash in
// the catalogue, and build the library's first records from the catalogue's metadata.
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ArticleMeta, DEFAULT_PREFERENCES, type LibraryData } from '../../shared/model'
import { atomicWriteFile } from './atomic-file'
import { sha256Hex } from './hash'
import { LibraryError } from './errors'
import { TEXTS_FOLDER } from './layout'

const CatalogueEntry = ArticleMeta.extend({
  file: z.string().regex(/^[\w.-]+\.txt$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/)
})
const Catalogue = z.object({ articles: z.array(CatalogueEntry) })

export async function readCatalogue(archiveDir: string): Promise<z.infer<typeof Catalogue>> {
  const path = join(archiveDir, 'catalogue.json')
  try {
    return Catalogue.parse(JSON.parse(await readFile(path, 'utf8')))
  } catch (error) {
    throw new LibraryError('library-unreadable', `The bundled archive's catalogue ${path} cannot be read: ${(error as Error).message}`)
  }
}

/** Copies the texts (verified) and returns the records to write; the caller writes the library file last. */
export async function seedFromArchive(archiveDir: string, libraryDir: string, now: string): Promise<LibraryData> {
  const catalogue = await readCatalogue(archiveDir)
  const textsDir = join(libraryDir, TEXTS_FOLDER)
  await mkdir(textsDir, { recursive: true })
  const articles = []
  for (const { file, sha256, title, outlet, author, date, url, kind } of catalogue.articles) {
    const bytes = await readFile(join(archiveDir, file))
    if (sha256Hex(bytes) !== sha256) {
      throw new LibraryError('library-unreadable', `The bundled article ${file} does not match its catalogue hash; it was not copied.`)
    }
    await atomicWriteFile(join(textsDir, file), bytes)
    articles.push({
      id: file.replace(/\.txt$/, ''),
      file,
      sha256,
      addedAt: now,
      updatedAt: now,
      meta: { title, outlet, author, date, url, kind }
    })
  }
  return { schemaVersion: 2, articles, preferences: DEFAULT_PREFERENCES }
}
