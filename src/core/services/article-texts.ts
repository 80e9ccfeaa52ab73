// The text the reader shows for an article — the user's correction if there is one, else the verbatim
// original — and what the library list derives from it. Originals are read from disk once per article.
import type { TextStatus } from '../../shared/ipc/contract'
import type { Article } from '../../shared/model'
import { countWords, openingWords } from '../../shared/text'
import type { LibraryStore, StoredText } from '../library/store'

export interface ShownText {
  /** The correction, else the original; null only when there is no correction and the original is gone. */
  text: string | null
  /** Always the original's status: a correction does not make a missing or altered original whole. */
  status: TextStatus
}

export interface TextFacts {
  wordCount: number
  opening: string
}

/** The correction wins over the original. Pure, so it can run inside a store.update() on the draft. */
export function shownText(article: Article, original: StoredText): ShownText {
  return { text: article.correctedText ?? original.text, status: original.status }
}

export class ArticleTexts {
  /** The app never writes an original, so one read per article is enough. */
  private readonly originals = new Map<string, StoredText>()
  /** Keyed by article id but checked against the text they were computed from, so a correction shows. */
  private readonly facts = new Map<string, { text: string | null; facts: TextFacts }>()

  constructor(private readonly store: LibraryStore) {}

  async original(article: Article): Promise<StoredText> {
    const cached = this.originals.get(article.id)
    if (cached) return cached
    const read = await this.store.readOriginal(article)
    this.originals.set(article.id, read)
    return read
  }

  async shown(article: Article): Promise<ShownText> {
    return shownText(article, await this.original(article))
  }

  /** Word count and opening words of the text shown, computed once per distinct text. */
  factsOf(articleId: string, text: string | null): TextFacts {
    const cached = this.facts.get(articleId)
    if (cached && cached.text === text) return cached.facts
    const facts = text === null ? { wordCount: 0, opening: '' } : { wordCount: countWords(text), opening: openingWords(text) }
    this.facts.set(articleId, { text, facts })
    return facts
  }

  /** The article's title, or its opening words when it has none (as the library list shows it). */
  async titleOf(article: Article): Promise<string> {
    if (article.meta.title.trim() !== '') return article.meta.title
    const { text } = await this.shown(article)
    return this.factsOf(article.id, text).opening || article.id
  }
}
