// Finds a saved highlight again in article text that may have changed since the highlight was made.
// Hypothesis's strategy (stored position, then exact quote, then fuzzy quote), but weak matches are
// refused: a highlight whose words are gone comes back unanchored instead of landing on a look-alike.
import search from 'approx-string-match'
import { snapToGraphemes } from '../text'
import { describeRange, type Selectors } from './selectors'

export type AnchorMethod = 'position' | 'quote' | 'fuzzy'

export interface AnchorResult {
  start: number
  end: number
  /** 0..1. Exactly 1 for 'position'; otherwise the weighted score below. */
  score: number
  method: AnchorMethod
}

// Candidate scoring weights, the same as Hypothesis's match-quote.ts: the quote itself dominates, each
// side of context counts for a bit less than half of it, and closeness to the stored position only
// breaks near-ties (e.g. repeated passages whose context is also repeated). Scores are divided by the
// total so they land in 0..1.
export const QUOTE_WEIGHT = 50
export const PREFIX_WEIGHT = 20
export const SUFFIX_WEIGHT = 20
export const POSITION_WEIGHT = 2
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

/**
 * A candidate must reproduce at least this fraction of the quote (1 - errors / quote length). Hypothesis
 * searches up to length / 2 errors and keeps whatever scores best, which lets a highlight drift onto a
 * passage that merely shares half its characters; three quarters still absorbs typo fixes and small
 * rewordings inside a highlight.
 */
export const MIN_QUOTE_SIMILARITY = 0.75

/**
 * Cap on the errors the fuzzy search allows, as in Hypothesis. Search time grows with the error count
 * (O(n · k / 32)), so without a cap a highlight of a few thousand characters would make anchoring slow.
 */
export const MAX_FUZZY_ERRORS = 256

/**
 * An exact quote at least this long identifies its passage on its own, even if all context was rewritten.
 * Shorter quotes ("K-Pops!", "the film") recur in an article, so their context must vouch for them. Equal
 * to the saved context length: 32 characters of running prose recur only where an article repeats itself
 * (a pull quote, a reused photo caption), and then context and position still choose between the copies.
 */
export const SELF_EVIDENT_QUOTE_LENGTH = 32

/**
 * A short exact quote must keep at least this fraction of its whole saved passage, prefix + quote +
 * suffix, counted in characters by edit distance: the same three quarters asked of the quote, now asked
 * of everything saved, so the surroundings vouch for a phrase that recurs. On the five archived
 * articles, context copied from an unrelated place keeps 23% of its characters at the median and 41% at
 * the 99.9th percentile, so a recurring phrase in foreign surroundings falls well short.
 */
export const MIN_PASSAGE_SIMILARITY = 0.75

/**
 * An inexact match must keep at least this fraction of each side of its saved context. When the words
 * themselves changed, only the context says the passage was edited rather than replaced, so both sides
 * must be in place; a total would let one intact side carry a half-gone other. Without this rule,
 * deleting the caption "… Behind-the-Scenes (Photo by Jake Giles Netter)" moved a highlight of its last
 * 35 characters onto another photo's "Still (Photo by Jake Giles Netter)". In 320,000 random paragraph
 * deletions on the archive (quotes of 8–47 characters, some with a look-alike planted in their context),
 * 426 highlights landed on such look-alikes without it, 0.7–1.4% at some lengths from 31 to 44; with it,
 * none did.
 */
export const MIN_FUZZY_CONTEXT_SIMILARITY = 0.75

/**
 * Quotes shorter than this are matched exactly or not at all. A highlight this short is a word or two,
 * and a changed word is a different word, not an edit; fuzzy matching it mostly finds neighbours. With a
 * look-alike planted in the highlight's deleted context, 4–5 character quotes (1 error allowed) anchored
 * onto a neighbouring word about 1% of the time; from 6 to 20 characters, none of 110,000 did. 8 leaves
 * a margin and is the first length allowed two errors.
 */
export const MIN_FUZZY_QUOTE_LENGTH = 8

interface Match {
  start: number
  end: number
  /** Edit distance between the quote and text[start, end). */
  errors: number
}

interface Candidate extends Match {
  score: number
  quoteSimilarity: number
  /** Null for a side with no saved context (the quote touched the start or end of the text). */
  prefixSimilarity: number | null
  suffixSimilarity: number | null
  passageSimilarity: number
}

/** Locates the highlight described by `selectors` in `text`, or returns null when it is gone. */
export function anchor(text: string, selectors: Selectors): AnchorResult | null {
  const { quote, position } = selectors
  if (quote.exact === '') return null
  if (holdsAtPosition(text, selectors)) {
    return { start: position.start, end: position.end, score: 1, method: 'position' }
  }
  const winner = bestCandidate(text, selectors)
  if (winner === null) return null
  // A fuzzy match may begin or end inside a character; it is widened to whole ones.
  const result = toResult(winner)
  return { ...result, ...snapToGraphemes(text, result.start, result.end) }
}

