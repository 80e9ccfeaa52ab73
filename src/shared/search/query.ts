// The search syntax. Words are matched as the beginnings of words ("fath" finds fatherhood), all of them
// required; "words in quotes" must stand together in that order, as written. Case, accents, quotes and
// dashes never matter. Parsed once into parts that give both the index's query and the marking of hits.
import { foldWord, wordsOf, type WordAt } from './fold'

export interface QueryPart {
  /** The part's words, folded; a phrase has several. */
  words: string[]
  /** Whether the last word may be the start of a longer one (a bare word; not a quoted phrase). */
  prefix: boolean
}

export function parseQuery(query: string): QueryPart[] {
  const parts: QueryPart[] = []
  // Straight and typographic double quotes both open and close a phrase; an unclosed one runs to the end.
  const pieces = query.split(/["“”„‟]/)
  pieces.forEach((piece, index) => {
    const quoted = index % 2 === 1
    const words = wordsOf(piece).map((w) => w.word)
    if (words.length === 0) return
    if (quoted) parts.push({ words, prefix: false })
    // A bare word the text splits in two ("didn't", "K-pop") must keep its pieces together, the last a prefix.
    else for (const group of bareGroups(piece)) parts.push({ words: group, prefix: true })
  })
  return parts
}

/** The bare words of a piece of query, each split where the index splits it. */
function bareGroups(piece: string): string[][] {
  return piece
    .split(/\s+/)
    .map((chunk) => wordsOf(chunk).map((w) => w.word))
    .filter((group) => group.length > 0)
}

/** The index's (SQLite FTS5) query: every part required, each phrase quoted so no word is read as syntax. */
export function ftsQuery(parts: readonly QueryPart[]): string {
  return parts.map((part) => `"${part.words.join(' ')}"${part.prefix ? '*' : ''}`).join(' AND ')
}

/** Where the parts occur in a text, as ranges of the original text, in order and not overlapping. */
export function matchRanges(text: string, parts: readonly QueryPart[]): [start: number, end: number][] {
  if (parts.length === 0) return []
  const words = wordsOf(text)
  const ranges: [number, number][] = []
  for (let i = 0; i < words.length; i++) {
    for (const part of parts) {
      const end = matchAt(words, i, part)
      if (end !== null) {
        ranges.push([words[i]!.start, end])
        break
      }
    }
  }
  return ranges
}

function matchAt(words: readonly WordAt[], at: number, part: QueryPart): number | null {
  const last = part.words.length - 1
  for (let k = 0; k <= last; k++) {
    const word = words[at + k]
    if (!word) return null
    const wanted = part.words[k]!
    const ok = k === last && part.prefix ? word.word.startsWith(wanted) : word.word === wanted
    if (!ok) return null
  }
  return words[at + last]!.end
}

/** Whether every part occurs in the text: the check a hit passes before it is shown. */
export function matchesAll(text: string, parts: readonly QueryPart[]): boolean {
  const words = wordsOf(text)
  return parts.every((part) => words.some((_, i) => matchAt(words, i, part) !== null))
}

export { foldWord }
