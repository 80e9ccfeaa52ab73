// Word frequencies: words folded as search folds them (so "Father", "father" and "FATHER" are one word),
// the stop words left out, most frequent first, ties in alphabetical order so a table reads the same on
// every run.
import type { WordCount } from '../../shared/ipc/analysis'
import { foldForIndex } from '../../shared/search/fold'

/** Adds the words of `text` to `counts`. */
export function addWords(counts: Map<string, number>, text: string): void {
  for (const word of foldForIndex(text).split(' ')) if (word !== '') counts.set(word, (counts.get(word) ?? 0) + 1)
}

export interface RankedWords {
  words: WordCount[]
  total: number
  distinct: number
}

/** The counts without stop words, the `limit` most frequent first. */
export function rankWords(counts: Iterable<[string, number]>, stopWords: ReadonlySet<string>, limit: number): RankedWords {
  const kept: WordCount[] = []
  let total = 0
  for (const [word, count] of counts) {
    if (count === 0 || stopWords.has(word)) continue
    kept.push({ word, count })
    total += count
  }
  kept.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
  return { words: kept.slice(0, limit), total, distinct: kept.length }
}