/** Anchors several highlights of the same text; results are in the same order as `list`. */
export function anchorAll(text: string, list: readonly Selectors[]): (AnchorResult | null)[] {
  return list.map((selectors) => anchor(text, selectors))
}

/**
 * True when the stored range, described afresh, gives back the stored quote and context exactly. Checking
 * the context as well as the quote keeps a short quote ("e") from being trusted where the text merely
 * shifted another copy of it under the stale offsets.
 */
function holdsAtPosition(text: string, { quote, position }: Selectors): boolean {
  const { start, end } = position
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    return false
  }
  const current = describeRange(text, start, end).quote
  return current.exact === quote.exact && current.prefix === quote.prefix && current.suffix === quote.suffix
}

function findExactMatches(text: string, exact: string): Match[] {
  const matches: Match[] = []
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    matches.push({ start: i, end: i + exact.length, errors: 0 })
  }
  return matches
}

/**
 * Searches error level by level: exact occurrences first, then the closest inexact matches, with up to
 * MIN_QUOTE_SIMILARITY's worth of errors (searching further would only find candidates the floor rejects).
 * approx-string-match reports only the lowest-error matches, so each level is masked out before the next
 * search; otherwise an unchanged copy elsewhere, or a near-copy that its context rejects, would hide a
 * slightly edited original. Stops as soon as no later level could outscore the best acceptable candidate.
 */
function bestCandidate(text: string, selectors: Selectors): Candidate | null {
  const { exact } = selectors.quote
  const maxErrors = maxFuzzyErrors(exact.length)
  let level = findExactMatches(text, exact)
  let errors = 0
  let searched = text
  let winner: Candidate | null = null
  // Each level has strictly more errors than the one before, so this runs at most maxErrors + 1 times.
  for (let round = 0; round <= maxErrors; round++) {
    const contenders = level.map((m) => scoreMatch(text, selectors, m)).filter(isAcceptable)
    if (winner !== null) contenders.push(winner)
    winner = best(contenders, selectors.position.start)
    if (errors >= maxErrors || (winner !== null && winner.score >= scoreBound(exact.length, errors + 1))) break
    searched = maskMatches(searched, level)
    level = search(searched, exact, maxErrors).flatMap((m) => equallyGoodStarts(searched, exact, m))
    const next = level[0]
    if (next === undefined) break
    errors = next.errors
  }
  return winner
}

function maxFuzzyErrors(quoteLength: number): number {
  if (quoteLength < MIN_FUZZY_QUOTE_LENGTH) return 0
  return Math.min(MAX_FUZZY_ERRORS, Math.floor(quoteLength * (1 - MIN_QUOTE_SIMILARITY)))
}

/**
 * The match with every start that costs no more errors (in `text`, the masked text searched).
 * approx-string-match reports only the longest: "sesed with" for "ssed with" once "obsessed" lost an s,
 * so the context would never get to pick the start it fits, "sed with". Searching backwards from the
 * match's end, with the quote reversed, lists every start at that cost.
 */
function equallyGoodStarts(text: string, exact: string, match: Match): Match[] {
  const from = Math.max(0, match.end - exact.length - match.errors)
  const starts = search(reverse(text.slice(from, match.end)), reverse(exact), match.errors)
    .filter((m) => m.start === 0) // reversed, start 0 is the match's own end
    .map((m) => ({ start: match.end - m.end, end: match.end, errors: m.errors }))
  return starts.length > 0 ? starts : [match]
}

/**
 * U+FFFF is a Unicode noncharacter, not used in interchanged text, so it matches no character of a quote:
 * masked characters count as errors, and offsets in the masked text stay those of the original.
 */
const MASK = '\uFFFF'

/** `text` with every character covered by a match (they may overlap, in any order) replaced by MASK. */
function maskMatches(text: string, matches: readonly Match[]): string {
  let masked = ''
  let from = 0
  for (const { start, end } of [...matches].sort((a, b) => a.start - b.start)) {
    const maskFrom = Math.max(from, start)
    if (end <= maskFrom) continue
    masked += text.slice(from, maskFrom) + MASK.repeat(end - maskFrom)
    from = end
  }
  return masked + text.slice(from)
}

function scoreMatch(text: string, { quote, position }: Selectors, match: Match): Candidate {
  const prefixErrors = prefixEditDistance(text, match.start, quote.prefix)
  const suffixErrors = suffixEditDistance(text, match.end, quote.suffix)
  const quoteSimilarity = 1 - match.errors / quote.exact.length
  const prefixSimilarity = quote.prefix === '' ? null : 1 - prefixErrors / quote.prefix.length
  const suffixSimilarity = quote.suffix === '' ? null : 1 - suffixErrors / quote.suffix.length
  const positionSimilarity = Math.max(0, 1 - Math.abs(match.start - position.start) / Math.max(1, text.length))
  // A side with no saved context gives no evidence either way, so it scores as neutral, as in Hypothesis.
  const weighted =
    QUOTE_WEIGHT * quoteSimilarity +
    PREFIX_WEIGHT * (prefixSimilarity ?? 1) +
    SUFFIX_WEIGHT * (suffixSimilarity ?? 1) +
    POSITION_WEIGHT * positionSimilarity
  const passageLength = quote.prefix.length + quote.exact.length + quote.suffix.length
  return {
    ...match,
    score: weighted / TOTAL_WEIGHT,
    quoteSimilarity,
    prefixSimilarity,
    suffixSimilarity,
    passageSimilarity: 1 - (prefixErrors + match.errors + suffixErrors) / passageLength
  }
}

