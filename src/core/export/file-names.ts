// File names for a library exported as a folder: readable (from titles), legal on Windows, macOS and
// Linux, usable in Obsidian links, unique per folder, and the same on every export of the same library.
import type { Note } from '../../shared/model'
import type { ArticleEntry } from './library-index'

export interface MarkdownPaths {
  article(id: string): string
  note(id: string): string
}

export const FOLDERS = { articles: 'Articles', notes: 'Notes' } as const

/** Windows refuses these as names whatever the extension. */
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i
/** Keeps paths well under Windows' 260-character limit with room for the folder the user picks. */
const MAX_NAME = 100

export function markdownPaths(entries: readonly ArticleEntry[], notes: readonly Note[]): MarkdownPaths {
  const articles = uniqueNames(entries.map((e) => ({ id: e.article.id, name: e.label })))
  const noteNames = uniqueNames(notes.map((n) => ({ id: n.id, name: n.title.trim() || 'Untitled note' })))
  const pathIn = (folder: string, names: ReadonlyMap<string, string>) => (id: string) => `${folder}/${names.get(id) ?? fileName(id)}.md`
  return { article: pathIn(FOLDERS.articles, articles), note: pathIn(FOLDERS.notes, noteNames) }
}

/**
 * A title as a file name: characters that a file system or an Obsidian link cannot hold
 * (\ / : * ? " < > | # ^ [ ] and control characters) are dropped, spaces collapsed, leading and
 * trailing dots and spaces trimmed, length capped.
 */
export function fileName(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|#^[\]\p{Cc}]/gu, '')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '')
  const capped = Array.from(cleaned).slice(0, MAX_NAME).join('').replace(/[\s.]+$/u, '')
  if (capped === '') return 'Untitled'
  return RESERVED.test(capped) ? `${capped}_` : capped
}

/** Names that would clash in one folder (case-insensitive file systems included) all get their id added. */
function uniqueNames(items: readonly { id: string; name: string }[]): Map<string, string> {
  const named = items.map((i) => ({ id: i.id, name: fileName(i.name) }))
  const uses = new Map<string, number>()
  for (const { name } of named) uses.set(fold(name), (uses.get(fold(name)) ?? 0) + 1)
  return new Map(named.map(({ id, name }) => [id, (uses.get(fold(name)) ?? 0) > 1 ? `${name} (${fileName(id)})` : name]))
}

function fold(name: string): string {
  return name.toLocaleLowerCase('en')
}
