// Finds a saved highlight again in article text that may have changed since the highlight was made.
// Hypothesis's strategy (stored position, then exact quote, then fuzzy quote), but weak matches are
// refused: a highlight whose words are gone comes back unanchored instead of landing on a look-alike.
import search from 'approx-string-match'
import { snapToGraphemes } from '../text'
import { CONTEXT_LENGTH, describeRange, type Selectors } from './selectors'

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

/**
 * An exact quote this long or longer is also accepted when one whole side of its saved context is intact
 * (see keepsOneSide), however much of the other side was rewritten.
 */
export const MIN_ONE_SIDE_QUOTE_LENGTH = 4

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
  const bracketed = bracketedEdit(text, selectors)
  if (bracketed === 'ambiguous') return null
  const winner = bracketed ?? bestCandidate(text, selectors)
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
  const acceptable = level.map((m) => scoreMatch(text, selectors, m)).filter((c) => isAcceptable(c, selectors.quote))
  let winner = bestExact(text, level, acceptable, selectors)
  // Each level has strictly more errors than the one before, so this runs at most maxErrors + 1 times.
  for (let round = 0; round <= maxErrors; round++) {
    if (round > 0) {
      const contenders = level.map((m) => scoreMatch(text, selectors, m)).filter((c) => isAcceptable(c, selectors.quote))
      if (winner !== null) contenders.push(winner)
      winner = best(contenders, selectors.position.start)
    }
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
function isAcceptable(candidate: Candidate, quote: Selectors['quote']): boolean {
  if (candidate.quoteSimilarity < MIN_QUOTE_SIMILARITY) return false
  if (candidate.errors > 0) {
    return [candidate.prefixSimilarity, candidate.suffixSimilarity].every(
      (side) => side === null || side >= MIN_FUZZY_CONTEXT_SIMILARITY
    )
  }
  const quoteLength = candidate.end - candidate.start
  return (
    quoteLength >= SELF_EVIDENT_QUOTE_LENGTH ||
    candidate.passageSimilarity >= MIN_PASSAGE_SIMILARITY ||
    keepsOneSide(candidate, quote)
  )
}

/**
 * True when one whole side of the saved context (a full CONTEXT_LENGTH, not one cut short by the start or
 * end of the text) is still there unchanged, right against the quote. Edits next to a highlight often
 * rewrite one side of its context entirely; 32 untouched characters on the other side still say the words
 * are where they were. Only exact sides count, and only for quotes of MIN_ONE_SIDE_QUOTE_LENGTH or more:
 * when a paragraph is deleted, the side bordering the cut survives next to whatever precedes or follows
 * it, and a side kept only mostly (or a quote of a character or two) then lands on a neighbouring word.
 */
function keepsOneSide(c: Candidate, { prefix, suffix }: Selectors['quote']): boolean {
  if (c.end - c.start < MIN_ONE_SIDE_QUOTE_LENGTH) return false
  return (
    (c.prefixSimilarity === 1 && prefix.length === CONTEXT_LENGTH) ||
    (c.suffixSimilarity === 1 && suffix.length === CONTEXT_LENGTH)
  )
}

/**
 * How far (in characters) from the stored start an exact occurrence counts as still in its place. Edits
 * in the saved context move a highlight by at most their net length, which near edits keep within a
 * context length or two; a pasted copy of the highlight's paragraph lies a whole paragraph away.
 */
export const IN_PLACE_DISTANCE = 2 * CONTEXT_LENGTH

/**
 * The best exact occurrence. Normally the weighted score (context first, then position). But an
 * acceptable occurrence on another line, still in place (within IN_PLACE_DISTANCE of the stored start, or
 * of the stored start moved by the length of the winner's line when the winner lies before it, as a copy
 * of its paragraph pasted there would move it), beats a winner that is not in place: the surviving
 * original, its context edited, must not lose to an identical copy of its paragraph pasted elsewhere,
 * whose context is intact. If the occurrence in place is too edited around to be accepted but its line is
 * a copy of the winner's, the original cannot be confirmed and neither is chosen.
 */
function bestExact(
  text: string,
  occurrences: readonly Match[],
  candidates: readonly Candidate[],
  { position }: Selectors
): Candidate | null {
  const winner = best(candidates, position.start)
  if (winner === null || Math.abs(winner.start - position.start) <= IN_PLACE_DISTANCE) return winner
  const places = [position.start]
  if (winner.start < position.start) places.push(position.start + lineSpan(text, winner.start))
  const home = lineStart(text, winner.start)
  const inPlace = (m: Match, place: number): boolean =>
    Math.abs(m.start - place) <= IN_PLACE_DISTANCE && lineStart(text, m.start) !== home
  for (const place of places) {
    const found = best(candidates.filter((c) => inPlace(c, place)), place)
    if (found !== null) return found
  }
  const twin = occurrences.some((m) => places.some((place) => inPlace(m, place)) && sameLine(text, m.start, winner.start))
  return twin ? null : winner
}

/** Length of the line holding `offset`, with its line break: what pasting a copy of it adds. */
function lineSpan(text: string, offset: number): number {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  const newline = text.indexOf('\n', offset)
  return (newline === -1 ? text.length : newline + 1) - start
}

/**
 * True when `a` and `b` are at about the same place in two different lines that are copies of each other
 * but for local edits: what the lines share at their beginnings and ends covers at least half of the
 * longer one.
 */
function sameLine(text: string, a: number, b: number): boolean {
  const [startA, startB] = [lineStart(text, a), lineStart(text, b)]
  if (startA === startB || Math.abs(a - startA - (b - startB)) > IN_PLACE_DISTANCE) return false
  const [lineA, lineB] = [lineAt(text, a), lineAt(text, b)]
  if (lineA === lineB) return true
  let head = 0
  while (head < lineA.length && head < lineB.length && lineA.charCodeAt(head) === lineB.charCodeAt(head)) head++
  let tail = 0
  const room = Math.min(lineA.length, lineB.length) - head
  while (tail < room && lineA.charCodeAt(lineA.length - 1 - tail) === lineB.charCodeAt(lineB.length - 1 - tail)) tail++
  return head + tail >= Math.max(lineA.length, lineB.length) / 2
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

function lineAt(text: string, offset: number): string {
  const start = lineStart(text, offset)
  const newline = text.indexOf('\n', offset)
  return text.slice(start, newline === -1 ? text.length : newline)
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

/**
 * The bracket search below needs both sides of the saved context, together at least this long: sides cut
 * short by the start or end of the text may say too little about where they stand.
 */
export const MIN_BRACKET_CONTEXT = CONTEXT_LENGTH

/** Quotes up to this long are looked for between their intact context (see bracketedEdit). */
const MAX_BRACKETED_QUOTE_LENGTH = 64

/**
 * The highlight's edited words found between its saved prefix and suffix, both still intact and in
 * place: the prefix ends where the suffix begins, give or take the quote's length and its allowed errors
 * (one for quotes too short for the fuzzy search), and that pair occurs nowhere else. Sixty-four intact
 * characters around the edit say where the highlight is even when its few words changed, and they
 * outrank an unchanged copy of the words elsewhere, which cannot have the same context on both sides
 * (its own would have made the gap hold the exact quote). Null when the quote itself is in the gap, when
 * the sides are missing or short, or when the pair is not unique.
 */
function bracketedEdit(text: string, { quote, position }: Selectors): Candidate | 'ambiguous' | null {
  const { exact, prefix, suffix } = quote
  if (exact.length > MAX_BRACKETED_QUOTE_LENGTH) return null
  if (prefix === '' || suffix === '' || prefix.length + suffix.length < MIN_BRACKET_CONTEXT) return null
  const maxErrors = Math.max(1, maxFuzzyErrors(exact.length))
  const edited: Match[] = []
  const unchanged: Match[] = []
  for (let i = text.indexOf(prefix); i !== -1; i = text.indexOf(prefix, i + 1)) {
    const start = i + prefix.length
    for (let length = Math.max(1, exact.length - maxErrors); length <= exact.length + maxErrors; length++) {
      if (!text.startsWith(suffix, start + length)) continue
      const errors = editDistance(exact, text.slice(start, start + length))
      if (errors <= maxErrors) (errors === 0 ? unchanged : edited).push({ start, end: start + length, errors })
    }
  }
  const found = edited[0]
  if (found === undefined || edited.length > 1) return null
  // Text inserted at the quote's edge belongs as much to the context; the unchanged words then stand.
  if (text.slice(found.start, found.end).includes(exact)) return null
  if (unchanged.length > 0) {
    // The whole passage, unchanged, is elsewhere too: a repeated caption or a pasted copy. It is the
    // highlight only if it is the one in place; if the edited copy is, neither can be trusted.
    const inPlace = (m: Match): boolean => Math.abs(m.start - position.start) <= IN_PLACE_DISTANCE
    return unchanged.some(inPlace) || !inPlace(found) ? null : 'ambiguous'
  }
  const quoteSimilarity = 1 - found.errors / exact.length
  const passageLength = prefix.length + exact.length + suffix.length
  const weighted = QUOTE_WEIGHT * quoteSimilarity + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
  return {
    ...found,
    score: weighted / TOTAL_WEIGHT,
    quoteSimilarity,
    prefixSimilarity: 1,
    suffixSimilarity: 1,
    passageSimilarity: 1 - found.errors / passageLength
  }
}

/** Textbook edit distance; only for the short strings bracketedEdit compares. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substituted = (previous[j - 1] ?? 0) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1)
      current.push(Math.min(substituted, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
