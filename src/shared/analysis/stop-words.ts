// The words a word count leaves out unless the user says otherwise: English function words (articles,
// pronouns, auxiliaries, prepositions, conjunctions) and the pieces contractions leave once apostrophes
// separate words, as they do in search ("didn't" is read as "didn" and "t"). Kept short and plain so a
// critic can see at a glance what is missing and put back what matters to them.
import { foldWord } from '../search/fold'

export const DEFAULT_STOP_WORDS: readonly string[] = [
  'a', 'about', 'above', 'after', 'again', 'against', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as', 'at',
  'be', 'because', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'by',
  'can', 'could', 'd', 'did', 'didn', 'do', 'does', 'doesn', 'doing', 'don', 'down', 'during',
  'each', 'even', 'few', 'for', 'from', 'further', 'get', 'got', 'had', 'has', 'have', 'having', 'he', 'her', 'here',
  'hers', 'herself', 'him', 'himself', 'his', 'how', 'i', 'if', 'in', 'into', 'is', 'isn', 'it', 'its', 'itself', 'just',
  'll', 'm', 'me', 'more', 'most', 'my', 'myself', 'no', 'nor', 'not', 'now', 'of', 'off', 'on', 'once', 'only', 'or',
  'other', 'our', 'ours', 'ourselves', 'out', 'over', 'own', 're', 's', 'same', 'she', 'should', 'so', 'some', 'such',
  't', 'than', 'that', 'the', 'their', 'theirs', 'them', 'themselves', 'then', 'there', 'these', 'they', 'this',
  'those', 'through', 'to', 'too', 'under', 'until', 'up', 'us', 've', 'very', 'was', 'wasn', 'we', 'were', 'what',
  'when', 'where', 'which', 'while', 'who', 'whom', 'why', 'will', 'with', 'won', 'would', 'you', 'your', 'yours',
  'yourself', 'yourselves'
]

/** The list as a set of folded words, so "The", "THE" and "thé" are all left out by "the". */
export function stopWordSet(words: readonly string[] | null | undefined): Set<string> {
  return new Set((words ?? DEFAULT_STOP_WORDS).map((w) => foldWord(w.trim())).filter((w) => w !== ''))
}

/** A list typed by hand (one word a line, or separated by commas or spaces) as the words it holds, each once. */
export function parseStopWords(typed: string): string[] {
  return [...new Set(typed.split(/[\s,;]+/u).map((w) => foldWord(w)).filter((w) => w !== ''))]
}
