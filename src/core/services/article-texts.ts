// The text the reader shows for an article — the user's correction if there is one, else the verbatim
// original — read from disk on demand and kept for the most recently used articles only, so a library of
// thousands of articles does not end up with every text in memory.
import type { Article } from '../../shared/model'
import type { LibraryStore, StoredText, TextStatus } from '../library/store'

export interface ShownText {
  /** The correction, else the original; null only when there is no correction and the original is gone. */
  text: string | null
  /** Always the original's status: a correction does not make a missing or altered original whole. */
  status: TextStatus
}

/** The correction wins over the original. Pure, so it can run inside a transaction. */
export function shownText(article: Article, original: StoredText): ShownText {
  return { text: article.correctedText ?? original.text, status: original.status }
}

/** How many originals stay in memory: enough for the reader, an export's working set, and a quotation search. */
const KEPT = 512

export class ArticleTexts {
  /** The app never writes an original, so a read stays true until the article is gone. Least recently used first. */
  private readonly originals = new Map<string, StoredText & { file: string }>()

  constructor(private readonly store: LibraryStore) {}

  async original(article: Article): Promise<StoredText> {
    const cached = this.originals.get(article.id)
    // Kept per text file: an article read again from its original points at a new file.
    if (cached && cached.file === article.file) {
      this.originals.delete(article.id)
      this.originals.set(article.id, cached)
      return cached
    }
    const read = await this.store.readOriginal(article)
    this.originals.delete(article.id)
    this.originals.set(article.id, { ...read, file: article.file })
    if (this.originals.size > KEPT) this.originals.delete(this.originals.keys().next().value!)
    return read
  }

  /** Forgets an article's text (it was read again from its original under a new name). */
  forget(articleId: string): void {
    this.originals.delete(articleId)
  }

  async shown(article: Article): Promise<ShownText> {
    return shownText(article, await this.original(article))
  }

  /** The article's title, or its opening words when it has none (as the library list shows it). */
  async titleOf(article: Article): Promise<string> {
    if (article.meta.title.trim() !== '') return article.meta.title
    if (article.facts) return article.facts.opening || article.id
    const { text } = await this.shown(article)
    return text?.trim().split(/\s+/).slice(0, 12).join(' ') || article.id
  }
}
