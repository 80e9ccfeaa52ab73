// The highlights a note can quote: found by words, theme or article, each with what a citation needs
// (article, outlet, date, themes, speaker), and a check of which quoted highlights still exist, so a
// quotation whose source was deleted can say so instead of linking nowhere.
import type { ParsedRequestOf, QuotableHighlight } from '../../shared/ipc/contract'
import type { Article, Highlight } from '../../shared/model'
import { noteText } from '../../shared/note-doc'
import { articleSpeakers } from '../../shared/speakers'
import { foldForSearch, queryWords } from '../../shared/text'
import { descendantIds } from '../../shared/theme-tree'
import type { LibraryStore } from '../library/store'
import type { ArticleTexts } from './article-texts'
import { requireArticle, requireTheme } from './records'

/** Enough to fill the quotation picker; a narrower query finds the rest. */
const DEFAULT_LIMIT = 50

/**
 * Who says the words at an offset, where an interview labels its speakers: the speaker module reads the
 * labels of the article's text once; null everywhere when there is no text or it does not say.
 */
function speakersOf(article: Article, text: string | null): (offset: number) => string | null {
  return text === null ? () => null : articleSpeakers(text, article.meta.kind, article.meta.author)
}

/** As a reader meets them in the text: by start, then the shorter of two that start together first. */
function inTextOrder(a: Highlight, b: Highlight): number {
  return a.position.start - b.position.start || a.position.end - b.position.end
}

export function quotableHighlightServices(store: LibraryStore, texts: ArticleTexts) {
  return {
    /** Ordered as the library lists its articles, then by place in the text, and cut at `limit`. */
    'highlights:search': async (request: ParsedRequestOf<'highlights:search'>): Promise<QuotableHighlight[]> => {
      const { query = '', themeId, articleId, limit = DEFAULT_LIMIT } = request
      await store.whenLoaded()
      const words = queryWords(query)
      if (themeId !== undefined) requireTheme(store, themeId)
      if (articleId !== undefined) requireArticle(store, articleId)
      const themes = themeId === undefined ? null : new Set([themeId, ...descendantIds(store.themes(), themeId)])
      const themeNames = new Map(store.themes().map((t) => [t.id, t.name]))
      const byArticle = new Map<string, Highlight[]>()
      const candidates =
        articleId !== undefined ? store.highlightsOfArticle(articleId) : themes !== null ? store.highlightsWithThemes(themes) : store.allHighlights()
      for (const h of candidates) {
        if (themes !== null && !h.themeIds.some((t) => themes.has(t))) continue
        const ofArticle = byArticle.get(h.articleId)
        if (ofArticle) ofArticle.push(h)
        else byArticle.set(h.articleId, [h])
      }
      const found: QuotableHighlight[] = []
      for (const article of store.articles()) {
        const candidates = byArticle.get(article.id)
        if (!candidates) continue
        const { text } = await texts.shown(article)
        const articleTitle = await texts.titleOf(article)
        const { outlet, date } = article.meta
        const speakerAt = speakersOf(article, text)
        for (const highlight of candidates.sort(inTextOrder)) {
          const names = highlight.themeIds.flatMap((id) => themeNames.get(id) ?? [])
          const note = highlight.note === null ? '' : noteText(highlight.note)
          const haystack = foldForSearch([highlight.quote.exact, note, articleTitle, outlet, ...names].join('\n'))
          if (!words.every((word) => haystack.includes(word))) continue
          found.push({ highlight, articleTitle, outlet, date, themeNames: names, speaker: speakerAt(highlight.position.start) })
          if (found.length === limit) return found
        }
      }
      return found
    },

    'highlights:in-trash': async ({ ids }: ParsedRequestOf<'highlights:in-trash'>): Promise<string[]> => {
      await store.whenLoaded()
      return store.highlightsInTrash(ids)
    },

    /** The ids, in the order asked and without repeats, of those still in the library. */
    'highlights:exist': async ({ ids }: ParsedRequestOf<'highlights:exist'>): Promise<string[]> => {
      await store.whenLoaded()
      return [...new Set(ids)].filter((id) => store.highlight(id) !== null)
    }
  }
}
