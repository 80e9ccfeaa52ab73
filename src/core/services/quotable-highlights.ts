// The highlights a note can quote: found by words, theme or article, each with what a citation needs
// (article, outlet, date, themes, speaker), and a check of which quoted highlights still exist, so a
// quotation whose source was deleted can say so instead of linking nowhere.
import { anchor } from '../../shared/anchoring'
import type { CurrentQuote, ParsedRequestOf, QuotableHighlight } from '../../shared/ipc/contract'
import type { Article, Highlight } from '../../shared/model'
import { noteText } from '../../shared/note-doc'
import { speakerList } from '../../shared/citation'
import { highlightSpeakers, speakerMapOfArticle } from '../../shared/speakers'
import { foldForSearch, queryWords } from '../../shared/text'
import { descendantIds } from '../../shared/theme-tree'
import type { LibraryStore } from '../library/store'
import type { ArticleTexts } from './article-texts'
import type { SearchIndex } from '../search/search-index'
import { requireArticle, requireTheme } from './records'

/** Enough to fill the quotation picker; a narrower query finds the rest. */
const DEFAULT_LIMIT = 50

/**
 * Who says a highlighted passage, where an interview labels its speakers (the speaker module reads the
 * labels of the article's text once), or as the user set it by hand; each speaker once, in order.
 */
function speakersOf(article: Article, text: string | null): (highlight: Highlight) => string[] {
  if (text === null) return (highlight) => (highlight.speaker?.name ? [highlight.speaker.name] : [])
  const map = speakerMapOfArticle(article, text)
  return (highlight) => highlightSpeakers(map, highlight)
}

/** As a reader meets them in the text: by start, then the shorter of two that start together first. */
function inTextOrder(a: Highlight, b: Highlight): number {
  return a.position.start - b.position.start || a.position.end - b.position.end
}

export function quotableHighlightServices(store: LibraryStore, texts: ArticleTexts, search?: () => Promise<SearchIndex>) {
  return {
    /**
     * With words: the highlights whose own words or note hold them, most relevant first (as search ranks
     * them), then those found by their article's title, outlet or theme names. Without: as the library
     * lists its articles, then by place in the text. Cut at `limit`.
     */
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
      const taken = new Set<string>()
      const quotable = async (article: Article, highlight: Highlight, speakersOfHighlight: (highlight: Highlight) => string[]): Promise<boolean> => {
        const articleTitle = await texts.titleOf(article)
        const { outlet, date } = article.meta
        const names = highlight.themeIds.flatMap((id) => themeNames.get(id) ?? [])
        const note = highlight.note === null ? '' : noteText(highlight.note)
        const haystack = foldForSearch([highlight.quote.exact, note, articleTitle, outlet, ...names].join('\n'))
        if (!words.every((word) => haystack.includes(word))) return false
        const speakers = speakersOfHighlight(highlight)
        found.push({ highlight, articleTitle, outlet, date, themeNames: names, speakers, speaker: speakers.length === 0 ? null : speakerList(speakers) })
        taken.add(highlight.id)
        return true
      }
      if (words.length > 0 && search) {
        const ranked = await (await search()).search(query, { kinds: ['highlight'], limit: Math.min(1_000, limit * 4), ...(articleId !== undefined ? { filters: { articleId } } : {}) })
        for (const hit of ranked.groups.flatMap((g) => g.hits)) {
          const highlight = store.highlight(hit.id)
          const article = highlight ? store.article(highlight.articleId) : null
          if (!highlight || !article || (themes !== null && !highlight.themeIds.some((t) => themes.has(t)))) continue
          const { text } = await texts.shown(article)
          if ((await quotable(article, highlight, speakersOf(article, text))) && found.length === limit) return found
        }
      }
      for (const article of store.articles()) {
        const candidates = byArticle.get(article.id)?.filter((h) => !taken.has(h.id))
        if (!candidates || candidates.length === 0) continue
        const { text } = await texts.shown(article)
        const speakersOfHighlight = speakersOf(article, text)
        for (const highlight of candidates.sort(inTextOrder)) {
          if ((await quotable(article, highlight, speakersOfHighlight)) && found.length === limit) return found
        }
      }
      return found
    },

    'highlights:in-trash': async ({ ids }: ParsedRequestOf<'highlights:in-trash'>): Promise<string[]> => {
      await store.whenLoaded()
      return store.highlightsInTrash(ids)
    },

    'highlights:current-quotes': async ({ ids }: ParsedRequestOf<'highlights:current-quotes'>): Promise<CurrentQuote[]> => {
      await store.whenLoaded()
      const found: CurrentQuote[] = []
      for (const id of new Set(ids)) {
        const highlight = store.highlight(id)
        const article = highlight ? store.article(highlight.articleId) : null
        if (!highlight || !article) continue
        const { text } = await texts.shown(article)
        const placed = text === null ? null : anchor(text, highlight)
        const speakers = speakersOf(article, text)(placed ? { ...highlight, position: { ...highlight.position, start: placed.start, end: placed.end } } : highlight)
        found.push({ id, quote: placed && text !== null ? text.slice(placed.start, placed.end) : highlight.quote.exact, speaker: speakers.length === 0 ? null : speakerList(speakers) })
      }
      return found
    },

    /** The ids, in the order asked and without repeats, of those still in the library. */
    'highlights:exist': async ({ ids }: ParsedRequestOf<'highlights:exist'>): Promise<string[]> => {
      await store.whenLoaded()
      return [...new Set(ids)].filter((id) => store.highlight(id) !== null)
    }
  }
}
