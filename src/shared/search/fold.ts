// How search reads words. The index is given text already folded (no case, no accents, plain letters for
// ø, ß and the like), so a query folded the same way meets it; and the same word rule, applied to the
// original text, finds where each word lies, so a hit can be marked in the text the reader shows.
// Quotes, apostrophes and dashes (straight or curly) separate words, as they do for the index's tokenizer.
// Letters that carry no combining mark in Unicode, so NFKD alone would leave them unmatched by a plain
// Latin query ("Øresund" found by "oresund").
const LETTER_FOLDS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th' }

const ASCII = /^[\x00-\x7f]*$/

/** A word of the text: letters and digits, with the accents that belong to them. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu

/** One word folded: without case or accents ("André" → "andre", "Øresund" → "oresund"). */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .replace(/[øłđħıæœßþ]/g, (c) => LETTER_FOLDS[c] ?? c)
}

export interface WordAt {
  /** The word folded. */
  word: string
  /** Where it lies in the original text (UTF-16 offsets). */
  start: number
  end: number
}

/** Every word of the text with its place. */
export function wordsOf(text: string): WordAt[] {
  const words: WordAt[] = []
  for (const match of text.matchAll(WORD)) {
    const word = match[0]
    words.push({ word: ASCII.test(word) ? word.toLowerCase() : foldWord(word), start: match.index, end: match.index + word.length })
  }
  return words
}

/** The text as the index is given it: its words folded, one space between them. */
export function foldForIndex(text: string): string {
  // Folded whole rather than word by word (the same result, in a fraction of the time on a long text);
  // plain ASCII, most of any archive, needs only its case lowered.
  const folded = ASCII.test(text) ? text.toLowerCase() : foldWord(text)
  return (folded.match(WORD) ?? []).join(' ')
}
