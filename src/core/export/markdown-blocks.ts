// The building blocks of every Markdown export, as mdast: a highlight (quote, block id, citation,
// themes, colour, link, note), an article's section, the codebook as a nested list.
import type { Heading, Link, List, ListItem, PhrasingContent, RootContent } from 'mdast'
import type { Theme } from '../../shared/model'
import type { NoteDoc } from '../../shared/note-doc'
import { citationLine, quotationCitation, speakerList, type CitationStyle } from '../../shared/citation'
import { formatDate } from '../../shared/dates'
import type { Codebook } from './codebook'
import type { ArticleEntry, PlacedHighlight } from './library-index'
import { highlightBlockId, linerNotesUrl } from './links'
import { blockquoteOf, paragraph, verbatim, voicedBlockquoteOf } from './markdown-syntax'
import { noteToMdast } from './note-markdown'

export interface BlockContext {
  codebook: Codebook
  citationStyle: CitationStyle
  includeNotes: boolean
}

/**
 * One highlight:
 *
 *     > the passage, one paragraph per line of the text
 *
 *     ^hl-<id>
 *
 *     — Speaker, in Outlet, Title, Date
 *
 * A passage two people speak (a question and its answer) is quoted in parts, each opening with its
 * speaker's name in bold, and the citation names both ("— Keshia Hannam and Anderson .Paak, in …").
 *
 *     Themes: #tag #parent/child · Colour: yellow · [Open in Liner Notes](liner-notes://open/…)
 *
 *     …the note…
 *
 * The block id stands on its own line after the quote because Obsidian gives an id written that way to
 * the block before it (a quote, list or table cannot end in one), so `[[file#^hl-…]]` opens the passage.
 */
export function highlightBlocks(placed: PlacedHighlight, label: string, context: BlockContext, depth: number): RootContent[] {
  const { highlight, article } = placed
  const cite = citationLine({ ...article.meta, title: label, speaker: speakerList(placed.speakers) }, context.citationStyle)
  const note = context.includeNotes && highlight.note ? noteBlocks(highlight.note, context, depth) : []
  // A passage spanning a change of speaker is cited as the text says it: each part under its speaker.
  const voiced = placed.voices.length > 1 && placed.speakers.length > 0
  return [
    voiced ? voicedBlockquoteOf(placed.voices) : blockquoteOf(placed.quote),
    paragraph(verbatim(`^${highlightBlockId(highlight.id)}`)),
    paragraph(cite),
    { type: 'paragraph', children: highlightFacts(placed, context.codebook) },
    ...note
  ]
}

/** "Themes: #a #b · Colour: yellow · [Open in Liner Notes](…)", flagged first when unanchored. */
function highlightFacts(placed: PlacedHighlight, codebook: Codebook): PhrasingContent[] {
  const parts: PhrasingContent[][] = []
  if (placed.range === null) parts.push([text('Unanchored: these words are no longer in the article’s text; quoted as saved')])
  else if (placed.article.correctedText !== null) parts.push([text('Quoted from the corrected text (the original differs)')])
  if (placed.themes.length > 0) parts.push([text('Themes: '), ...tagList(placed.themes, codebook)])
  parts.push([text(`Colour: ${colourOf(placed)}`)])
  parts.push([link(linerNotesUrl(placed.article.id, placed.highlight.id), 'Open in Liner Notes')])
  return joinParts(parts, ' · ')
}

/** The highlight's own colour, or the colour it shows in: its first theme's. */
function colourOf(placed: PlacedHighlight): string {
  if (placed.highlight.color !== null) return placed.highlight.color
  // The highlight's own first theme, as the reader colours it (placed.themes is in codebook order).
  const first = placed.highlight.themeIds.map((id) => placed.themes.find((t) => t.id === id)).find((t) => t !== undefined)
  return first ? `${first.color} (from ${first.name})` : 'default'
}

