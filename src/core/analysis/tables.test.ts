// The CSV an analysis saves is its table, cell for cell: the same header, rows and numbers the page's
// table alternative shows, with a text cell a spreadsheet would run as a formula kept as text.
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { cooccurrenceTable, matrixTable, speakerTable, tableCsv, wordsTable, type AnalysisTable } from '../../shared/analysis/tables'
import { withTempDir } from '../library/test-support'
import { openTestClient } from '../services/test-client'
import { addKnownHighlights } from './test-highlights'

function readCsv(csv: string): string[][] {
  return Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data
}

const asText = (table: AnalysisTable): string[][] => [table.columns, ...table.rows.map((row) => row.map(String))]

describe('analysis tables as CSV', () => {
  it('writes every analysis as exactly its table', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      try {
        const { themes } = await addKnownHighlights(client)
        await client.call('themes:update', { id: themes.sons.id, name: '=sons' })
        const tables = {
          matrix: matrixTable(await client.call('analysis:matrix', { rollUp: true })),
          cooccurrence: cooccurrenceTable(await client.call('analysis:cooccurrence', { overlapping: true })),
          speakers: speakerTable(await client.call('analysis:speakers', {})),
          words: wordsTable(await client.call('analysis:words', { scope: { kind: 'library' }, limit: 50 }))
        }
        for (const table of Object.values(tables)) {
          const csv = tableCsv(table)
          expect(csv.endsWith('\r\n')).toBe(true)
          const read = readCsv(csv)
          const expected = asText(table).map((row) => row.map((cell) => (cell.startsWith('=') ? `'${cell}` : cell)))
          expect(read).toEqual(expected)
        }
        expect(tables.matrix.columns).toContain("fatherhood › =sons")
        expect(tables.matrix.rows.at(-1)).toEqual(['All articles', '', '', '', '', 0, 1, 4, 1, 0, 3, 2, 0, 7])
        expect(tables.words.rows[0]).toEqual([1, expect.any(String), expect.any(Number)])
      } finally {
        await client.services.close()
      }
    }))
})
