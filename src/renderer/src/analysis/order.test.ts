import { describe, expect, it } from 'vitest'
import type { ThemeMatrix } from '../../../shared/ipc/contract'
import { cellsOf } from '../../../shared/analysis/tables'
import { orderCooccurrence, orderMatrix } from './order'

const theme = (id: string, name: string) => ({ id, name, path: name, color: '#000000', depth: 0 })
const matrix: ThemeMatrix = {
  themes: [theme('h', 'heritage'), theme('f', 'fatherhood'), theme('i', 'identity')],
  rows: [
    { articleId: 'a', title: 'Zebra', untitled: false, outlet: '', date: '2024-02-01', kind: '', total: 3 },
    { articleId: 'b', title: 'apple', untitled: false, outlet: '', date: '2024-01-01', kind: '', total: 5 },
    { articleId: 'c', title: 'Mango', untitled: false, outlet: '', date: '', kind: '', total: 4 }
  ],
  counts: Uint32Array.from([1, 0, 2, 0, 5, 0, 4, 1, 0]),
  totals: [5, 6, 2],
  uncoded: 0,
  rollUp: false
}

describe('orderMatrix', () => {
  it('sorts rows by name, total or one theme, and columns by name or total, moving counts with them', () => {
    const ids = (m: ThemeMatrix): string[] => m.rows.map((r) => r.articleId)
    expect(ids(orderMatrix(matrix, { rows: { by: 'natural' }, direction: 'descending', columns: 'codebook' }))).toEqual(['a', 'b', 'c'])
    expect(ids(orderMatrix(matrix, { rows: { by: 'natural' }, direction: 'ascending', columns: 'codebook' }))).toEqual(['c', 'b', 'a'])
    expect(ids(orderMatrix(matrix, { rows: { by: 'name' }, direction: 'ascending', columns: 'codebook' }))).toEqual(['b', 'c', 'a'])
    expect(ids(orderMatrix(matrix, { rows: { by: 'total' }, direction: 'descending', columns: 'codebook' }))).toEqual(['b', 'c', 'a'])
    expect(ids(orderMatrix(matrix, { rows: { by: 'column', themeId: 'h' }, direction: 'descending', columns: 'codebook' }))).toEqual(['c', 'a', 'b'])
    const byTotal = orderMatrix(matrix, { rows: { by: 'natural' }, direction: 'descending', columns: 'total' })
    expect(byTotal.themes.map((t) => t.id)).toEqual(['f', 'h', 'i'])
    expect(byTotal.totals).toEqual([6, 5, 2])
    expect([...cellsOf(byTotal, 0)]).toEqual([0, 1, 2])
    expect([...byTotal.counts]).toEqual([0, 1, 2, 5, 0, 0, 1, 4, 0])
    const byHeritage = orderMatrix(matrix, { rows: { by: 'column', themeId: 'h' }, direction: 'descending', columns: 'codebook' })
    expect([...cellsOf(byHeritage, 0)]).toEqual([4, 1, 0])
    expect(orderMatrix(matrix, { rows: { by: 'natural' }, direction: 'descending', columns: 'name' }).themes.map((t) => t.name)).toEqual(['fatherhood', 'heritage', 'identity'])
  })

  it('orders a co-occurrence matrix the same way along both sides', () => {
    const m = { themes: matrix.themes, counts: [[5, 1, 0], [1, 6, 2], [0, 2, 2]], rollUp: false, overlapping: false }
    const ordered = orderCooccurrence(m, 'total')
    expect(ordered.themes.map((t) => t.id)).toEqual(['f', 'h', 'i'])
    expect(ordered.counts).toEqual([[6, 1, 2], [1, 5, 0], [2, 0, 2]])
  })
})