/** Tags separated by spaces, each written verbatim so Obsidian sees `#tag`, never `\#tag`. */
export function tagList(themes: readonly Theme[], codebook: Codebook): PhrasingContent[] {
  return joinParts(
    themes.map((t) => [verbatim(`#${codebook.tag(t.id)}`)]),
    ' '
  )
}

/** The blocks of a note or memo, its headings pushed below `depth`. */
export function noteBlocks(doc: NoteDoc, context: BlockContext, depth: number): RootContent[] {
  return noteToMdast(doc, { headingOffset: depth, cite: (attrs) => quotationCitation(attrs, context.citationStyle) })
}

/**
 * An article: heading, source line, memo, then its highlights separated by rules. `only` limits the
 * highlights (a theme's passages); `depth` is the article heading's level.
 */
export function articleSection(entry: ArticleEntry, context: BlockContext, depth: number, only?: readonly PlacedHighlight[]): RootContent[] {
  const highlights = only ?? entry.highlights
  const memo = context.includeNotes && !only && entry.article.memo ? entry.article.memo : null
  const out: RootContent[] = [heading(depth, entry.label), { type: 'paragraph', children: sourceLine(entry) }]
  if (memo) out.push(heading(depth + 1, 'Memo'), ...noteBlocks(memo, context, depth + 1))
  if (!only) out.push(heading(depth + 1, 'Highlights'))
  // The depth the highlights sit at: under "Highlights", or straight under the article in a theme.
  const within = only ? depth : depth + 1
  if (highlights.length === 0) out.push(paragraph('No highlights.'))
  for (const [i, h] of highlights.entries()) {
    if (i > 0) out.push({ type: 'thematicBreak' })
    for (const block of highlightBlocks(h, entry.label, context, within)) out.push(block)
  }
  return out
}

/** "Collider · Perri Nemiroff · Sep 27, 2024 · interview · https://… · Open in Liner Notes". */
function sourceLine({ article }: ArticleEntry): PhrasingContent[] {
  const { outlet, author, date, kind, url } = article.meta
  const parts: PhrasingContent[][] = [outlet, author, formatDate(date), kind].filter((s) => s !== '').map((s) => [text(s)])
  if (url !== '') parts.push([link(url, url)])
  parts.push([link(linerNotesUrl(article.id), 'Open in Liner Notes')])
  return joinParts(parts, ' · ')
}

/** The codebook as a nested list: "heritage #heritage — description (3 highlights)". */
export function codebookList(codebook: Codebook, counts: ReadonlyMap<string, number>, parentId: string | null = null): List | null {
  const themes = codebook.children(parentId)
  if (themes.length === 0) return null
  const items = themes.map((t): ListItem => {
    const n = counts.get(t.id) ?? 0
    const line: PhrasingContent[] = [text(`${t.name} `), verbatim(`#${codebook.tag(t.id)}`)]
    if (t.description.trim() !== '') line.push(text(` — ${t.description.trim()}`))
    line.push(text(` (${n} ${n === 1 ? 'highlight' : 'highlights'})`))
    const below = codebookList(codebook, counts, t.id)
    return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: line }, ...(below ? [below] : [])] }
  })
  return { type: 'list', ordered: false, spread: false, children: items }
}

export function heading(depth: number, value: string): Heading {
  return { type: 'heading', depth: Math.min(6, Math.max(1, depth)) as Heading['depth'], children: [text(value)] }
}

export function link(url: string, label: string): Link {
  return { type: 'link', url, children: [text(label)] }
}

function text(value: string): PhrasingContent {
  return { type: 'text', value }
}

/** Joins runs with a separator, merging neighbouring text: fewer nodes make for a faster writer. */
function joinParts(parts: readonly PhrasingContent[][], separator: string): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of parts.flatMap((part, i) => (i === 0 ? part : [text(separator), ...part]))) {
    const last = out.at(-1)
    if (last?.type === 'text' && node.type === 'text') out[out.length - 1] = text(last.value + node.value)
    else out.push(node)
  }
  return out
}
