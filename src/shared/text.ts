// Pure text helpers shared by the library (word counts, opening words, search) and the reader (paragraph
// layout). Offsets are UTF-16 code units into the stored text, the same unit the anchoring selectors use.
import { foldWord } from './search/fold'

export interface Paragraph {
  /** Offset of the paragraph's first character in the article text. */
  start: number
  /** Offset just past its last character. */
  end: number
  text: string
}

/** One paragraph per non-blank line, as the archive stores them; blank lines only separate. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = []
  const line = /[^\r\n]+/g
  for (let m = line.exec(text); m !== null; m = line.exec(text)) {
    if (m[0].trim() === '') continue
    paragraphs.push({ start: m.index, end: m.index + m[0].length, text: m[0] })
  }
  return paragraphs
}

const segmenter = new Intl.Segmenter('en', { granularity: 'word' })

/** Words as a reader counts them: Intl's word segments, so "K-Pops!" and "André" count right. */
export function countWords(text: string): number {
  let n = 0
  for (const piece of piecesOf(text)) for (const s of segmenter.segment(piece)) if (s.isWordLike) n++
  return n
}

/** Longest stretch handed to the segmenter at once: its time grows with the square of the length (Node 20). */
const SEGMENT_PIECE = 256

/** The text in pieces of about SEGMENT_PIECE characters, each cut after a space so no word is split. */
function* piecesOf(text: string): Generator<string> {
  let from = 0
  while (text.length - from > SEGMENT_PIECE) {
    const space = text.lastIndexOf(' ', from + SEGMENT_PIECE)
    // One unbroken run longer than a piece (no space in it) is cut where it is: a word split once.
    const to = space > from ? space + 1 : from + SEGMENT_PIECE
    yield text.slice(from, to)
    from = to
  }
  yield text.slice(from)
}

/** Words of the text that name an untitled article or note, as many as the library list shows. */
const OPENING_WORDS = 12

/** The first `count` words of the text, separated by single spaces; '' for a blank text. */
export function openingWords(text: string, count = OPENING_WORDS): string {
  return text.trim().split(/\s+/).slice(0, count).join(' ')
}

/**
 * Text as a search compares it: without case or accents ("andre" finds "André"), with typographic quotes
 * made plain, since the archive has "didn’t" where a person types "didn't", and with spaces collapsed so
 * pasted names compare equal. Composed again after the marks go, so Hangul and other scripts that NFKD
 * splits into parts still match syllable by syllable.
 */
export function foldForSearch(text: string): string {
  // Case, accents and letters without marks are folded as search folds them (search/fold.ts).
  return foldWord(text)
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The words a query asks for, folded; a text matches when its folded form holds every one of them. */
export function queryWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter((word) => word !== '')
}

/**
 * A speaker label at the start of a transcript paragraph ("PAAK:", "ANDERSON .PAAK:") or a label line
 * of a written Q&A ("Keshia Hannam:"). Returns the label's length including the colon, or 0.
 */
export function speakerLabelLength(paragraph: string): number {
  const m = /^((?:[A-Z][A-Z.'’-]*)(?: [A-Z.][A-Z.'’-]*){0,3}):/.exec(paragraph)
  if (m) return m[0].length
  const line = /^([A-Z][\p{L}.'’-]+(?: [.A-Z][\p{L}.'’-]*){0,3}):\s*$/u.exec(paragraph)
  return line ? line[0].trimEnd().length : 0
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' })

/** Sentences of every paragraph as text ranges, without trailing spaces: the steps of keyboard selection. */
export function sentenceRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = []
  for (const p of splitParagraphs(text)) {
    let pending: { start: number; end: number } | null = null
    for (const s of sentences.segment(p.text)) {
      const trimmed = s.segment.trimEnd()
      if (trimmed.trim() === '') continue
      const range: { start: number; end: number } = { start: pending?.start ?? p.start + s.index, end: p.start + s.index + trimmed.length }
      // A real sentence end is followed by a space; "Anderson .Paak" is not two sentences.
      const glued = trimmed.length === s.segment.length && s.index + s.segment.length < p.text.length
      if (glued) pending = range
      else {
        ranges.push(range)
        pending = null
      }
    }
    if (pending) ranges.push(pending)
  }
  return ranges
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })
/** Longer than any grapheme cluster a text is likely to hold (an emoji ZWJ family is about 11 units). */
const GRAPHEME_REACH = 64

/**
 * The range widened to whole grapheme clusters (what a reader sees as one character): a start inside an
 * emoji's surrogate pair or before a combining accent moves back to the cluster's start, an end inside
 * one moves on to its end, so a quotation never carries half a character ("�") or loses an accent.
 * Only the text around each end is segmented.
 */
export function snapToGraphemes(text: string, start: number, end: number): { start: number; end: number } {
  return { start: clusterBoundary(text, start, 'back'), end: clusterBoundary(text, end, 'forward') }
}

function clusterBoundary(text: string, offset: number, direction: 'back' | 'forward'): number {
  if (offset <= 0 || offset >= text.length) return Math.max(0, Math.min(offset, text.length))
  const from = Math.max(0, offset - GRAPHEME_REACH)
  const to = Math.min(text.length, offset + GRAPHEME_REACH)
  let before = from
  for (const { index } of graphemes.segment(text.slice(from, to))) {
    const at = from + index
    if (at === offset) return offset
    if (at > offset) return direction === 'back' ? before : at
    before = at
  }
  return direction === 'back' ? before : to
}

/**
 * The words in quotation marks, without doubling the marks a quote already carries at both ends
 * (“He directed me as if it was music.” stays as it is rather than becoming ““…””).
 */
export function inQuotes(text: string): string {
  return /^["“„«]/.test(text) && /["”»]$/.test(text) ? text : `“${text}”`
}
