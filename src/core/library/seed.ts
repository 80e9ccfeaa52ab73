// First run: copy the bundled archive's texts into a new library, checking each against the hash in
// the catalogue, and build the library's first records from the catalogue's metadata.
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ArticleMeta, DEFAULT_PREFERENCES, HexColor, type LibraryData, type Theme } from '../../shared/model'
import { atomicWriteFile } from './atomic-file'
import { sha256Hex } from './hash'
import { LibraryError } from './errors'
import { TEXTS_FOLDER } from './layout'

const CatalogueEntry = ArticleMeta.extend({
  file: z.string().regex(/^[\w.-]+\.txt$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/)
})
const Catalogue = z.object({ articles: z.array(CatalogueEntry) })

const Codebook = z.object({ themes: z.array(z.object({ name: z.string().min(1), color: HexColor, description: z.string() })) })

async function readArchiveJson<T>(archiveDir: string, name: string, schema: z.ZodType<T>): Promise<T> {
  const path = join(archiveDir, name)
  try {
    return schema.parse(JSON.parse(await readFile(path, 'utf8')))
  } catch (error) {
    throw new LibraryError('library-unreadable', `The bundled archive's ${name} (${path}) cannot be read: ${(error as Error).message}`)
  }
}

/** A codebook theme's id, derived from its name so seeding twice gives the same ids: "theme-korean-roots". */
export function themeIdFor(name: string): string {
  return `theme-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`
}

/** The starting codebook as themes, with ids derived from their names (themeIdFor). */
export async function readCodebook(archiveDir: string, now: string): Promise<Theme[]> {
  const codebook = await readArchiveJson(archiveDir, 'codebook.json', Codebook)
  return codebook.themes.map(({ name, color, description }) => ({
    id: themeIdFor(name),
    name,
    color,
    description,
    parentId: null,
    createdAt: now,
    updatedAt: now
  }))
}

export async function readCatalogue(archiveDir: string): Promise<z.infer<typeof Catalogue>> {
  return readArchiveJson(archiveDir, 'catalogue.json', Catalogue)
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
      meta: { title, outlet, author, date, url, kind },
      correctedText: null,
      memo: null
    })
  }
  return {
    schemaVersion: 4,
    articles,
    themes: await readCodebook(archiveDir, now),
    highlights: [],
    notes: [],
    preferences: DEFAULT_PREFERENCES
  }
}
