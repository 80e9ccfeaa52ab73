// Finding records by id inside the library data, with the "not in the library" error a person reads when
// a request names something that is gone. Shared by the services, which all look records up the same way.
import type { Article, Highlight, LibraryData, Note, Theme } from '../../shared/model'
import { LibraryError, notFound } from '../library/errors'

export function requireArticle(data: Pick<LibraryData, 'articles'>, id: string): Article {
  const article = data.articles.find((a) => a.id === id)
  if (!article) throw notFound(`Article “${id}”`)
  return article
}

export function requireHighlight(data: Pick<LibraryData, 'highlights'>, id: string): Highlight {
  const highlight = data.highlights.find((h) => h.id === id)
  if (!highlight) throw notFound(`Highlight “${id}”`)
  return highlight
}

export function requireTheme(data: Pick<LibraryData, 'themes'>, id: string): Theme {
  const theme = data.themes.find((t) => t.id === id)
  if (!theme) throw notFound(`Theme “${id}”`)
  return theme
}

export function requireNote(data: Pick<LibraryData, 'notes'>, id: string): Note {
  const note = data.notes.find((n) => n.id === id)
  if (!note) throw notFound(`Note “${id}”`)
  return note
}

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
