// One article's state in the reader and every change to its highlights, each made through the IPC
// contract and then reflected locally. Deleted highlights are kept for undo.
import { useCallback, useEffect, useState } from 'react'
import type { AnchoredHighlight, ArticleDetail } from '../../../shared/ipc/contract'
import type { Highlight, HighlightColor } from '../../../shared/model'
import type { NoteDoc } from '../../../shared/note-doc'
import { snapToGraphemes } from '../../../shared/text'
import { call, messageOf } from '../api'
import { flushAll } from '../app/flush-registry'

export interface ArticleState {
  detail: ArticleDetail | null
  failure: string | null
  /** The last action's error, shown to the user until the next action. */
  actionError: string | null
  deleted: Highlight[]
  reload(): Promise<void>
  create(range: { start: number; end: number }, color: HighlightColor | null): Promise<AnchoredHighlight | null>
  update(id: string, patch: { color?: HighlightColor | null; themeIds?: string[] }): Promise<void>
  remove(id: string): Promise<void>
  undo(): Promise<void>
  reattach(id: string, range: { start: number; end: number }): Promise<void>
  bulkThemes(ids: string[], change: { add?: string[]; remove?: string[] }): Promise<void>
  /** Saves a highlight's note; throws on failure so the editor can keep the text and say so. */
  saveNote(id: string, note: NoteDoc): Promise<void>
  saveMemo(memo: NoteDoc): Promise<void>
}


export function useArticle(id: string, onChanged: () => void): ArticleState {
  const [detail, setDetail] = useState<ArticleDetail | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  // Kept beyond this view (while the app is open), so undo still works after visiting another page.
  const [deleted, setDeletedHere] = useState<Highlight[]>(() => deletedHighlights.get(id) ?? [])
  const setDeleted = useCallback(
    (update: (list: Highlight[]) => Highlight[]) =>
      setDeletedHere((list) => {
        const next = update(list)
        deletedHighlights.set(id, next)
        return next
      }),
    [id]
  )

  const reload = useCallback(async () => {
    try {
      setDetail(await call('articles:get', { id }))
    } catch (error) {
      setFailure(messageOf(error))
    }
  }, [id])
  useEffect(() => void reload(), [reload])

  /** Runs a change; on failure tells the user and leaves the page as it was. */
  const attempt = useCallback(
    async <T,>(change: () => Promise<T>): Promise<T | null> => {
      try {
        const result = await change()
        setActionError(null)
        onChanged()
        return result
      } catch (error) {
        setActionError(messageOf(error))
        return null
      }
    },
    [onChanged]
  )

  const replace = (next: Highlight): void =>
    setDetail((d) => d && { ...d, highlights: d.highlights.map((h) => (h.id === next.id ? { ...next, anchor: h.anchor } : h)) })

  return {
    detail,
    failure,
    actionError,
    deleted,
    reload,
    create: (selected, color) =>
      attempt(async () => {
        // Whole characters: a selection ending inside an emoji or before an accent takes all of it.
        const range = detail?.text ? snapToGraphemes(detail.text, selected.start, selected.end) : selected
        const exact = detail?.text?.slice(range.start, range.end)
        const created = await call('highlights:create', { articleId: id, start: range.start, end: range.end, ...(exact ? { exact } : {}), color })
        setDetail((d) => d && { ...d, highlights: [...d.highlights, created] })
        return created
      }),
    update: async (highlightId, patch) => {
      await attempt(async () => replace(await call('highlights:update', { id: highlightId, ...patch })))
    },
    remove: async (highlightId) => {
      await attempt(async () => {
        await flushAll() // a note typed a moment ago belongs to the highlight that undo brings back
        const gone = await call('highlights:delete', { id: highlightId })
        setDetail((d) => d && { ...d, highlights: d.highlights.filter((h) => h.id !== highlightId) })
        setDeleted((list) => [...list, gone])
      })
    },
    undo: async () => {
      const last = deleted.at(-1)
      if (!last) return
      await attempt(async () => {
        await call('highlights:restore', { highlight: last })
        setDeleted((list) => list.slice(0, -1))
        await reload()
      })
    },
    reattach: async (highlightId, selected) => {
      await attempt(async () => {
        const range = detail?.text ? snapToGraphemes(detail.text, selected.start, selected.end) : selected
        const exact = detail?.text?.slice(range.start, range.end)
        const placed = await call('highlights:reattach', { id: highlightId, start: range.start, end: range.end, ...(exact ? { exact } : {}) })
        setDetail((d) => d && { ...d, highlights: d.highlights.map((h) => (h.id === highlightId ? placed : h)) })
      })
    },
    saveNote: async (highlightId, note) => {
      replace(await call('highlights:set-note', { id: highlightId, note }))
    },
    saveMemo: async (memo) => {
      const article = await call('articles:set-memo', { id, memo })
      setDetail((d) => d && { ...d, article })
    },
    bulkThemes: async (ids, change) => {
      await attempt(async () => {
        for (const next of await call('highlights:bulk-themes', { ids, ...change })) replace(next)
      })
    }
  }
}

/** Highlights deleted in each article this session, newest last: what Ctrl/Cmd+Z in that article restores. */
const deletedHighlights = new Map<string, Highlight[]>()
