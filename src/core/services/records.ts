// Finding records by id inside the library data, with the "not in the library" error a person reads when
// a request names something that is gone. Shared by the services, which all look records up the same way.
import type { Article, Highlight, LibraryData, Note, Theme } from '../../shared/model'
import { LibraryError, notFound } from '../library/errors'

/** The record called `id`, or the error naming what is missing: "Article “…” is not in the library". */
function requireRecord<T extends { id: string }>(records: readonly T[], id: string, kind: string): T {
  const record = records.find((r) => r.id === id)
  if (!record) throw notFound(`${kind} “${id}”`)
  return record
}

export const requireArticle = (data: Pick<LibraryData, 'articles'>, id: string): Article => requireRecord(data.articles, id, 'Article')
export const requireHighlight = (data: Pick<LibraryData, 'highlights'>, id: string): Highlight => requireRecord(data.highlights, id, 'Highlight')
export const requireTheme = (data: Pick<LibraryData, 'themes'>, id: string): Theme => requireRecord(data.themes, id, 'Theme')
export const requireNote = (data: Pick<LibraryData, 'notes'>, id: string): Note => requireRecord(data.notes, id, 'Note')

/** The ids without repeats, in the order first given; every one must name a theme in the library. */
export function existingThemeIds(data: Pick<LibraryData, 'themes'>, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)]
  const known = new Set(data.themes.map((t) => t.id))
  const unknown = unique.filter((id) => !known.has(id))
  if (unknown.length === 1) throw notFound(`Theme “${unknown[0]}”`)
  if (unknown.length > 1) {
    throw new LibraryError('not-found', `The themes ${unknown.map((id) => `“${id}”`).join(', ')} are not in the library.`)
  }
  return unique
}
