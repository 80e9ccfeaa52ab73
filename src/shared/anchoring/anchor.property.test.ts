// Property-based checks on the archived articles: highlights survive edits elsewhere, tolerate small edits
// to their own words, and come back unanchored (never misplaced) once their paragraph is deleted.
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchor, IN_PLACE_DISTANCE, MIN_ONE_SIDE_QUOTE_LENGTH, MIN_PASSAGE_SIMILARITY } from './anchor'
import { CONTEXT_LENGTH, describeRange, type Selectors } from './selectors'

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

const WORD_CHARACTER = /[\p{L}\p{N}]/u

/** A selection widened to whole words at both ends, then trimmed as trimRange does. */
function snapToWords(text: string, start: number, end: number): Range | null {
  let s = start
  let e = end
  while (s > 0 && WORD_CHARACTER.test(text.charAt(s - 1)) && WORD_CHARACTER.test(text.charAt(s))) s--
  while (e < text.length && WORD_CHARACTER.test(text.charAt(e - 1)) && WORD_CHARACTER.test(text.charAt(e))) e++
  return trimRange(text, s, e)
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

/**
 * Applies the plans in order. Near edits together change at most `nearBudget` characters (an edit of d
 * deleted and i inserted characters costs d + i, an upper bound on the edit distance it causes).
 */
interface Edited {
  text: string
  range: Range
}

function applyPlans(text: string, range: Range, plans: readonly EditPlan[], nearBudget = 0): Edited {
  let current: Edited = { text, range }
  let budget = nearBudget
  for (const plan of plans) {
    const affordable = plan.near ? clampToBudget(plan, budget) : plan
    const edit = placeEdit(current.text, current.range, affordable)
    if (edit === null) continue
    if (plan.near) budget -= edit.deleteCount + edit.insert.length
    current = { text: applyEdit(current.text, edit), range: shiftRange(current.range, edit) }
  }
  return current
}

function clampToBudget(plan: EditPlan, budget: number): EditPlan {
  const deleteCount = Math.min(plan.deleteCount, budget)
  return { ...plan, deleteCount, insertCount: Math.min(plan.insertCount, budget - deleteCount) }
}

/** What the design promises to absorb: a quarter of the saved passage (1 - MIN_PASSAGE_SIMILARITY). */
function passageBudget({ quote }: Selectors): number {
  return Math.floor((quote.prefix.length + quote.exact.length + quote.suffix.length) * (1 - MIN_PASSAGE_SIMILARITY))
}

// Near edits rewrite the saved context (up to the budget above); far edits only move the highlight.
const nearEdit = fc.record({
  near: fc.constant(true),
  seed: fc.nat(),
  deleteCount: fc.integer({ min: 0, max: 8 }),
  insertFrom: fc.nat(),
  insertCount: fc.integer({ min: 0, max: 8 })
})
const farEdit = fc.record({
  near: fc.constant(false),
  seed: fc.nat(),
  deleteCount: fc.integer({ min: 0, max: 40 }),
  insertFrom: fc.nat(),
  insertCount: fc.integer({ min: 0, max: 40 })
})
const editPlans = fc
  .tuple(fc.array(nearEdit, { maxLength: 3 }), fc.array(farEdit, { maxLength: 3 }))
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
  it('re-anchors a highlight exactly after edits elsewhere, including up to a quarter of its context', () => {
    fc.assert(
      fc.property(highlight, editPlans, (h, plans) => {
        const text = pickArticle(h.article)
        const range = chooseHighlight(text, h.startSeed, h.length)
        // Away from the ends of the text, so both sides of the context are full and weigh the same.
        const margin = 2 * CONTEXT_LENGTH
        fc.pre(range !== null && range.start >= margin && range.end <= text.length - margin)
        const selectors = describeRange(text, range.start, range.end)
        const edited = applyPlans(text, range, plans, passageBudget(selectors))
        fc.pre(isUnambiguous(edited.text, edited.range, selectors))
        const result = anchor(edited.text, selectors)
        const found = result && edited.text.slice(result.start, result.end)
        const why = JSON.stringify({ quote: selectors.quote, found, result, expected: edited.range })
        expect(result, why).toMatchObject(edited.range)
        expect(result?.method, why).not.toBe('fuzzy')
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
    const innerEdits = fc.array(innerEdit, { minLength: 1, maxLength: 2 })
    fc.assert(
      fc.property(highlight, innerEdits, fc.array(farEdit, { maxLength: 2 }), (h, inner, far) => {
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
          const grown = edit.insert.length - edit.deleteCount
          current = { text: applyEdit(current.text, edit), range: { start, end: end + grown } }
        }
        current = applyPlans(current.text, current.range, far)
        fc.pre(!current.text.includes(selectors.quote.exact))
        const expected = current.range
        const result = anchor(current.text, selectors)
        const edited = current.text.slice(expected.start, expected.end)
        const why = JSON.stringify({ quote: selectors.quote, edited, result })
        expect(result?.method, why).toBe('fuzzy')
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
        // Whole words: a look-alike made of blotted words and a quote cut mid-word ("really, r|eally")
        // could otherwise rebuild the quote's tail together with the planted suffix.
        const inParagraph = snapToWords(text, range.start, Math.min(range.end, paragraph.end))
        fc.pre(inParagraph !== null)
        const selectors = describeRange(text, inParagraph.start, inParagraph.end)
        const { exact, prefix, suffix } = selectors.quote
        const lookAlike = disguise(exact)
        // The look-alike must differ from the quote in over a quarter of its characters (see disguise).
        fc.pre(countOccurrences(lookAlike, '#') > exact.length / 4 + 1)
        const remaining = text.slice(0, paragraph.start) + text.slice(paragraph.end + 1)
        const at = lineStarts(remaining)[plantSeed % lineStarts(remaining).length] ?? 0
        const planted = remaining.slice(0, at) + prefix + lookAlike + suffix + '\n' + remaining.slice(at)
        fc.pre(!planted.includes(exact)) // the words really are gone
        const result = anchor(planted, selectors)
        const found = result && planted.slice(result.start, result.end)
        const why = JSON.stringify({ quote: selectors.quote, found })
        expect(result, why).toBeNull()
      }),
      { numRuns: RUNS }
    )
  })
})

describe('anchor, property-based: edits around the quote, pasted copies, short quotes', () => {
  // Edits that may rewrite one side of the context completely: up to 40 characters deleted and 40
  // inserted, starting within 40 characters of the quote, on one side only.
  const sideEdit = fc.record({
    seed: fc.nat(),
    deleteCount: fc.integer({ min: 0, max: 40 }),
    insertFrom: fc.nat(),
    insertCount: fc.integer({ min: 0, max: 40 })
  })

  interface SideEdit {
    seed: number
    deleteCount: number
    insertFrom: number
    insertCount: number
  }

  /** An edit among the 40 characters on one side of `range` (never overlapping it). */
  function placeSideEdit(text: string, range: Range, side: 'before' | 'after', e: SideEdit): Edit | null {
    const d = e.deleteCount
    const zone: [number, number] =
      side === 'before' ? [Math.max(0, range.start - 40), range.start - d] : [range.end, Math.min(text.length, range.end + 40) - d]
    const at = pickInZones(e.seed, [zone])
    if (at === null) return null
    const from = e.insertFrom % text.length
    return { at, deleteCount: d, insert: text.slice(from, from + e.insertCount) }
  }

  it('re-anchors exactly after any edits outside the quote that leave one side of its context whole', () => {
    fc.assert(
      fc.property(
        highlight,
        fc.constantFrom<'before' | 'after'>('before', 'after'),
        fc.array(sideEdit, { minLength: 1, maxLength: 3 }),
        fc.array(farEdit, { maxLength: 3 }),
        (h, side, near, far) => {
          const text = pickArticle(h.article)
          const range = chooseHighlight(text, h.startSeed, h.length)
          const margin = 2 * CONTEXT_LENGTH
          fc.pre(range !== null && range.start >= margin && range.end <= text.length - margin)
          fc.pre(range.end - range.start >= MIN_ONE_SIDE_QUOTE_LENGTH)
          const selectors = describeRange(text, range.start, range.end)
          let current: Edited = { text, range }
          for (const e of near) {
            const edit = placeSideEdit(current.text, current.range, side, e)
            if (edit === null) continue
            current = { text: applyEdit(current.text, edit), range: shiftRange(current.range, edit) }
          }
          current = applyPlans(current.text, current.range, far)
          fc.pre(isUnambiguous(current.text, current.range, selectors))
          const result = anchor(current.text, selectors)
          const found = result && current.text.slice(result.start, result.end)
          const why = JSON.stringify({ quote: selectors.quote, found, result, expected: current.range })
          expect(result, why).toMatchObject(current.range)
          expect(result?.method, why).not.toBe('fuzzy')
        }
      ),
      { numRuns: RUNS }
    )
  })

  it('keeps a highlight on its original, context edited, and never on a pasted copy of its paragraph', () => {
    const contextEdit = fc.record({
      seed: fc.nat(),
      deleteCount: fc.integer({ min: 0, max: 10 }),
      insertFrom: fc.nat(),
      insertCount: fc.integer({ min: 0, max: 10 })
    })
    fc.assert(
      fc.property(
        highlight,
        fc.nat(),
        fc.constantFrom<'before' | 'after'>('before', 'after'),
        fc.array(contextEdit, { minLength: 1, maxLength: 3 }),
        (h, pasteSeed, side, edits) => {
          const text = pickArticle(h.article)
          const range = chooseHighlight(text, h.startSeed, h.length)
          fc.pre(range !== null)
          const line = enclosingLine(text, range.start)
          const inLine = trimRange(text, range.start, Math.min(range.end, line.end))
          fc.pre(inLine !== null)
          // Quotes of a few characters recur within their own paragraph, a character or two apart, and
          // once their context is edited the neighbouring occurrence may fit it as well: not promised.
          fc.pre(inLine.end - inLine.start >= MIN_ONE_SIDE_QUOTE_LENGTH)
          const selectors = describeRange(text, inLine.start, inLine.end)
          // Words the article itself repeats (a photo caption printed twice) are ambiguous without any
          // copy; the copy under test is the pasted one.
          fc.pre(countOccurrences(text, selectors.quote.exact) === 1)
          // The side left as saved must hold context to confirm the original by: a quote opening the text
          // has no prefix at all, and with its suffix edited nothing tells it from the copy.
          fc.pre((side === 'after' ? selectors.quote.prefix : selectors.quote.suffix).length === CONTEXT_LENGTH)
          const paragraph = text.slice(line.start, line.end) + '\n'
          // A copy of a line shorter than this lands within IN_PLACE_DISTANCE of the original, where
          // position cannot tell them apart either.
          fc.pre(paragraph.length > 2 * IN_PLACE_DISTANCE)
          // A copy pasted within a paragraph's length before the original would sit where the original
          // was, with the original's context: no anchoring could tell the two apart.
          const places = lineStarts(text).filter((at) => at <= line.start - paragraph.length || at > line.end)
          fc.pre(places.length > 0)
          const at = places[pasteSeed % places.length] ?? 0
          let current: Edited = {
            text: text.slice(0, at) + paragraph + text.slice(at),
            range: at <= inLine.start ? { start: inLine.start + paragraph.length, end: inLine.end + paragraph.length } : inLine
          }
          const copyStart = at + (inLine.start - line.start)
          let changed = false
          // One side of the original's context is edited; the other stays as saved. (With both sides
          // edited beyond the acceptance floors the original can no longer be confirmed, and a copy far
          // from the stored position may still be chosen: a known limit.)
          for (const e of edits) {
            const edit = placeSideEdit(current.text, current.range, side, e)
            // Only the original's context, within its paragraph: never across the pasted copy.
            if (edit === null || current.text.slice(edit.at, edit.at + edit.deleteCount).includes('\n')) continue
            if (at > current.range.start && edit.at + edit.deleteCount > at) continue
            if (at <= current.range.start && edit.at < at + paragraph.length) continue
            changed ||= edit.deleteCount > 0 || edit.insert.length > 0
            current = { text: applyEdit(current.text, edit), range: shiftRange(current.range, edit) }
          }
          fc.pre(changed)
          // An insertion that writes the quote again beside itself ("Cult" + "Cult" before "ure…") makes a
          // third occurrence with the original's context: the original and the copy are then the only two.
          fc.pre(countOccurrences(current.text, selectors.quote.exact) === 2)
          const result = anchor(current.text, selectors)
          const found = result && current.text.slice(result.start, result.end)
          const why = JSON.stringify({ quote: selectors.quote, found, result, expected: current.range, copyStart })
          if (result !== null) expect(result, why).toMatchObject(current.range)
        }
      ),
      { numRuns: RUNS }
    )
  })

  it('anchors a short quote with one character changed to its edited words, or not at all', () => {
    const innerEdit = fc.record({
      kind: fc.constantFrom('substitute', 'insert', 'delete'),
      seed: fc.nat(),
      char: fc.constantFrom(...'xqzjkXQZJK#')
    })
    fc.assert(
      fc.property(
        highlight.map((h) => ({ ...h, length: 1 + (h.length % 7) })),
        innerEdit,
        fc.array(farEdit, { maxLength: 2 }),
        (h, e, far) => {
          const text = pickArticle(h.article)
          const range = chooseHighlight(text, h.startSeed, h.length)
          fc.pre(range !== null)
          const { start, end } = range
          const length = end - start
          fc.pre(e.kind === 'substitute' || length >= 2)
          const selectors = describeRange(text, start, end)
          const at = e.kind === 'substitute' ? start + (e.seed % length) : start + 1 + (e.seed % (length - 1))
          const edit: Edit =
            e.kind === 'substitute'
              ? { at, deleteCount: 1, insert: text.charAt(at) === e.char ? '%' : e.char }
              : e.kind === 'insert'
                ? { at, deleteCount: 0, insert: e.char }
                : { at, deleteCount: 1, insert: '' }
          const grown = edit.insert.length - edit.deleteCount
          const current = applyPlans(applyEdit(text, edit), { start, end: end + grown }, far)
          const expected = current.range
          fc.pre(current.text.slice(expected.start, expected.end) !== selectors.quote.exact)
          const result = anchor(current.text, selectors)
          const found = result && current.text.slice(result.start, result.end)
          const why = JSON.stringify({ quote: selectors.quote, found, result, expected })
          const { prefix, suffix } = selectors.quote
          if (prefix.length === CONTEXT_LENGTH && suffix.length === CONTEXT_LENGTH && countOccurrences(current.text, prefix) === 1) {
            // Both sides intact, and the prefix says uniquely where: the place is known.
            expect(result, why).not.toBeNull()
          }
          if (result === null) return
          expect(Math.abs(result.start - expected.start), why).toBeLessThanOrEqual(1)
          expect(Math.abs(result.end - expected.end), why).toBeLessThanOrEqual(1)
        }
      ),
      { numRuns: RUNS }
    )
  })
})

/**
 * True when the highlight's own place fits its saved context better than every other copy of its words
 * does, by more than the position term of the score can outweigh (weight 2 of 92 against 20 / 32 per
 * context character: 3.2 characters). Repeated passages (a photo caption printed twice) whose context
 * differs only where the edits struck are genuinely ambiguous, and no anchoring could promise them.
 */
function isUnambiguous(text: string, range: Range, { quote }: Selectors): boolean {
  const own = contextDistance(text, range, quote.prefix, quote.suffix)
  for (let i = text.indexOf(quote.exact); i !== -1; i = text.indexOf(quote.exact, i + 1)) {
    if (i === range.start) continue
    const other = contextDistance(text, { start: i, end: i + quote.exact.length }, quote.prefix, quote.suffix)
    if (other < own + 4) return false
  }
  return true
}

/** Edits needed to turn the saved context into the text around `range`, each side aligned at the range. */
function contextDistance(text: string, range: Range, prefix: string, suffix: string): number {
  const before = text.slice(Math.max(0, range.start - 2 * prefix.length), range.start)
  const after = text.slice(range.end, range.end + 2 * suffix.length)
  return alignedDistance([...prefix].reverse(), [...before].reverse()) + alignedDistance([...suffix], [...after])
}

/** Textbook edit distance between `a` and the best-matching beginning of `b`. */
function alignedDistance(a: readonly string[], b: readonly string[]): number {
  const d = a.map(() => b.map(() => 0))
  const cell = (i: number, j: number): number => (i < 0 ? j + 1 : j < 0 ? i + 1 : (d[i]?.[j] ?? 0))
  for (const [i, ca] of a.entries()) {
    for (const [j, cb] of b.entries()) {
      const row = d[i]
      if (row) row[j] = Math.min(cell(i - 1, j - 1) + (ca === cb ? 0 : 1), cell(i - 1, j) + 1, cell(i, j - 1) + 1)
    }
  }
  return Math.min(a.length, ...b.map((_, j) => cell(a.length - 1, j)))
}

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
