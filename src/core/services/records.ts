// Finding records by id, with the "not in the library" error a person reads when a request names something
// that is gone. Works on the store and on a transaction alike, which both look records up by id.
import type { Article, Highlight, Note, Theme } from '../../shared/model'
import { LibraryError, notFound } from '../library/errors'

interface Lookup {
  article(id: string): Article | null
  highlight(id: string): Highlight | null
  theme(id: string): Theme | null
  note(id: string): Note | null
}

export const requireArticle = (from: Pick<Lookup, 'article'>, id: string): Article => from.article(id) ?? missing(`Article “${id}”`)
export const requireHighlight = (from: Pick<Lookup, 'highlight'>, id: string): Highlight => from.highlight(id) ?? missing(`Highlight “${id}”`)
export const requireTheme = (from: Pick<Lookup, 'theme'>, id: string): Theme => from.theme(id) ?? missing(`Theme “${id}”`)
export const requireNote = (from: Pick<Lookup, 'note'>, id: string): Note => from.note(id) ?? missing(`Note “${id}”`)

function missing(what: string): never {
  throw notFound(what)
}

/** The ids without repeats, in the order first given; every one must name a theme in the library. */
export function existingThemeIds(from: Pick<Lookup, 'theme'>, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)]
  const unknown = unique.filter((id) => from.theme(id) === null)
  if (unknown.length === 1) throw notFound(`Theme “${unknown[0]}”`)
  if (unknown.length > 1) {
    throw new LibraryError('not-found', `The themes ${unknown.map((id) => `“${id}”`).join(', ')} are not in the library.`)
  }
  return unique
}
