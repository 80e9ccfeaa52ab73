// How an exported quotation names its source: the date as a reader writes it and a citation line in the
// style the user picks. Shared by every exporter so a passage is cited the same way everywhere.
import type { HighlightQuoteAttrs } from '../../shared/note-doc'

/** The citation layouts on offer. A known speaker is put first in every style: "— Speaker, in …". */
export const CITATION_STYLES = ['outlet-title-date', 'outlet-date', 'author-title-outlet-date', 'title-outlet-date'] as const
export type CitationStyle = (typeof CITATION_STYLES)[number]

export interface CitationSource {
  title: string
  outlet: string
  author: string
  /** YYYY-MM-DD or ''. */
  date: string
  /** In an interview, who says the quoted words; null or '' when the text does not say. */
  speaker?: string | null
}

// English month abbreviations as en-US writes them with Intl ("Sep 27, 2024"). Spelled out here so the
// output does not change with the ICU data of the Node or Electron that runs the export.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** "2024-09-27" → "Sep 27, 2024" (a calendar date: no time zone can move it). '' for anything else. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return ''
  const [, year, month, day] = m.map(Number) as [number, number, number, number]
  const check = new Date(Date.UTC(year, month - 1, day))
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return ''
  return `${MONTHS[month - 1]} ${day}, ${year}`
}

/** Words of the text that name an untitled article, as many as the library list shows. */
const OPENING_WORDS = 12

/**
 * The article's title, or, when it has none, its opening words in square brackets — the bibliographic
 * mark of a title supplied by the cataloguer rather than the source.
 */
export function articleLabel(title: string, text: string | null): string {
  if (title.trim() !== '') return title.trim()
  const opening = (text ?? '').trim().split(/\s+/).slice(0, OPENING_WORDS).join(' ')
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
export function quotationCitation(quote: Pick<HighlightQuoteAttrs, 'articleTitle' | 'outlet' | 'date' | 'speaker'>, style: CitationStyle): string {
  return citationLine({ title: quote.articleTitle, outlet: quote.outlet, author: '', date: quote.date, speaker: quote.speaker ?? null }, style)
}
