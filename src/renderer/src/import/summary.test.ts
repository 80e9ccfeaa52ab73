import { describe, expect, it } from 'vitest'
import type { ImportOutcome } from '../../../shared/ipc/contract'
import { headline, inDisplayOrder, mergeSummaries, refusedHere, summarize } from './summary'

const imported = (file: string): ImportOutcome => ({ file, status: 'imported', articleId: `id-${file}`, title: file, message: '' })
const duplicate = (file: string): ImportOutcome => ({ file, status: 'duplicate', articleId: `id-${file}`, title: file, message: `${file} is already in your library.` })

describe('import summary', () => {
  it.each([
    [{ imported: 296, duplicates: 3, refused: 1 }, '296 imported, 3 already in the library, 1 refused'],
    [{ imported: 2, duplicates: 0, refused: 0 }, '2 imported'],
    [{ imported: 0, duplicates: 0, refused: 1 }, '0 imported, 1 refused'],
    [{ imported: 1200, duplicates: 1, refused: 0 }, '1,200 imported, 1 already in the library']
  ])('reads %o as “%s”', (counts, expected) => {
    expect(headline({ outcomes: [], ...counts })).toBe(expected)
  })

  it('lists refused files first, then duplicates, then imported, each group in the order the files came', () => {
    const outcomes = [imported('a.md'), refusedHere('b.jpg', 'no'), duplicate('c.md'), imported('d.txt'), refusedHere('e.png', 'no')]
    expect(inDisplayOrder(outcomes).map((o) => o.file)).toEqual(['b.jpg', 'e.png', 'c.md', 'a.md', 'd.txt'])
  })

  it('merges the summaries of a drop sent in parts, counts recomputed', () => {
    const merged = mergeSummaries(summarize([imported('a.md'), duplicate('b.md')]), summarize([refusedHere('c.jpg', 'no')]))
    expect(merged).toMatchObject({ imported: 1, duplicates: 1, refused: 1 })
    expect(merged.outcomes.map((o) => o.file)).toEqual(['a.md', 'b.md', 'c.jpg'])
  })
})
