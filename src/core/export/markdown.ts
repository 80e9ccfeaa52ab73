// Markdown exports of one article, one theme, a note, or the whole library (as one file or as a folder
// of files), for Obsidian and any Markdown reader. Every file is YAML front matter plus a syntax tree
// written by markdown-syntax.ts: no content is pasted into Markdown by hand, so quotes read as written.
import type { ListItem, RootContent } from 'mdast'
import type { Note } from '../../shared/model'
import { quotedHighlightIds } from '../../shared/note-doc'
import { DEFAULT_CITATION_STYLE, type CitationStyle } from '../../shared/citation'
import { articleSection, codebookList, heading, link, noteBlocks, type BlockContext } from './markdown-blocks'
import { indexLibrary, type ArticleEntry, type ExportSource, type LibraryIndex, type PlacedHighlight } from './library-index'
import { linerNotesUrl } from './links'
import { paragraph, root, writeMarkdown } from './markdown-syntax'
import { markdownPaths } from './file-names'

export interface MarkdownOptions {
  /** The export time (ISO 8601): the front matter's `exported:` line, the only thing that varies. */
  now: string
  /** How quotations are cited; default 'outlet-title-date'. */
  citationStyle?: CitationStyle
  /** Highlights' notes, article memos and (library scope) the free-standing notes; default true. */
  includeNotes?: boolean
}

export interface MarkdownFile {
  /** Relative, '/'-separated: "Articles/Some title.md". */
  path: string
  content: string
}

export const LIBRARY_TITLE = 'Liner Notes library'

/** One article with its memo and highlights; null when there is no such article. */
export function articleMarkdown(source: ExportSource, articleId: string, options: MarkdownOptions): string | null {
  return articleFile(indexLibrary(source), articleId, options)
}

/** A theme's passages across the archive, sub-themes' included, grouped by article; null for no such theme. */
export function themeMarkdown(source: ExportSource, themeId: string, options: MarkdownOptions): string | null {
  return themeFile(indexLibrary(source), themeId, options)
}

/** A free-standing note; null when there is no such note. */
export function noteMarkdown(source: ExportSource, noteId: string, options: MarkdownOptions): string | null {
  const index = indexLibrary(source)
  const note = index.notes.find((n) => n.id === noteId)
  return note ? noteFile(note, context(index, options), options) : null
}

/** The whole library in one file: codebook, every article with its highlights, then the notes. */
export function libraryMarkdown(source: ExportSource, options: MarkdownOptions): string {
  const index = indexLibrary(source)
  const ctx = context(index, options)
  const entries = allArticles(index)
  const notes = ctx.includeNotes ? index.notes : []
  // Built with concat, not push(...spread): a library's blocks outnumber the arguments a call may take.
  const body = ([heading(1, LIBRARY_TITLE), paragraph(counts(entries, index, notes)), heading(2, 'Codebook')] as RootContent[]).concat(
    codebookBlocks(index, entries),
    heading(2, 'Articles'),
    entries.flatMap((e) => articleSection(e, ctx, 3)),
    ctx.includeNotes ? [heading(2, 'Notes'), ...(notes.length === 0 ? [paragraph('No notes.')] : [])] : [],
    ctx.includeNotes ? notes.flatMap((n) => noteSection(n, ctx, 3)) : []
  )
  return writeMarkdown(root(body), libraryFrontMatter(index, entries, notes, options))
}

/**
 * The whole library as a folder: an index file (with the codebook) linking to one file per article and
 * note. Names come from titles (see file-names.ts), so re-exporting after no renames gives the same
 * paths. Themes get no files here: every passage is tagged, so Obsidian's tag pane already gathers a
 * theme, and a file per theme would write each passage three or four times over (themeMarkdown exports
 * one theme on its own).
 */
export function libraryMarkdownFiles(source: ExportSource, options: MarkdownOptions): MarkdownFile[] {
  const index = indexLibrary(source)
  const ctx = context(index, options)
  const entries = allArticles(index)
  const notes = ctx.includeNotes ? index.notes : []
  const paths = markdownPaths(entries, notes)
  const articles = entries.map((e) => ({ label: e.label, path: paths.article(e.article.id), content: articleFile(index, e.article.id, options) ?? '' }))
  const noteFiles = notes.map((n) => ({ label: noteTitle(n), path: paths.note(n.id), content: noteFile(n, ctx, options) }))
  const body = ([heading(1, LIBRARY_TITLE), paragraph(counts(entries, index, notes)), heading(2, 'Codebook')] as RootContent[]).concat(
    codebookBlocks(index, entries),
    linkSection('Articles', articles),
    linkSection('Notes', noteFiles)
  )
  const home = { path: `${LIBRARY_TITLE}.md`, content: writeMarkdown(root(body), libraryFrontMatter(index, entries, notes, options)) }
  return [home, ...[...articles, ...noteFiles].map(({ path, content }) => ({ path, content }))]
}

/** "## Articles" and a list of links to their files; nothing when there are none. */
function linkSection(title: string, files: readonly { label: string; path: string }[]): RootContent[] {
  if (files.length === 0) return []
  const items = files.map((f): ListItem => ({ type: 'listItem', spread: false, children: [paragraph(link(relativeUrl(f.path), f.label))] }))
  return [heading(2, title), { type: 'list', ordered: false, spread: false, children: items }]
}

/**
 * A relative link to an exported file: percent-encoded (RFC 3986), parentheses included, so no reader
 * has to undo Markdown's backslash escapes inside a link destination.
 */
