// Highlight requests: create a highlight on the text shown, recolour and code it with themes, annotate it
// with a note, delete and undo, re-attach one that lost its place, code many at once, and list every
// passage coded with a theme.
import { randomUUID } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import { describeRange } from '../../shared/anchoring'
import type { AnchoredHighlight, ParsedRequestOf, ThemePassage } from '../../shared/ipc/contract'
import type { Highlight, LibraryData } from '../../shared/model'
import { descendantIds } from '../../shared/theme-tree'
import { LibraryError } from '../library/errors'
import type { LibraryStore, StoredText } from '../library/store'
import { shownText, type ArticleTexts } from './article-texts'
import { existingThemeIds, requireArticle, requireHighlight, requireTheme } from './records'

export function highlightServices(store: LibraryStore, texts: ArticleTexts) {
  /**
   * Selectors for text[start, end) of the article as the draft has it. The original is read before the
   * write (reading is async, a change is not) and the correction taken from the draft, so a correction
   * saved in between cannot slip under the offsets unnoticed.
   */
  function describeOnDraft(data: LibraryData, articleId: string, original: StoredText, start: number, end: number, exact?: string) {
    const article = requireArticle(data, articleId)
    const { text } = shownText(article, original)
    if (text === null) {
      const name = article.meta.title || article.id
      throw new LibraryError('not-found', `The text of “${name}” is missing from the library folder, so nothing in it can be highlighted.`)
    }
    if (start >= end) {
      throw new LibraryError(
        'invalid-request',
        `A highlight must cover at least one character: its start (${start}) must come before its end (${end}).`
      )
    }
    if (end > text.length) {
      throw new LibraryError('invalid-request', `The highlight ends at character ${end}, past the end of the text (${text.length} characters).`)
    }
    if (exact !== undefined && text.slice(start, end) !== exact) {
      throw new LibraryError('conflict', 'The article’s text changed after the words were selected (a correction was saved). Select them again.')
    }
    return describeRange(text, start, end)
  }

  const placed = (highlight: Highlight): AnchoredHighlight => ({
    ...highlight,
    anchor: { start: highlight.position.start, end: highlight.position.end, method: 'position' }
  })

  return {
    'highlights:create': async (request: ParsedRequestOf<'highlights:create'>): Promise<AnchoredHighlight> => {
      const original = await texts.original(requireArticle(store.data, request.articleId))
      const created = await store.update((data) => {
        const selectors = describeOnDraft(data, request.articleId, original, request.start, request.end, request.exact)
        const now = store.now()
        const highlight: Highlight = {
          id: `hl-${randomUUID()}`,
          articleId: request.articleId,
          ...selectors,
          color: request.color ?? null,
          themeIds: existingThemeIds(data, request.themeIds ?? []),
          note: null,
          createdAt: now,
          updatedAt: now
        }
        data.highlights.push(highlight)
        return highlight
      })
      return placed(created)
    },

    'highlights:update': async ({ id, color, themeIds }: ParsedRequestOf<'highlights:update'>): Promise<Highlight> => {
      const current = requireHighlight(store.data, id)
      if (color === undefined && themeIds === undefined) return current
      return store.update((data) => {
        const highlight = requireHighlight(data, id)
        if (color !== undefined) highlight.color = color
        if (themeIds !== undefined) highlight.themeIds = existingThemeIds(data, themeIds)
        highlight.updatedAt = store.now()
        return highlight
      })
    },

    /** The note's document was checked against NoteDoc on the way in; null removes the note. */
    'highlights:set-note': async ({ id, note }: ParsedRequestOf<'highlights:set-note'>): Promise<Highlight> => {
      const current = requireHighlight(store.data, id)
      // An autosave of the note as stored is no edit: the highlight's update time stays.
      if (isDeepStrictEqual(note, current.note)) return current
      return store.update((data) => {
        const highlight = requireHighlight(data, id)
        highlight.note = note
        highlight.updatedAt = store.now()
        return highlight
      })
    },

    /** Answers with the record removed, which is all highlights:restore needs to undo it. */
    'highlights:delete': async ({ id }: ParsedRequestOf<'highlights:delete'>): Promise<Highlight> => {
      requireHighlight(store.data, id)
      return store.update((data) => {
        const deleted = requireHighlight(data, id)
        data.highlights = data.highlights.filter((h) => h.id !== id)
        return deleted
      })
    },

    'highlights:restore': async ({ highlight }: ParsedRequestOf<'highlights:restore'>): Promise<Highlight> =>
      store.update((data) => {
        if (data.highlights.some((h) => h.id === highlight.id)) {
          throw new LibraryError('conflict', 'This highlight is already in the library; it cannot be restored twice.')
        }
        if (!data.articles.some((a) => a.id === highlight.articleId)) {
          throw new LibraryError('conflict', `The article this highlight belonged to (“${highlight.articleId}”) is no longer in the library.`)
        }
        // Themes deleted since the highlight was are dropped quietly: the highlight itself is what matters.
        const known = new Set(data.themes.map((t) => t.id))
        const themeIds = [...new Set(highlight.themeIds)].filter((id) => known.has(id))
        const restored = themeIds.length === highlight.themeIds.length ? highlight : { ...highlight, themeIds, updatedAt: store.now() }
        data.highlights.push(restored)
        return restored
      }),

    /** New selectors from the text shown now; colour and themes stay. Works for an anchored one too (a move). */
    'highlights:reattach': async ({ id, start, end, exact }: ParsedRequestOf<'highlights:reattach'>): Promise<AnchoredHighlight> => {
      const { articleId } = requireHighlight(store.data, id)
      const original = await texts.original(requireArticle(store.data, articleId))
      const moved = await store.update((data) => {
        const highlight = requireHighlight(data, id)
        const { quote, position } = describeOnDraft(data, highlight.articleId, original, start, end, exact)
        highlight.quote = quote
        highlight.position = position
        highlight.updatedAt = store.now()
        return highlight
      })
      return placed(moved)
    },

    /** One write for all of them: coding a hundred passages is saved whole or not at all, and only once. */
    'highlights:bulk-themes': async ({ ids, add = [], remove = [] }: ParsedRequestOf<'highlights:bulk-themes'>): Promise<Highlight[]> =>
      store.update((data) => {
        const adding = existingThemeIds(data, add)
        const removing = new Set(remove)
        const both = adding.filter((t) => removing.has(t))
        if (both.length > 0) {
          throw new LibraryError('invalid-request', `Theme “${both[0]}” cannot be both added to and removed from the same highlights.`)
        }
        const wanted = [...new Set(ids)]
        const highlights = wanted.map((id) => requireHighlight(data, id))
        const now = store.now()
        for (const highlight of highlights) {
          const themeIds = [...highlight.themeIds.filter((t) => !removing.has(t)), ...adding.filter((t) => !highlight.themeIds.includes(t))]
          if (themeIds.length === highlight.themeIds.length && themeIds.every((t, i) => t === highlight.themeIds[i])) continue
          highlight.themeIds = themeIds
          highlight.updatedAt = now
        }
        return highlights
      }),

    /** Ordered as the library lists its articles, then by place in the text, as a reader would meet them. */
    'highlights:by-theme': async ({ themeId, includeChildren = false }: ParsedRequestOf<'highlights:by-theme'>): Promise<ThemePassage[]> => {
      const data = store.data
      requireTheme(data, themeId)
      const wanted = new Set([themeId, ...(includeChildren ? descendantIds(data.themes, themeId) : [])])
      const coded = data.highlights.filter((h) => h.themeIds.some((t) => wanted.has(t)))
      const passages: ThemePassage[] = []
      for (const article of data.articles) {
        const ofArticle = coded
          .filter((h) => h.articleId === article.id)
          .sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end)
        if (ofArticle.length === 0) continue
        const articleTitle = await texts.titleOf(article)
        for (const highlight of ofArticle) passages.push({ highlight, articleId: article.id, articleTitle })
      }
      return passages
    }
  }
}
