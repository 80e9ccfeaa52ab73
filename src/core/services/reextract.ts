// Reading an imported article's original again (a better extractor, a fixed importer): the new text is
// stored beside the old under a new name, the article points at it, and its highlights are moved onto it
// through the normal anchoring, in one change; those whose words are gone stay, listed as unanchored.
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ParsedRequestOf, ReextractResult } from '../../shared/ipc/contract'
import { extractFile } from '../import/formats'
import type { Extractor } from '../import/import-files'
import { DEFAULT_LIMITS, ImportRefused } from '../import/types'
import { atomicWriteFile } from '../library/atomic-file'
import { LibraryError } from '../library/errors'
import { sha256Hex } from '../library/hash'
import { ORIGINALS_FOLDER, TEXTS_FOLDER } from '../library/layout'
import { factsOf, type LibraryStore } from '../library/store'
import type { ArticleTexts } from './article-texts'
import { moveHighlightsOnto } from './highlight-anchors'
import { requireArticle } from './records'

export async function reextractArticle(store: LibraryStore, texts: ArticleTexts, id: string, extract: Extractor = extractFile): Promise<ReextractResult> {
  await store.whenLoaded()
  const article = requireArticle(store, id)
  const name = article.meta.title || article.id
  if (!article.original) throw new LibraryError('conflict', `“${name}” was not imported from a file, so there is nothing to read again.`)
  const bytes = await store.readFileIn(ORIGINALS_FOLDER, article.original.file)
  if (bytes === null) throw new LibraryError('not-found', `The original file of “${name}” (originals/${article.original.file}) is missing, so it cannot be read again.`)
  let text: string
  let kinds: Record<string, 'heading' | 'quote' | 'list-item'>
  try {
    const extracted = await extract({ name: article.original.name, bytes }, DEFAULT_LIMITS)
    text = extracted.text
    kinds = {}
    extracted.kinds.forEach((kind, line) => {
      if (kind !== 'paragraph') kinds[String(line)] = kind
    })
  } catch (error) {
    throw new LibraryError('conflict', error instanceof ImportRefused ? error.message : `“${name}” could not be read again: ${(error as Error).message}`)
  }
  const encoded = new TextEncoder().encode(text)
  const sha256 = sha256Hex(encoded)
  if (sha256 === article.sha256) return { changed: false, anchored: store.highlightsOfArticle(id).length, unanchored: 0 }
  // A new name, so the old text stays whole until the article no longer points at it.
  const file = `${article.id}-${sha256.slice(0, 12)}.txt`
  await atomicWriteFile(join(store.dir, TEXTS_FOLDER, file), encoded)
  let counts: { anchored: number; unanchored: number }
  try {
    counts = await store.transact((tx) => {
      const current = tx.requireArticle(id)
      tx.putArticle({ ...current, file, sha256, facts: factsOf(current.correctedText ?? text), ...(Object.keys(kinds).length > 0 ? { kinds } : { kinds: undefined }), updatedAt: tx.now })
      // A correction the user made stays what the reader shows; otherwise the highlights move to the new text.
      const shown = current.correctedText ?? text
      return moveHighlightsOnto(tx, id, shown)
    })
  } catch (error) {
    await rm(join(store.dir, TEXTS_FOLDER, file), { force: true })
    throw error
  }
  texts.forget(id)
  await rm(join(store.dir, TEXTS_FOLDER, article.file), { force: true })
  return { changed: true, ...counts }
}

export function reextractServices(store: LibraryStore, texts: ArticleTexts, extract: Extractor = extractFile) {
  return {
    'articles:reextract': ({ id }: ParsedRequestOf<'articles:reextract'>): Promise<ReextractResult> => reextractArticle(store, texts, id, extract)
  }
}
