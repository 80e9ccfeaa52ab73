// Highlight requests: create a highlight on the text shown, recolour and code it with themes, annotate it
// with a note, delete and undo, re-attach one that lost its place, code many at once, and list every
// passage coded with a theme.
import { randomUUID } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import { anchor, describeRange } from '../../shared/anchoring'
import { highlightSpeakers, speakerMapOfArticle } from '../../shared/speakers'
import { snapToGraphemes } from '../../shared/text'
import type { AnchoredHighlight, ParsedRequestOf, PassageContext, ThemePassage } from '../../shared/ipc/contract'
import type { Highlight } from '../../shared/model'
import { descendantIds } from '../../shared/theme-tree'
import { LibraryError } from '../library/errors'
import type { LibraryStore, StoredText, Transaction } from '../library/store'
import { shownText, type ArticleTexts } from './article-texts'
import { existingThemeIds, requireArticle, requireHighlight, requireTheme } from './records'

export function highlightServices(store: LibraryStore, texts: ArticleTexts) {
  /**
   * Selectors for text[start, end) of the article as the draft has it. The original is read before the
   * write (reading is async, a change is not) and the correction taken from the draft, so a correction
   * saved in between cannot slip under the offsets unnoticed.
   */
  function describeOnDraft(tx: Transaction, articleId: string, original: StoredText, start: number, end: number, exact?: string) {
    const article = tx.requireArticle(articleId)
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
    // Whole characters only, whatever the page sent: half an emoji or an accent cut off is never quoted.
    const snapped = snapToGraphemes(text, start, end)
    return describeRange(text, snapped.start, snapped.end)
  }

  const placed = (highlight: Highlight): AnchoredHighlight => ({
    ...highlight,
    anchor: { start: highlight.position.start, end: highlight.position.end, method: 'position' }
  })

  return {
    'highlights:create': async (request: ParsedRequestOf<'highlights:create'>): Promise<AnchoredHighlight> => {
      const original = await texts.original(requireArticle(store, request.articleId))
      const created = await store.transact((tx) => {
        const selectors = describeOnDraft(tx, request.articleId, original, request.start, request.end, request.exact)
        const now = tx.now
        const highlight: Highlight = {
          id: `hl-${randomUUID()}`,
          articleId: request.articleId,
          ...selectors,
          color: request.color ?? null,
          themeIds: existingThemeIds(tx, request.themeIds ?? []),
          note: null,
          createdAt: now,
          updatedAt: now
        }
        tx.putHighlight(highlight)
        return highlight
      })
      return placed(created)
    },

    'highlights:update': async ({ id, color, themeIds, speaker }: ParsedRequestOf<'highlights:update'>): Promise<Highlight> => {
      await store.whenLoaded()
      const current = requireHighlight(store, id)
      if (color === undefined && themeIds === undefined && speaker === undefined) return current
      return store.transact((tx) => {
        const highlight: Highlight = { ...tx.requireHighlight(id), updatedAt: tx.now }
        if (color !== undefined) highlight.color = color
        if (themeIds !== undefined) highlight.themeIds = existingThemeIds(tx, themeIds)
        // null: the text's labels decide again; { name }: the user's word (a name, or null for nobody).
        if (speaker === null) delete highlight.speaker
        else if (speaker !== undefined) highlight.speaker = speaker
        tx.putHighlight(highlight)
        return highlight
      })
    },

    /** The note's document was checked against NoteDoc on the way in; null removes the note. */
    'highlights:set-note': async ({ id, note }: ParsedRequestOf<'highlights:set-note'>): Promise<Highlight> => {
      await store.whenLoaded()
      const current = requireHighlight(store, id)
      // An autosave of the note as stored is no edit: the highlight's update time stays.
      if (isDeepStrictEqual(note, current.note)) return current
      return store.transact((tx) => {
        const highlight = { ...tx.requireHighlight(id), note, updatedAt: tx.now }
        tx.putHighlight(highlight)
        return highlight
      })
    },

    /** Answers with the record removed, which is all highlights:restore needs to undo it. */
    'highlights:delete': async ({ id }: ParsedRequestOf<'highlights:delete'>): Promise<Highlight> => {
      await store.whenLoaded()
      requireHighlight(store, id)
      return store.transact((tx) => {
        const deleted = tx.requireHighlight(id)
        tx.removeHighlight(id)
        return deleted
      })
    },

    'highlights:restore': async ({ highlight }: ParsedRequestOf<'highlights:restore'>): Promise<Highlight> =>
      store.transact((tx) => {
        if (tx.highlight(highlight.id)) {
          throw new LibraryError('conflict', 'This highlight is already in the library; it cannot be restored twice.')
        }
        if (!tx.article(highlight.articleId)) {
          throw new LibraryError('conflict', `The article this highlight belonged to (“${highlight.articleId}”) is no longer in the library.`)
        }
        // Themes deleted since the highlight was are dropped quietly: the highlight itself is what matters.
        const themeIds = [...new Set(highlight.themeIds)].filter((id) => tx.theme(id) !== null)
        const restored = themeIds.length === highlight.themeIds.length ? highlight : { ...highlight, themeIds, updatedAt: tx.now }
        tx.putHighlight(restored)
        return restored
      }),

    /** New selectors from the text shown now; colour and themes stay. Works for an anchored one too (a move). */
    'highlights:reattach': async ({ id, start, end, exact }: ParsedRequestOf<'highlights:reattach'>): Promise<AnchoredHighlight> => {
      await store.whenLoaded()
      const { articleId } = requireHighlight(store, id)
      const original = await texts.original(requireArticle(store, articleId))
      const moved = await store.transact((tx) => {
        const current = tx.requireHighlight(id)
        const { quote, position } = describeOnDraft(tx, current.articleId, original, start, end, exact)
        const highlight = { ...current, quote, position, updatedAt: tx.now }
        tx.putHighlight(highlight)
        return highlight
      })
      return placed(moved)
    },

    /** One write for all of them: coding a hundred passages is saved whole or not at all, and only once. */
    'highlights:bulk-themes': async ({ ids, add = [], remove = [] }: ParsedRequestOf<'highlights:bulk-themes'>): Promise<Highlight[]> =>
      store.transact((tx) => {
        const adding = existingThemeIds(tx, add)
        const removing = new Set(remove)
        const both = adding.filter((t) => removing.has(t))
        if (both.length > 0) {
          throw new LibraryError('invalid-request', `Theme “${both[0]}” cannot be both added to and removed from the same highlights.`)
        }
        const wanted = [...new Set(ids)]
        return wanted.map((id) => {
          const highlight = tx.requireHighlight(id)
          const themeIds = [...highlight.themeIds.filter((t) => !removing.has(t)), ...adding.filter((t) => !highlight.themeIds.includes(t))]
          if (themeIds.length === highlight.themeIds.length && themeIds.every((t, i) => t === highlight.themeIds[i])) return highlight
          const changed = { ...highlight, themeIds, updatedAt: tx.now }
          tx.putHighlight(changed)
          return changed
        })
      }),

    /** Ordered as the library lists its articles, then by place in the text, as a reader would meet them. */
    'highlights:context': async ({ id, chars = DEFAULT_CONTEXT }: ParsedRequestOf<'highlights:context'>): Promise<PassageContext> => {
      await store.whenLoaded()
      const highlight = requireHighlight(store, id)
      const { text } = await texts.shown(requireArticle(store, highlight.articleId))
      const found = text === null ? null : anchor(text, highlight)
      if (text === null || found === null) return { before: '', quote: highlight.quote.exact, after: '', anchored: false }
      return {
        before: contextBefore(text, found.start, chars),
        quote: text.slice(found.start, found.end),
        after: contextAfter(text, found.end, chars),
        anchored: true
      }
    },

    'highlights:by-theme': async ({ themeId, includeChildren = false, offset = 0, limit = Infinity }: ParsedRequestOf<'highlights:by-theme'>): Promise<ThemePassage[]> => {
      await store.whenLoaded()
      requireTheme(store, themeId)
      const wanted = [themeId, ...(includeChildren ? descendantIds(store.themes(), themeId) : [])]
      const byArticle = new Map<string, Highlight[]>()
      for (const highlight of store.highlightsWithThemes(wanted)) {
        const list = byArticle.get(highlight.articleId)
        if (list) list.push(highlight)
        else byArticle.set(highlight.articleId, [highlight])
      }
      const passages: ThemePassage[] = []
      let skipped = 0
      for (const article of store.articles()) {
        const ofArticle = byArticle.get(article.id)
        if (!ofArticle) continue
        // Whole articles before the page are passed over without their titles being looked up.
        if (skipped + ofArticle.length <= offset) {
          skipped += ofArticle.length
          continue
        }
        ofArticle.sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end)
        const articleTitle = await texts.titleOf(article)
        // Speakers come from an interview's labels (its text read once) or the user's word.
        const text = article.meta.kind === 'interview' ? (await texts.shown(article)).text : null
        const map = text === null ? null : speakerMapOfArticle(article, text)
        for (const highlight of ofArticle) {
          if (skipped++ < offset) continue
          const speakers = map ? highlightSpeakers(map, highlight) : highlight.speaker?.name ? [highlight.speaker.name] : []
          passages.push({ highlight, articleId: article.id, articleTitle, speakers })
          if (passages.length >= limit) return passages
        }
      }
      return passages
    }
  }
}

/** Characters of context each side of a passage unless asked for more. */
const DEFAULT_CONTEXT = 400

/** Up to `chars` characters before `at`, starting at a word's beginning (or the text's). */
function contextBefore(text: string, at: number, chars: number): string {
  const from = Math.max(0, at - chars)
  if (from === 0) return text.slice(0, at)
  const space = text.slice(from, at).search(/\s/u)
  return space === -1 ? text.slice(from, at) : text.slice(from + space + 1, at)
}

/** Up to `chars` characters after `at`, ending at a word's end (or the text's). */
function contextAfter(text: string, at: number, chars: number): string {
  const to = Math.min(text.length, at + chars)
  if (to === text.length) return text.slice(at)
  const piece = text.slice(at, to)
  const space = Math.max(piece.lastIndexOf(' '), piece.lastIndexOf('\n'))
  return space <= 0 ? piece : piece.slice(0, space)
}
