// Highlights as a spreadsheet: one row per highlight, RFC 4180 CSV (papaparse's unparse: fields holding
// a comma, a double quote or a line break are quoted, quotes doubled; records end in CRLF, §2.1–2.7).
import Papa from 'papaparse'
import { noteText } from '../../shared/note-doc'
import { indexLibrary, type ExportSource, type PlacedHighlight } from './library-index'
import { linerNotesUrl } from './links'

export const CSV_COLUMNS = [
  'id',
  'article id',
  'article',
  'outlet',
  'author',
  'date',
  'speaker',
  'quote',
  'themes',
  'color',
  'note',
  'created',
  'updated',
  'anchored',
  'corrected text',
  'link'
] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]

/** Separates theme names in the one `themes` column. */
export const THEME_SEPARATOR = '; '
/**
 * Between a theme and its parent in the `themes` column, as the app shows the tree: "heritage › roots".
 * Not "/", which a theme's own name may hold: a top-level "heritage/roots" must not read as the sub-theme.
 */
export const THEME_PATH_SEPARATOR = ' › '

export interface CsvOptions {
  /**
   * Starts the text with U+FEFF, the byte-order mark Excel needs to read the file as UTF-8. Other tools
   * (and RFC 4180) do without; default false.
   */
  byteOrderMark?: boolean
  /**
   * Prefixes a field starting with = + - @ tab or CR with a quote mark, so a spreadsheet shows it as text
   * instead of running it as a formula (OWASP "CSV injection"): article text is third-party, so a file can
   * carry a formula its user never wrote. On by default; off gives the raw text (a quote starting with
   * "-" then reads back exactly).
   */
  escapeFormulae?: boolean
}

/** Every highlight of the library, articles in library order and highlights in reading order. */
export function highlightsCsv(source: ExportSource, options: CsvOptions = {}): string {
  const index = indexLibrary(source)
  const rows = index.articleIds.flatMap((id) => {
    const entry = index.article(id)
    const themeName = (themeId: string): string =>
      index.codebook
        .path(themeId)
        .map((t) => t.name)
        .join(THEME_PATH_SEPARATOR)
    return entry ? entry.highlights.map((h) => csvRow(h, entry.label, themeName)) : []
  })
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows.map((row) => CSV_COLUMNS.map((column) => row[column])) },
    { newline: '\r\n', escapeFormulae: options.escapeFormulae ?? true }
  )
  return options.byteOrderMark ? `\uFEFF${csv}` : csv
}

function csvRow(placed: PlacedHighlight, label: string, themeName: (id: string) => string): Record<CsvColumn, string> {
  const { highlight, article } = placed
  return {
    id: highlight.id,
    'article id': article.id,
    article: label,
    outlet: article.meta.outlet,
    author: article.meta.author,
    date: article.meta.date,
    speaker: placed.speakers.join('; '),
    quote: placed.quote,
    themes: placed.themes.map((t) => themeName(t.id)).join(THEME_SEPARATOR),
    color: highlight.color ?? '',
    note: highlight.note ? noteText(highlight.note).trim() : '',
    created: highlight.createdAt,
    updated: highlight.updatedAt,
    anchored: placed.range === null ? 'no' : 'yes',
    // Whether the quote was taken from the user's correction of the text rather than the original.
    'corrected text': placed.range !== null && article.correctedText !== null ? 'yes' : 'no',
    link: linerNotesUrl(article.id, highlight.id)
  }
}