/** The highest score any match with at least `errors` errors could reach: perfect context and position. */
function scoreBound(quoteLength: number, errors: number): number {
  const bestQuoteSimilarity = 1 - errors / quoteLength
  return (QUOTE_WEIGHT * bestQuoteSimilarity + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT) / TOTAL_WEIGHT
}

/**
 * The floors. A long exact quote stands on its own; a short one needs its passage mostly intact; an
 * inexact one needs both sides of its context in place.
 */
function isAcceptable(candidate: Candidate): boolean {
  if (candidate.quoteSimilarity < MIN_QUOTE_SIMILARITY) return false
  if (candidate.errors > 0) {
    return [candidate.prefixSimilarity, candidate.suffixSimilarity].every(
      (side) => side === null || side >= MIN_FUZZY_CONTEXT_SIMILARITY
    )
  }
  const quoteLength = candidate.end - candidate.start
  return quoteLength >= SELF_EVIDENT_QUOTE_LENGTH || candidate.passageSimilarity >= MIN_PASSAGE_SIMILARITY
}

/**
 * Highest score. Ties (a quote touching the end of the text has no suffix to say where it stops) go to
 * the candidate nearer the stored position, then to the longer one, as approx-string-match itself
 * prefers, so an edit at the quote's edge is taken into the highlight rather than cut off; then to the
 * earlier one.
 */
function best(candidates: readonly Candidate[], hint: number): Candidate | null {
  let winner: Candidate | null = null
  for (const c of candidates) {
    if (winner === null || compareCandidates(c, winner, hint) < 0) winner = c
  }
  return winner
}

function compareCandidates(a: Candidate, b: Candidate, hint: number): number {
  if (a.score !== b.score) return b.score - a.score
  const distance = Math.abs(a.start - hint) - Math.abs(b.start - hint)
  if (distance !== 0) return distance
  const length = b.end - b.start - (a.end - a.start)
  return length !== 0 ? length : a.start - b.start
}

function toResult(candidate: Candidate): AnchorResult {
  const method = candidate.errors === 0 ? 'quote' : 'fuzzy'
  return { start: candidate.start, end: candidate.end, score: candidate.score, method }
}

/**
 * Edit distance between the saved prefix and the text just before `start`, aligned at `start`. Unlike
 * Hypothesis's unanchored search this penalises a candidate shifted by a character or two, which is what
 * tells apart overlapping repeats, and an insertion into the context costs its length rather than double.
 */
function prefixEditDistance(text: string, start: number, prefix: string): number {
  if (prefix === '') return 0
  const before = text.slice(Math.max(0, start - 2 * prefix.length), start)
  return leadingEditDistance(reverse(prefix), reverse(before))
}

/** As prefixEditDistance, for the saved suffix and the text just after `end`. */
function suffixEditDistance(text: string, end: number, suffix: string): number {
  if (suffix === '') return 0
  return leadingEditDistance(suffix, text.slice(end, end + 2 * suffix.length))
}

/** Reverses UTF-16 code units; both sides of a comparison are reversed alike, so pairs need no care. */
function reverse(s: string): string {
  return s.split('').reverse().join('')
}

/**
 * Edit distance between `pattern` and the best-fitting beginning of `text`: both are aligned at index 0
 * and any tail of `text` is free. `text` is twice the pattern's length, so insertions up to the pattern's
 * length are priced, not truncated. Plain dynamic programming; the pattern is a 32-character context.
 */
function leadingEditDistance(pattern: string, text: string): number {
  if (text.startsWith(pattern)) return 0
  // row[j] = distance between the pattern's first i characters and text[0, j), updated in place; a
  // one-character quote gets scored at each of its thousands of occurrences, so this loop is kept lean.
  const row = Int32Array.from({ length: text.length + 1 }, (_, j) => j)
  for (let i = 1; i <= pattern.length; i++) {
    const code = pattern.charCodeAt(i - 1)
    let diagonal = i - 1 // row[j - 1] from the previous pass
    row[0] = i
    for (let j = 1; j <= text.length; j++) {
      const above = cell(row, j)
      const substituted = diagonal + (code === text.charCodeAt(j - 1) ? 0 : 1)
      const best = Math.min(substituted, above + 1, cell(row, j - 1) + 1)
      diagonal = above
      row[j] = best
    }
  }
  return Math.min(...row)
}

/** Reads a cell the loop above always fills; keeps the arithmetic honest under noUncheckedIndexedAccess. */
function cell(row: Int32Array, j: number): number {
  const value = row[j]
  if (value === undefined) throw new RangeError(`No cell ${j} in a row of ${row.length}`)
  return value
}
