// Property-based checks on the archived articles: highlights survive edits elsewhere, tolerate small edits
// to their own words, and come back unanchored (never misplaced) once their paragraph is deleted.
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchor } from './anchor'
import { CONTEXT_LENGTH, describeRange } from './selectors'

const archive = new URL('../../../archive/', import.meta.url)
const articles = readdirSync(archive)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(new URL(name, archive), 'utf8'))

// Modest by default to keep the suite fast; raise ANCHOR_PROPERTY_RUNS for a deeper search locally.
const RUNS = Number(process.env.ANCHOR_PROPERTY_RUNS ?? 150)

interface Range {
  start: number
  end: number
}

/** Replace `deleteCount` characters at `at` with `insert`. */
interface Edit {
  at: number
  deleteCount: number
  insert: string
}

/** An edit before it is placed: where exactly depends on the text and the highlight at that moment. */
interface EditPlan {
  near: boolean
  seed: number
  deleteCount: number
  insertFrom: number
  insertCount: number
}

function pickArticle(index: number): string {
  const text = articles[index % articles.length]
  if (text === undefined) throw new Error('The archive has no articles')
  return text
}

function applyEdit(text: string, { at, deleteCount, insert }: Edit): string {
  return text.slice(0, at) + insert + text.slice(at + deleteCount)
}

/** Where a range ends up after an edit wholly before or wholly after it. */
function shiftRange(range: Range, edit: Edit): Range {
  if (edit.at + edit.deleteCount > range.start) return range
  const delta = edit.insert.length - edit.deleteCount
  return { start: range.start + delta, end: range.end + delta }
}

function countOccurrences(text: string, phrase: string): number {
  let n = 0
  for (let i = text.indexOf(phrase); i !== -1; i = text.indexOf(phrase, i + 1)) n++
  return n
}

/** A reader's selection: the range shrunk until it starts and ends on a non-space character, or null. */
function trimRange(text: string, start: number, end: number): Range | null {
  let s = start
  let e = end
  while (s < e && /\s/.test(text.charAt(s))) s++
  while (e > s && /\s/.test(text.charAt(e - 1))) e--
  return s < e ? { start: s, end: e } : null
}

/** The n-th of the allowed positions in two inclusive zones (either may be empty), or null if none. */
function pickInZones(n: number, zones: readonly [number, number][]): number | null {
  const sizes = zones.map(([lo, hi]) => Math.max(0, hi - lo + 1))
  const total = sizes.reduce((a, b) => a + b, 0)
  if (total === 0) return null
  let k = n % total
  for (const [i, [lo]] of zones.entries()) {
    const size = sizes[i] ?? 0
    if (k < size) return lo + k
    k -= size
  }
  return null
}

/**
 * Places an edit that leaves the highlight's own characters alone. Near edits land within 40 characters
 * of it, so they rewrite its saved context; far edits stay beyond the 2 × CONTEXT_LENGTH characters the
 * context comparison looks at, so they only move things.
 */
function placeEdit(text: string, range: Range, plan: EditPlan): Edit | null {
  const d = plan.deleteCount
  const reach = plan.near ? 40 : Infinity
  const margin = plan.near ? 0 : 2 * CONTEXT_LENGTH
  const before: [number, number] = [Math.max(0, range.start - reach), range.start - margin - d]
  const after: [number, number] = [range.end + margin, Math.min(text.length, range.end + reach) - d]
  const at = pickInZones(plan.seed, [before, after])
  if (at === null) return null
  const from = plan.insertFrom % text.length
  return { at, deleteCount: d, insert: text.slice(from, from + plan.insertCount) }
}

function applyPlans(text: string, range: Range, plans: readonly EditPlan[]): { text: string; range: Range } {
  let current = { text, range }
  for (const plan of plans) {
    const edit = placeEdit(current.text, current.range, plan)
    if (edit === null) continue
    current = { text: applyEdit(current.text, edit), range: shiftRange(current.range, edit) }
  }
  return current
}

// At most two near edits of at most 4 + 4 characters: 16 edited context characters out of at least 32
// saved, which keeps even a short quote's context similarity at 0.5 or above (MIN_CONTEXT_SIMILARITY).
const nearEdit = fc.record({
  near: fc.constant(true),
  seed: fc.nat(),
  deleteCount: fc.integer({ min: 0, max: 4 }),
  insertFrom: fc.nat(),
  insertCount: fc.integer({ min: 0, max: 4 })
})
const farEdit = fc.record({
  near: fc.constant(false),
  seed: fc.nat(),
  deleteCount: fc.integer({ min: 0, max: 40 }),
  insertFrom: fc.nat(),
  insertCount: fc.integer({ min: 0, max: 40 })
})
const editPlans = fc
  .tuple(fc.array(nearEdit, { maxLength: 2 }), fc.array(farEdit, { maxLength: 3 }))
  .chain(([near, far]) => fc.shuffledSubarray([...near, ...far], { minLength: near.length + far.length }))

const highlight = fc.record({
  article: fc.nat({ max: articles.length - 1 }),
  startSeed: fc.nat(),
  length: fc.integer({ min: 1, max: 300 })
})

