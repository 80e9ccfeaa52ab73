// Every analysis as a plain table — a header and rows of text and numbers — written once and used three
// ways: the page's table alternative to each chart (for screen readers and copying), the CSV the page
// saves, and the command line's CSV. So what is exported is exactly what the table shows.
import Papa from 'papaparse'
import type { CooccurrenceMatrix, SpeakerMatrix, ThemeMatrix, WordFrequencies } from '../ipc/analysis'

export type Cell = string | number

export interface AnalysisTable {
  columns: string[]
  rows: Cell[][]
}

/** The label of the totals row closing a theme × article table. */
export const ALL_ARTICLES = 'All articles'

/** Row `row`'s counts, one per theme, as a view into the matrix's counts. */
export function cellsOf(matrix: Pick<ThemeMatrix, 'themes' | 'counts'>, row: number): Uint32Array {
  const width = matrix.themes.length
  return matrix.counts.subarray(row * width, (row + 1) * width)
}

/** One row per article (as the matrix orders them), one column per theme, then the totals row. */
export function matrixTable(matrix: ThemeMatrix): AnalysisTable {
  const columns = ['article', 'article id', 'outlet', 'date', 'kind', ...matrix.themes.map((t) => t.path), 'coded highlights']
  const rows: Cell[][] = matrix.rows.map((r, i) => [r.title, r.articleId, r.outlet, r.date, r.kind, ...cellsOf(matrix, i), r.total])
  rows.push([ALL_ARTICLES, '', '', '', '', ...matrix.totals, matrix.rows.reduce((sum, r) => sum + r.total, 0)])
  return { columns, rows }
}

export function cooccurrenceTable(matrix: CooccurrenceMatrix): AnalysisTable {
  return {
    columns: ['theme', ...matrix.themes.map((t) => t.path)],
    rows: matrix.themes.map((t, i) => [t.path, ...matrix.counts[i]!])
  }
}

export function speakerTable(matrix: SpeakerMatrix): AnalysisTable {
  return {
    columns: ['speaker', 'interviews', 'coded highlights', ...matrix.themes.map((t) => t.path)],
    rows: matrix.speakers.map((s, i) => [s.name, s.articles, s.highlights, ...matrix.counts[i]!])
  }
}

export function wordsTable(frequencies: WordFrequencies): AnalysisTable {
  return {
    columns: ['rank', 'word', 'count'],
    rows: frequencies.words.map((w, i) => [i + 1, w.word, w.count])
  }
}

/**
 * RFC 4180 CSV, records ending in CRLF. A text cell starting with = + - @ tab or CR gets a leading ' so a
 * spreadsheet shows it rather than running it as a formula (a theme or title may start with one).
 */
export function tableCsv(table: AnalysisTable): string {
  return Papa.unparse({ fields: table.columns, data: table.rows }, { newline: '\r\n', escapeFormulae: true }) + '\r\n'
}
