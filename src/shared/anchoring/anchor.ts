// Finds a saved highlight again in article text that may have changed since the highlight was made.
// Hypothesis's strategy (stored position, then exact quote, then fuzzy quote), but weak matches are
// refused: a highlight whose words are gone comes back unanchored instead of landing on a look-alike.
import search from 'approx-string-match'
import { describeRange, type Selectors, type TextQuoteSelector } from './selectors'

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
 * to the saved context length: 32 characters of running prose are, in practice, unique in an article.
 */
export const SELF_EVIDENT_QUOTE_LENGTH = 32

/**
 * Fraction of the saved context characters (prefix and suffix together, by edit distance) that must still
 * surround a candidate that is not self-evident: a short quote or any inexact match. On the five archived
 * articles, context taken from an unrelated place scores 0.23 at the median and 0.41 at the 99.9th
 * percentile, whereas a highlight keeps at least 0.5 until half of the 64 context characters are edited.
 */
export const MIN_CONTEXT_SIMILARITY = 0.5

interface Match {
  start: number
  end: number
  /** Edit distance between the quote and text[start, end). */
  errors: number
}

interface Candidate extends Match {
  score: number
  quoteSimilarity: number
  contextSimilarity: number
}

/** Locates the highlight described by `selectors` in `text`, or returns null when it is gone. */
export function anchor(text: string, selectors: Selectors): AnchorResult | null {
  const { quote, position } = selectors
  if (quote.exact === '') return null
  if (holdsAtPosition(text, selectors)) {
    return { start: position.start, end: position.end, score: 1, method: 'position' }
  }
  const exactMatches = findExactMatches(text, quote.exact)
  const exact = acceptable(exactMatches.map((m) => scoreMatch(text, selectors, m)), quote)
  const bestExact = best(exact, position.start)
  // An exact match whose context holds up beats anything inexact, so only search further when it might not.
  if (bestExact !== null && bestExact.score >= inexactScoreBound(quote.exact.length)) return toResult(bestExact)
  const fuzzy = acceptable(findFuzzyMatches(text, quote.exact, exactMatches).map((m) => scoreMatch(text, selectors, m)), quote)
  const winner = best([...exact, ...fuzzy], position.start)
  return winner === null ? null : toResult(winner)
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
 * The closest inexact matches, with up to MIN_QUOTE_SIMILARITY's worth of errors (searching further
 * would only find candidates the floor rejects). Exact occurrences are masked out first: otherwise the
 * search reports only them, and a slightly edited original would be hidden behind an unchanged copy.
 */
function findFuzzyMatches(text: string, exact: string, exactMatches: readonly Match[]): Match[] {
  const maxErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY)))
  if (maxErrors === 0) return []
  return search(maskMatches(text, exactMatches), exact, maxErrors).filter((m) => m.errors > 0)
}

/**
 * U+FFFF is a Unicode noncharacter, so it never appears in a quote; masked characters therefore count as
 * errors, and offsets in the masked text stay those of the original.
 */
const MASK = '\uFFFF'

function maskMatches(text: string, matches: readonly Match[]): string {
  let masked = ''
  let from = 0
  for (const { start, end } of matches) {
    const maskFrom = Math.max(from, start)
    masked += text.slice(from, maskFrom) + MASK.repeat(end - maskFrom)
    from = end
  }
  return masked + text.slice(from)
}

function scoreMatch(text: string, { quote, position }: Selectors, match: Match): Candidate {
  const prefixErrors = prefixEditDistance(text, match.start, quote.prefix)
  const suffixErrors = suffixEditDistance(text, match.end, quote.suffix)
  const quoteSimilarity = 1 - match.errors / quote.exact.length
  const contextLength = quote.prefix.length + quote.suffix.length
  // A side with no saved context (the quote touched the start or end of the text) gives no evidence
  // either way, so it scores as neutral, as in Hypothesis.
  const prefixSimilarity = quote.prefix === '' ? 1 : 1 - prefixErrors / quote.prefix.length
  const suffixSimilarity = quote.suffix === '' ? 1 : 1 - suffixErrors / quote.suffix.length
  const positionSimilarity = Math.max(0, 1 - Math.abs(match.start - position.start) / Math.max(1, text.length))
  const weighted =
    QUOTE_WEIGHT * quoteSimilarity +
    PREFIX_WEIGHT * prefixSimilarity +
    SUFFIX_WEIGHT * suffixSimilarity +
    POSITION_WEIGHT * positionSimilarity
  return {
    ...match,
    score: weighted / TOTAL_WEIGHT,
    quoteSimilarity,
    contextSimilarity: contextLength === 0 ? 1 : 1 - (prefixErrors + suffixErrors) / contextLength
  }
}

/** The highest score any inexact match could reach: perfect context and position, one error. */
function inexactScoreBound(quoteLength: number): number {
  const bestQuoteSimilarity = 1 - 1 / quoteLength
  return (QUOTE_WEIGHT * bestQuoteSimilarity + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT) / TOTAL_WEIGHT
}

function acceptable(candidates: readonly Candidate[], quote: TextQuoteSelector): Candidate[] {
  return candidates.filter((c) => isAcceptable(c, quote))
}

function isAcceptable(candidate: Candidate, quote: TextQuoteSelector): boolean {
  if (candidate.quoteSimilarity < MIN_QUOTE_SIMILARITY) return false
  const selfEvident = candidate.errors === 0 && quote.exact.length >= SELF_EVIDENT_QUOTE_LENGTH
  return selfEvident || candidate.contextSimilarity >= MIN_CONTEXT_SIMILARITY
}

/** Highest score; ties go to the candidate nearer the stored position, then to the earlier one. */
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
  return distance !== 0 ? distance : a.start - b.start
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
  // row[j] = distance between the pattern's first i characters and text[0, j)
  let row = Array.from({ length: text.length + 1 }, (_, j) => j)
  for (let i = 1; i <= pattern.length; i++) {
    const next = [i]
    for (let j = 1; j <= text.length; j++) {
      const substitution = at(row, j - 1) + (pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1)
      next.push(Math.min(substitution, at(row, j) + 1, at(next, j - 1) + 1))
    }
    row = next
  }
  return Math.min(...row)
}

/** Reads a cell the loops above always fill; keeps the arithmetic honest under noUncheckedIndexedAccess. */
function at(row: readonly number[], j: number): number {
  const value = row[j]
  if (value === undefined) throw new RangeError(`No cell ${j} in a row of ${row.length}`)
  return value
}
