// How a quotation names its source: a citation line in the style the user picks. Shared by every exporter
// and by the note editor, so a passage is cited the same way on screen and in every file.
import { formatDate } from './dates'
import type { HighlightQuoteAttrs } from './note-doc'
import { inQuotes, openingWords } from './text'

/** The citation layouts on offer; the first is the default. A known speaker is put first in every style: "— Speaker, in …". */
export const CITATION_STYLES = ['outlet-title-date', 'outlet-date', 'author-title-outlet-date', 'title-outlet-date'] as const
export type CitationStyle = (typeof CITATION_STYLES)[number]
export const DEFAULT_CITATION_STYLE: CitationStyle = CITATION_STYLES[0]

export interface CitationSource {
  title: string
  outlet: string
  author: string
  /** YYYY-MM-DD or ''. */
  date: string
  /** In an interview, who says the quoted words; null or '' when the text does not say. */
  speaker?: string | null
}

/**
 * The article's title, or, when it has none, its opening words in square brackets — the bibliographic
 * mark of a title supplied by the cataloguer rather than the source.
 */
export function articleLabel(title: string, text: string | null): string {
  if (title.trim() !== '') return title.trim()
  const opening = openingWords(text ?? '')
  return opening === '' ? '[Untitled article]' : `[${opening}…]`
}

/** The words after the dash, without it: "Anderson .Paak, in Collider, Sep 27, 2024". */
export function citationText(source: CitationSource, style: CitationStyle): string {
  const chosen = styleFields(source, style).filter((f) => f.trim() !== '')
  // A style whose fields are all empty (an untitled Q&A with no outlet or date) still names the article.
  const fields = chosen.length === 0 && source.title.trim() !== '' ? [source.title] : chosen
  const speaker = source.speaker?.trim() ?? ''
  if (speaker === '') return fields.join(', ')
  return fields.length === 0 ? speaker : `${speaker}, in ${fields.join(', ')}`
}

/** Speakers named in prose: "A", "A and B", "A, B and C"; '' for none. */
export function speakerList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** The citation line under a quotation: "— Collider, ‘K-Pops!’ …, Sep 27, 2024". */
export function citationLine(source: CitationSource, style: CitationStyle): string {
  const text = citationText(source, style)
  return `— ${text === '' ? 'source unknown' : text}`
}

function styleFields({ title, outlet, author, date }: CitationSource, style: CitationStyle): string[] {
  const when = formatDate(date)
  switch (style) {
    case 'outlet-title-date':
      return [outlet, title, when]
    case 'outlet-date':
      return [outlet, when]
    case 'author-title-outlet-date':
      return [author, title, outlet, when]
    case 'title-outlet-date':
      return [title, outlet, when]
  }
}

/** The citation line under a quotation inside a note, from what the quotation keeps of its source. */
export function quotationCitation(
  quote: Pick<HighlightQuoteAttrs, 'articleTitle' | 'outlet' | 'date' | 'speaker'>,
  style: CitationStyle = DEFAULT_CITATION_STYLE
): string {
  return citationLine({ title: quote.articleTitle, outlet: quote.outlet, author: '', date: quote.date, speaker: quote.speaker ?? null }, style)
}

/**
 * A quotation with its citation, for the clipboard: plain text (“…” — Speaker, in Outlet, Date) or
 * Markdown (a block quote, the citation under it, and a link back to the passage).
 */
export function quotationWithCitation(quote: string, source: CitationSource, format: 'text' | 'markdown', link: string, style: CitationStyle = DEFAULT_CITATION_STYLE): string {
  const cite = citationLine(source, style)
  if (format === 'text') return `${inQuotes(quote)} ${cite}`
  const lines = quote.split('\n').map((line) => `> ${line.replace(/^([#>*+-]|\d+\.)(\s)/, '\\$1$2')}`)
  return `${lines.join('\n')}\n>\n> ${cite} ([open](${link}))\n`
}
