// Article requests: the list the library view shows, one article with its text and placed highlights,
// metadata edits, the memo on the whole article, and corrections of the text (the original file is
// never written).
import { isDeepStrictEqual } from 'node:util'
import type { ArticleDetail, ArticleSummary, CorrectionResult, ParsedRequestOf } from '../../shared/ipc/contract'
import type { Article } from '../../shared/model'
import { definedOnly } from '../../shared/objects'
import { LibraryError } from '../library/errors'
import type { LibraryStore } from '../library/store'
import { shownText, type ArticleTexts } from './article-texts'
import { reanchored, sameSelectors, type AnchorCache } from './highlight-anchors'
import { requireArticle } from './records'

export function articleServices(store: LibraryStore, texts: ArticleTexts, anchors: AnchorCache) {
  async function detail(id: string): Promise<ArticleDetail> {
    const original = await texts.original(requireArticle(store.data, id))
    // Looked up again after the read, so article, text and highlights all come from one moment.
    const article = requireArticle(store.data, id)
    const { text, status } = shownText(article, original)
    const highlights = anchors.place(
      id,
      text,
      store.data.highlights.filter((h) => h.articleId === id)
    )
    return { article, text, textStatus: status, highlights }
  }

  return {
    'articles:list': async (): Promise<ArticleSummary[]> =>
      Promise.all(
        store.data.articles.map(async (article) => {
          const { text, status } = await texts.shown(article)
          const facts = texts.factsOf(article.id, text)
          return {
            id: article.id,
            title: article.meta.title,
            opening: facts.opening,
            outlet: article.meta.outlet,
            author: article.meta.author,
            date: article.meta.date,
            kind: article.meta.kind,
            wordCount: facts.wordCount,
            textStatus: status
          }
        })
      ),

    'articles:get': async ({ id }: ParsedRequestOf<'articles:get'>): Promise<ArticleDetail> => detail(id),

    'articles:update-meta': async ({ id, patch }: ParsedRequestOf<'articles:update-meta'>): Promise<Article> => {
      requireArticle(store.data, id)
      return store.update((data) => {
        const article = requireArticle(data, id)
        article.meta = { ...article.meta, ...definedOnly(patch) }
        article.updatedAt = store.now()
        return article
      })
    },

    /** The memo's document was checked against NoteDoc on the way in; null removes the memo. */
    'articles:set-memo': async ({ id, memo }: ParsedRequestOf<'articles:set-memo'>): Promise<Article> => {
      const current = requireArticle(store.data, id)
      // An autosave of the memo as stored is no edit: the article's update time stays.
      if (isDeepStrictEqual(memo, current.memo)) return current
      return store.update((data) => {
        const article = requireArticle(data, id)
        article.memo = memo
        article.updatedAt = store.now()
        return article
      })
    },

    /**
     * Stores the corrected text (null: back to the original) and, in the same write, moves every highlight
     * of the article onto it: those that anchor are described afresh where they landed, so the next load
     * finds them by position; those that do not keep their old selectors and show as unanchored.
     */
    'articles:correct-text': async ({ id, text }: ParsedRequestOf<'articles:correct-text'>): Promise<CorrectionResult> => {
      const original = await texts.original(requireArticle(store.data, id))
      const counts = await store.update((data) => {
        const article = requireArticle(data, id)
        const shown = text ?? original.text
        if (shown === null) {
          throw new LibraryError(
            'conflict',
            `The original text of “${article.meta.title || article.id}” is missing from the library folder, ` +
              'so the correction cannot be undone: it is the only copy left.'
          )
        }
        // A "correction" identical to the original is no correction; storing null keeps one copy only.
        const correctedText = shown === original.text ? null : shown
        if (correctedText !== article.correctedText) {
          article.correctedText = correctedText
          article.updatedAt = store.now()
        }
        let anchored = 0
        data.highlights = data.highlights.map((highlight) => {
          if (highlight.articleId !== id) return highlight
          const moved = reanchored(shown, highlight)
          if (moved === null) return highlight
          anchored++
          return sameSelectors(moved, highlight) ? highlight : { ...moved, updatedAt: store.now() }
        })
        const total = data.highlights.filter((h) => h.articleId === id).length
        return { anchored, unanchored: total - anchored }
      })
      return { detail: await detail(id), ...counts }
    }
  }
}
