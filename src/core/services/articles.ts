// Article requests: the list the library view shows, one article with its text and placed highlights,
// metadata edits, the memo on the whole article, and corrections of the text (the original file is
// never written).
import { isDeepStrictEqual } from 'node:util'
import type { ArticleDetail, ArticleSummary, CorrectionResult, ParsedRequestOf, TextStatus, TrashCounts, TrashedArticle } from '../../shared/ipc/contract'
import type { Article } from '../../shared/model'
import { definedOnly } from '../../shared/objects'
import { LibraryError } from '../library/errors'
import type { LibraryStore } from '../library/store'
import { factsOf } from '../library/store'
import { shownText, type ArticleTexts } from './article-texts'
import { moveHighlightsOnto, type AnchorCache } from './highlight-anchors'
import { requireArticle } from './records'

export function articleServices(store: LibraryStore, texts: ArticleTexts, anchors: AnchorCache) {
  async function detail(id: string): Promise<ArticleDetail> {
    const original = await texts.original(requireArticle(store, id))
    await store.whenLoaded()
    // Looked up again after the reads, so article, text and highlights all come from one moment.
    const article = requireArticle(store, id)
    const { text, status } = shownText(article, original)
    const highlights = anchors.place(id, text, store.highlightsOfArticle(id))
    return { article, text, textStatus: status as TextStatus, highlights }
  }

  return {
    'articles:trash': async ({ ids }: ParsedRequestOf<'articles:trash'>): Promise<TrashCounts> => {
      await store.whenLoaded()
      for (const id of ids) requireArticle(store, id)
      return store.moveToTrash(ids)
    },
    'trash:restore': async ({ ids }: ParsedRequestOf<'trash:restore'>): Promise<TrashCounts> => store.restoreFromTrash(ids),
    'trash:list': async (): Promise<TrashedArticle[]> => {
      await store.whenLoaded()
      return store.trashed().map(({ article, highlights }) => ({
        id: article.id,
        title: article.meta.title || article.facts?.opening || article.id,
        outlet: article.meta.outlet,
        trashedAt: article.trashedAt ?? '',
        highlights
      }))
    },
    'trash:empty': async (): Promise<TrashCounts> => store.emptyTrash(),

    /** From the stored facts: no text is read. Hashes are checked in the background; until then 'unchecked'. */
    'articles:list': async (): Promise<ArticleSummary[]> =>
      Promise.all(
        store.articles().map(async (article) => {
          const facts = article.facts ?? factsOf((await texts.shown(article)).text)
          return {
            id: article.id,
            title: article.meta.title,
            opening: facts.opening,
            outlet: article.meta.outlet,
            author: article.meta.author,
            date: article.meta.date,
            kind: article.meta.kind,
            wordCount: facts.wordCount,
            highlightCount: store.highlightsOfArticle(article.id).length,
            textStatus: store.knownTextStatus(article.id) as TextStatus
          }
        })
      ),

    'articles:get': async ({ id }: ParsedRequestOf<'articles:get'>): Promise<ArticleDetail> => detail(id),

    'articles:update-meta': async ({ id, patch }: ParsedRequestOf<'articles:update-meta'>): Promise<Article> => {
      requireArticle(store, id)
      return store.transact((tx) => {
        const article = tx.requireArticle(id)
        const changed = { ...article, meta: { ...article.meta, ...definedOnly(patch) }, updatedAt: tx.now }
        tx.putArticle(changed)
        return changed
      })
    },

    /** The memo's document was checked against NoteDoc on the way in; null removes the memo. */
    'articles:set-memo': async ({ id, memo }: ParsedRequestOf<'articles:set-memo'>): Promise<Article> => {
      const current = requireArticle(store, id)
      // An autosave of the memo as stored is no edit: the article's update time stays.
      if (isDeepStrictEqual(memo, current.memo)) return current
      return store.transact((tx) => {
        const article = { ...tx.requireArticle(id), memo, updatedAt: tx.now }
        tx.putArticle(article)
        return article
      })
    },

    /**
     * Stores the corrected text (null: back to the original) and, in the same write, moves every highlight
     * of the article onto it: those that anchor are described afresh where they landed, so the next load
     * finds them by position; those that do not keep their old selectors and show as unanchored.
     */
    'articles:correct-text': async ({ id, text }: ParsedRequestOf<'articles:correct-text'>): Promise<CorrectionResult> => {
      const original = await texts.original(requireArticle(store, id))
      const counts = await store.transact((tx) => {
        const article = tx.requireArticle(id)
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
          tx.putArticle({ ...article, correctedText, facts: factsOf(shown), updatedAt: tx.now })
        }
        return moveHighlightsOnto(tx, id, shown)
      })
      return { detail: await detail(id), ...counts }
    }
  }
}