function relativeUrl(path: string): string {
  return encodeURI(path).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

function context(index: LibraryIndex, options: MarkdownOptions): BlockContext {
  return { codebook: index.codebook, citationStyle: options.citationStyle ?? DEFAULT_CITATION_STYLE, includeNotes: options.includeNotes ?? true }
}

function articleFile(index: LibraryIndex, articleId: string, options: MarkdownOptions): string | null {
  const entry = index.article(articleId)
  if (!entry) return null
  const { meta } = entry.article
  const themes = themesOf(entry.highlights, index)
  const frontMatter = {
    title: entry.label,
    scope: 'article',
    outlet: meta.outlet,
    author: meta.author,
    date: meta.date,
    url: meta.url,
    kind: meta.kind,
    themes: themes.map((id) => index.codebook.pathName(id)),
    tags: themes.map((id) => index.codebook.tag(id)),
    highlights: entry.highlights.length,
    'liner-notes': linerNotesUrl(entry.article.id),
    exported: options.now
  }
  return writeMarkdown(root(articleSection(entry, context(index, options), 1)), frontMatter)
}

function themeFile(index: LibraryIndex, themeId: string, options: MarkdownOptions): string | null {
  const { codebook } = index
  const theme = codebook.get(themeId)
  if (!theme) return null
  const subtree = codebook.subtree(themeId)
  const below = codebook.ordered.filter((t) => t.id !== themeId && subtree.has(t.id))
  const groups = allArticles(index)
    .map((entry) => ({ entry, passages: entry.highlights.filter((h) => h.themes.some((t) => subtree.has(t.id))) }))
    .filter((g) => g.passages.length > 0)
  const ctx = context(index, options)
  const intro: RootContent[] = [heading(1, codebook.pathName(themeId))]
  if (theme.description.trim() !== '') intro.push(paragraph(theme.description.trim()))
  if (below.length > 0) intro.push(paragraph(`Includes the passages of its sub-themes: ${below.map((t) => codebook.pathName(t.id)).join(', ')}.`))
  if (groups.length === 0) intro.push(paragraph('No passages yet.'))
  const body = intro.concat(groups.flatMap(({ entry, passages }) => articleSection(entry, ctx, 2, passages)))
  const frontMatter = {
    title: codebook.pathName(themeId),
    scope: 'theme',
    description: theme.description,
    subthemes: below.map((t) => codebook.pathName(t.id)),
    tags: [themeId, ...below.map((t) => t.id)].map((id) => codebook.tag(id)),
    articles: groups.length,
    highlights: groups.reduce((n, g) => n + g.passages.length, 0),
    exported: options.now
  }
  return writeMarkdown(root(body), frontMatter)
}

function noteFile(note: Note, ctx: BlockContext, options: MarkdownOptions): string {
  const frontMatter = {
    title: noteTitle(note),
    scope: 'note',
    created: note.createdAt,
    updated: note.updatedAt,
    quotations: quotedHighlightIds(note.doc).length,
    exported: options.now
  }
  return writeMarkdown(root(noteSection(note, ctx, 1)), frontMatter)
}

function noteSection(note: Note, ctx: BlockContext, depth: number): RootContent[] {
  return [heading(depth, noteTitle(note)), ...noteBlocks(note.doc, ctx, depth)]
}

function noteTitle(note: Note): string {
  return note.title.trim() || 'Untitled note'
}

function libraryFrontMatter(index: LibraryIndex, entries: readonly ArticleEntry[], notes: readonly Note[], options: MarkdownOptions): Record<string, unknown> {
  return {
    title: LIBRARY_TITLE,
    scope: 'library',
    articles: entries.length,
    themes: index.codebook.ordered.length,
    highlights: entries.reduce((n, e) => n + e.highlights.length, 0),
    notes: notes.length,
    tags: index.codebook.ordered.map((t) => index.codebook.tag(t.id)),
    exported: options.now
  }
}

function counts(entries: readonly ArticleEntry[], index: LibraryIndex, notes: readonly Note[]): string {
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`
  const highlights = entries.reduce((sum, e) => sum + e.highlights.length, 0)
  return [n(entries.length, 'article', 'articles'), n(index.codebook.ordered.length, 'theme', 'themes'), n(highlights, 'highlight', 'highlights'), n(notes.length, 'note', 'notes')].join(' · ')
}

function codebookBlocks(index: LibraryIndex, entries: readonly ArticleEntry[]): RootContent[] {
  const list = codebookList(index.codebook, themeCounts(index, entries))
  return list ? [list] : [paragraph('No themes.')]
}

/** Highlights per theme, counting a sub-theme's passages in its parent too, each highlight once. */
function themeCounts(index: LibraryIndex, entries: readonly ArticleEntry[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const h of entries.flatMap((e) => e.highlights)) {
    const ids = new Set(h.themes.flatMap((t) => index.codebook.path(t.id).map((p) => p.id)))
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

/** The themes used by these highlights, in codebook order. */
function themesOf(highlights: readonly PlacedHighlight[], index: LibraryIndex): string[] {
  const used = new Set(highlights.flatMap((h) => h.themes.map((t) => t.id)))
  return index.codebook.ordered.filter((t) => used.has(t.id)).map((t) => t.id)
}

function allArticles(index: LibraryIndex): ArticleEntry[] {
  return index.articleIds.flatMap((id) => index.article(id) ?? [])
}
