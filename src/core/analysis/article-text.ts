// What one article's text adds to the analyses that need words or speakers: how often each word occurs
// in it (folded as search folds words), and its highlights placed on the text with who says them — by
// the text's speaker labels, the same attribution exports use, or as set by hand. Worked out when the
// article's text or highlights change, and kept, so a library's word counts are a sum, not a reread.
import { anchor } from '../../shared/anchoring'
import type { Article, Highlight } from '../../shared/model'
import { foldForIndex } from '../../shared/search/fold'
import { articleSpeakerMap, passageVoices, voiceNames, type SpeakerMap } from '../../shared/speakers'
import { themeSetKey } from './themes-lens'

/** Every word the analyses have met, each given a number once, so an article's counts are a compact array. */
export class Vocabulary {
  private readonly ids = new Map<string, number>()
  readonly words: string[] = []

  idOf(word: string): number {
    let id = this.ids.get(word)
    if (id === undefined) {
      id = this.words.length
      this.ids.set(word, id)
      this.words.push(word)
    }
    return id
  }

  find(word: string): number | undefined {
    return this.ids.get(word)
  }
}

/** Pairs of (word id, count), in the order first met. */
export type WordVector = Uint32Array

/** The words of a text, folded as search folds them, counted. */
export function countWords(text: string, vocabulary: Vocabulary): WordVector {
  const counts = new Map<number, number>()
  for (const word of foldForIndex(text).split(' ')) {
    if (word === '') continue
    const id = vocabulary.idOf(word)
    counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  const vector = new Uint32Array(counts.size * 2)
  let at = 0
  for (const [id, count] of counts) {
    vector[at++] = id
    vector[at++] = count
  }
  return vector
}

/** One voice of a placed passage, in offsets from the passage's start. */
export interface PassageVoice {
  from: number
  to: number
  speaker: string | null
}

export interface PlacedHighlight {
  id: string
  /** Where it is in the current text; null when it no longer anchors. */
  start: number | null
  end: number | null
  /** Whether the stored quote is the current text's passage word for word (then voices cut it exactly). */
  exact: boolean
  voices: PassageVoice[]
  /** The named speakers, each once, in order. */
  speakers: string[]
}

/** A speaker's name as the analyses compare it: folded like a search word, spaces collapsed. */
export function speakerKey(name: string): string {
  return foldForIndex(name)
}

/** The article's speaker map, as every exporter builds it (line kinds only while the original is shown). */
export function speakerMapOf(article: Article, text: string): SpeakerMap {
  return articleSpeakerMap(text, article.meta.kind, article.meta.author, article.correctedText === null ? article.kinds : undefined)
}

/** Places one highlight on the text and says who speaks it. */
export function placeHighlight(highlight: Highlight, text: string | null, map: SpeakerMap | null): PlacedHighlight {
  const found = text === null ? null : anchor(text, highlight)
  if (found === null || text === null || map === null) {
    // Not on the text: only a speaker set by hand can still be named.
    const name = highlight.speaker?.name ?? null
    return { id: highlight.id, start: null, end: null, exact: false, voices: [{ from: 0, to: highlight.quote.exact.length, speaker: name }], speakers: name === null ? [] : [name] }
  }
  const voices = passageVoices(map, found.start, found.end, highlight.speaker)
  return {
    id: highlight.id,
    start: found.start,
    end: found.end,
    exact: text.slice(found.start, found.end) === highlight.quote.exact,
    voices: voices.map((v) => ({ from: v.start - found.start, to: v.end - found.start, speaker: v.speaker })),
    speakers: voiceNames(voices)
  }
}

export interface ArticleText {
  /** The article record these facts were read from: a newer record means they are out of date. */
  article: Article
  words: WordVector
  /** Coded highlights each named speaker says, by the highlights' theme key; keys are speakerKey(name). */
  speakerSets: Map<string, Map<string, number>>
  /** Each speaker key's name as this article writes it. */
  speakerNames: Map<string, string>
  /** The article's highlights that have a speaker, placed. */
  placed: Map<string, PlacedHighlight>
}

/** Whether an article's highlights can have speakers: an interview's by its labels, any article's by hand. */
export function hasSpeakers(article: Article, highlights: readonly Highlight[]): boolean {
  return article.meta.kind === 'interview' || highlights.some((h) => h.speaker !== undefined)
}

/** The article's speakers: its highlights placed and attributed, and the coded ones counted by speaker. */
export function articleSpeakers(article: Article, text: string | null, highlights: readonly Highlight[]): Pick<ArticleText, 'speakerSets' | 'speakerNames' | 'placed'> {
  const speakerSets = new Map<string, Map<string, number>>()
  const speakerNames = new Map<string, string>()
  const placed = new Map<string, PlacedHighlight>()
  if (!hasSpeakers(article, highlights)) return { speakerSets, speakerNames, placed }
  const map = text === null ? null : speakerMapOf(article, text)
  for (const highlight of highlights) {
    const place = placeHighlight(highlight, text, map)
    if (place.speakers.length === 0) continue
    placed.set(highlight.id, place)
    if (highlight.themeIds.length === 0) continue
    const key = themeSetKey(highlight.themeIds)
    for (const name of place.speakers) {
      const who = speakerKey(name)
      if (!speakerNames.has(who)) speakerNames.set(who, name)
      const sets = speakerSets.get(who) ?? new Map<string, number>()
      sets.set(key, (sets.get(key) ?? 0) + 1)
      speakerSets.set(who, sets)
    }
  }
  return { speakerSets, speakerNames, placed }
}

/** The words of a passage a speaker says: their voices' part of the quote (the whole quote when it is not exact). */
export function wordsSaidBy(placed: PlacedHighlight, quote: string, key: string): string[] {
  if (!placed.exact) return [quote]
  return placed.voices.filter((v) => v.speaker !== null && speakerKey(v.speaker) === key).map((v) => quote.slice(v.from, v.to))
}
