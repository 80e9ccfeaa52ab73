// Article requests: the list the library view shows, one article with its text, metadata edits.
import type { ArticleDetail, ArticleSummary, ParsedRequestOf } from '../../shared/ipc/contract'
import { countWords } from '../../shared/text'
import { notFound } from '../library/errors'
import type { LibraryStore } from '../library/store'
import type { Article } from '../../shared/model'
import { definedOnly } from '../../shared/objects'

const OPENING_WORDS = 12

export function articleServices(store: LibraryStore) {
  /** Word counts and openings only change with the text, so they are computed once per text. */
  const summaries = new Map<string, { text: string | null; wordCount: number; opening: string; status: ArticleSummary['textStatus'] }>()

  async function textFacts(article: Article) {
    const cached = summaries.get(article.id)
    if (cached) return cached
    const { text, status } = await store.readOriginal(article)
    const facts = {
      text,
      status,
      wordCount: text === null ? 0 : countWords(text),
      opening: text === null ? '' : openingOf(text)
    }
    summaries.set(article.id, facts)
    return facts
  }

  function find(id: string): Article {
    const article = store.article(id)
    if (!article) throw notFound(`Article “${id}”`)
    return article
  }

  return {
    'articles:list': async (): Promise<ArticleSummary[]> =>
      Promise.all(
        store.data.articles.map(async (article) => {
          const facts = await textFacts(article)
          return {
            id: article.id,
            title: article.meta.title,
            opening: facts.opening,
            outlet: article.meta.outlet,
            author: article.meta.author,
            date: article.meta.date,
            kind: article.meta.kind,
            wordCount: facts.wordCount,
            textStatus: facts.status
          }
        })
      ),

    'articles:get': async ({ id }: ParsedRequestOf<'articles:get'>): Promise<ArticleDetail> => {
      const article = find(id)
      const { text, status } = await textFacts(article)
      return { article, text, textStatus: status }
    },

    'articles:update-meta': async ({ id, patch }: ParsedRequestOf<'articles:update-meta'>): Promise<Article> => {
      find(id)
      return store.update((data) => {
        const article = data.articles.find((a) => a.id === id)
        if (!article) throw notFound(`Article “${id}”`)
        article.meta = { ...article.meta, ...definedOnly(patch) }
        article.updatedAt = store.now()
        return article
      })
    }
  }
}

function openingOf(text: string): string {
  const words = text.trim().split(/\s+/).slice(0, OPENING_WORDS)
  return words.join(' ')
}