function chooseHighlight(text: string, startSeed: number, length: number): Range | null {
  const start = startSeed % text.length
  return trimRange(text, start, Math.min(text.length, start + length))
}

describe('anchor, property-based', () => {
  it('re-anchors a highlight exactly after insertions and deletions elsewhere, context included', () => {
    fc.assert(
      fc.property(highlight, editPlans, (h, plans) => {
        const text = pickArticle(h.article)
        const range = chooseHighlight(text, h.startSeed, h.length)
        fc.pre(range !== null)
        const selectors = describeRange(text, range.start, range.end)
        const edited = applyPlans(text, range, plans)
        // Edits that write a fresh copy of the words right next to them make the answer ambiguous.
        fc.pre(countOccurrences(edited.text, selectors.quote.exact) <= countOccurrences(text, selectors.quote.exact))
        const result = anchor(edited.text, selectors)
        expect(result).toMatchObject(edited.range)
        expect(result?.method).not.toBe('fuzzy')
      }),
      { numRuns: RUNS }
    )
  })

  it('anchors, fuzzily and in place, a highlight of 20+ characters with one or two characters changed', () => {
    const innerEdit = fc.record({
      kind: fc.constantFrom('substitute', 'insert', 'delete'),
      seed: fc.nat(),
      char: fc.constantFrom(...'xqzjkXQZJK#')
    })
    fc.assert(
      fc.property(highlight, fc.array(innerEdit, { minLength: 1, maxLength: 2 }), fc.array(farEdit, { maxLength: 2 }), (h, inner, far) => {
        const text = pickArticle(h.article)
        const range = chooseHighlight(text, h.startSeed, h.length)
        fc.pre(range !== null && range.end - range.start >= 20)
        const selectors = describeRange(text, range.start, range.end)
        fc.pre(countOccurrences(text, selectors.quote.exact) === 1)
        let current = { text, range }
        for (const e of inner) {
          const { start, end } = current.range
          // Offsets strictly inside the highlight, so an insertion cannot land just outside it.
          const at = start + 1 + (e.seed % (end - start - 1))
          const edit: Edit =
            e.kind === 'substitute'
              ? { at, deleteCount: 1, insert: current.text.charAt(at) === e.char ? '%' : e.char }
              : e.kind === 'insert'
                ? { at, deleteCount: 0, insert: e.char }
                : { at, deleteCount: 1, insert: '' }
          current = { text: applyEdit(current.text, edit), range: { start, end: end + edit.insert.length - edit.deleteCount } }
        }
        current = applyPlans(current.text, current.range, far)
        fc.pre(!current.text.includes(selectors.quote.exact))
        const expected = current.range
        const result = anchor(current.text, selectors)
        expect(result?.method).toBe('fuzzy')
        if (result === null) return
        expect(result.start).toBeLessThan(expected.end)
        expect(result.end).toBeGreaterThan(expected.start)
        // Boundaries may slide by at most one character per edit: an edit at the edge is ambiguous.
        expect(Math.abs(result.start - expected.start)).toBeLessThanOrEqual(inner.length)
        expect(Math.abs(result.end - expected.end)).toBeLessThanOrEqual(inner.length)
      }),
      { numRuns: RUNS }
    )
  })

  it('returns null once the paragraph is deleted, even beside a look-alike in the original context', () => {
    fc.assert(
      fc.property(highlight, fc.nat(), (h, plantSeed) => {
        const text = pickArticle(h.article)
        const range = chooseHighlight(text, h.startSeed, h.length)
        fc.pre(range !== null)
        const paragraph = enclosingLine(text, range.start)
        const inParagraph = trimRange(text, range.start, Math.min(range.end, paragraph.end))
        fc.pre(inParagraph !== null)
        const selectors = describeRange(text, inParagraph.start, inParagraph.end)
        const { exact, prefix, suffix } = selectors.quote
        const lookAlike = disguise(exact)
        // The look-alike must differ from the quote in over a quarter of its characters (see disguise).
        fc.pre(countOccurrences(lookAlike, '#') > exact.length / 4 + 1)
        const remaining = text.slice(0, paragraph.start) + text.slice(paragraph.end + 1)
        fc.pre(!remaining.includes(exact)) // the words really are gone
        const at = lineStarts(remaining)[plantSeed % lineStarts(remaining).length] ?? 0
        const planted = remaining.slice(0, at) + prefix + lookAlike + suffix + '\n' + remaining.slice(at)
        expect(anchor(planted, selectors)).toBeNull()
      }),
      { numRuns: RUNS }
    )
  })
})

function enclosingLine(text: string, offset: number): Range {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  const newline = text.indexOf('\n', offset)
  return { start, end: newline === -1 ? text.length : newline }
}

function lineStarts(text: string): number[] {
  return [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)]
}

/**
 * Blots out every other word with '#', which never occurs in the articles: each '#' is unmatched in any
 * alignment with the quote, so the look-alike is at least that many edits away from it.
 */
function disguise(quote: string): string {
  let index = 0
  return quote.replace(/[\p{L}\p{N}]+/gu, (word) => (index++ % 2 === 0 ? '#'.repeat(word.length) : word))
}
