// The orders a matrix can be read in: rows by the library's order, by name, by their total or by one
// column's count; columns in codebook order, by name or by total. A sorted matrix is a new matrix, so the
// chart, the table and the CSV saved from it all show the same order.
import type { CooccurrenceMatrix, SpeakerMatrix, ThemeMatrix } from '../../../shared/ipc/contract'

export type Direction = 'ascending' | 'descending'
export type RowKey = { by: 'natural' } | { by: 'name' } | { by: 'total' } | { by: 'column'; themeId: string }
export type ColumnKey = 'codebook' | 'name' | 'total'

export interface MatrixOrder {
  rows: RowKey
  direction: Direction
  columns: ColumnKey
}

export const NATURAL_ORDER: MatrixOrder = { rows: { by: 'natural' }, direction: 'descending', columns: 'codebook' }

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** Indexes 0…n-1 ordered by `key`, ties kept in their given order. */
export function orderIndexes(n: number, key: (i: number) => number | string, direction: Direction): number[] {
  const sign = direction === 'ascending' ? 1 : -1
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb))
    return sign * c || a - b
  })
}

/** The column order for these themes and their totals. */
function columnIndexes(names: readonly string[], totals: readonly number[], key: ColumnKey): number[] {
  if (key === 'codebook') return names.map((_, i) => i)
  if (key === 'name') return orderIndexes(names.length, (i) => names[i]!, 'ascending')
  return orderIndexes(names.length, (i) => totals[i]!, 'descending')
}

const pick = <T>(list: readonly T[], order: readonly number[]): T[] => order.map((i) => list[i]!)

/** The matrix with its rows and columns in the order asked for. */
export function orderMatrix(matrix: ThemeMatrix, order: MatrixOrder): ThemeMatrix {
  const width = matrix.themes.length
  const columns = columnIndexes(
    matrix.themes.map((t) => t.name),
    matrix.totals,
    order.columns
  )
  const column = order.rows.by === 'column' ? matrix.themes.findIndex((t) => t.id === (order.rows as { themeId: string }).themeId) : -1
  const rows =
    order.rows.by === 'natural'
      ? order.direction === 'descending'
        ? matrix.rows.map((_, i) => i)
        : matrix.rows.map((_, i) => matrix.rows.length - 1 - i)
      : orderIndexes(
          matrix.rows.length,
          (i) => {
            const row = matrix.rows[i]!
            if (order.rows.by === 'name') return row.title
            if (order.rows.by === 'total') return row.total
            return column < 0 ? 0 : matrix.counts[i * width + column]!
          },
          order.direction
        )
  const counts = new Uint32Array(matrix.counts.length)
  rows.forEach((from, to) => {
    for (let c = 0; c < width; c++) counts[to * width + c] = matrix.counts[from * width + columns[c]!]!
  })
  return { ...matrix, themes: pick(matrix.themes, columns), totals: pick(matrix.totals, columns), rows: pick(matrix.rows, rows), counts }
}

export function orderSpeakers(matrix: SpeakerMatrix, order: MatrixOrder): SpeakerMatrix {
  const totals = matrix.themes.map((_, t) => matrix.counts.reduce((sum, row) => sum + row[t]!, 0))
  const columns = columnIndexes(matrix.themes.map((t) => t.name), totals, order.columns)
  const column = order.rows.by === 'column' ? matrix.themes.findIndex((t) => t.id === (order.rows as { themeId: string }).themeId) : -1
  const rows =
    order.rows.by === 'natural'
      ? matrix.speakers.map((_, i) => i)
      : orderIndexes(
          matrix.speakers.length,
          (i) => (order.rows.by === 'name' ? matrix.speakers[i]!.name : order.rows.by === 'total' ? matrix.speakers[i]!.highlights : matrix.counts[i]![column] ?? 0),
          order.direction
        )
  return { ...matrix, themes: pick(matrix.themes, columns), speakers: pick(matrix.speakers, rows), counts: rows.map((i) => pick(matrix.counts[i]!, columns)) }
}

/** Co-occurrence is square: one order for its rows and its columns. */
export function orderCooccurrence(matrix: CooccurrenceMatrix, key: ColumnKey): CooccurrenceMatrix {
  const totals = matrix.counts.map((row, i) => row[i]!)
  const order = columnIndexes(matrix.themes.map((t) => t.name), totals, key)
  return { ...matrix, themes: pick(matrix.themes, order), counts: order.map((i) => pick(matrix.counts[i]!, order)) }
}
