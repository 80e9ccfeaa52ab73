import { describe, expect, it } from 'vitest'
import { tableParts, withKeptRow } from './row-window'

// Rows of 50 px in a body that starts 200 px down the page, out of 10,000 rows (500,000 px).
const row = (index: number) => ({ index, start: 200 + index * 50, end: 200 + (index + 1) * 50 })
const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => row(from + i))

describe('tableParts', () => {
  it('shows every row and no gap when all of a short list is in the window', () => {
    expect(tableParts(rows(0, 4), 200, 250)).toEqual([0, 1, 2, 3, 4].map((index) => ({ kind: 'row', index })))
  })

  it('stands a gap in for the rows above and below the window, so the table keeps its full height', () => {
    const parts = tableParts(rows(5000, 5019), 200, 500_000)
    expect(parts[0]).toEqual({ kind: 'gap', key: 'before-5000', size: 250_000 })
    expect(parts.at(-1)).toEqual({ kind: 'gap', key: 'after', size: 500_000 - 5020 * 50 })
    expect(parts.filter((p) => p.kind === 'row')).toHaveLength(20)
    const height = parts.reduce((sum, p) => sum + (p.kind === 'gap' ? p.size : 50), 0)
    expect(height).toBe(500_000)
  })

  it('puts a gap between a kept row and the window', () => {
    const parts = tableParts([row(3), ...rows(100, 101)], 200, 500_000)
    expect(parts.slice(0, 4)).toEqual([
      { kind: 'gap', key: 'before-3', size: 150 },
      { kind: 'row', index: 3 },
      { kind: 'gap', key: 'before-100', size: 96 * 50 },
      { kind: 'row', index: 100 }
    ])
  })

  it('shows the last rows with no gap after them', () => {
    expect(tableParts(rows(9998, 9999), 200, 500_000).at(-1)).toEqual({ kind: 'row', index: 9999 })
  })

  it('is empty for an empty list', () => {
    expect(tableParts([], 200, 0)).toEqual([])
  })
})

describe('withKeptRow', () => {
  it.each([
    [[10, 11, 12], null, [10, 11, 12]],
    [[10, 11, 12], 11, [10, 11, 12]],
    [[10, 11, 12], 3, [3, 10, 11, 12]],
    [[10, 11, 12], 400, [10, 11, 12, 400]],
    [[10, 11, 12], -1, [10, 11, 12]]
  ])('%j keeping %j gives %j', (indexes, kept, expected) => {
    expect(withKeptRow(indexes, kept)).toEqual(expected)
  })
})
