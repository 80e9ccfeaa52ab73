// One article's state in the reader and every change to its highlights, each made through the IPC
// contract and then reflected locally. Deleted highlights and removed themes are kept for undo, for as
// long as the app is open (visiting another page and coming back keeps them).
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
  /** What undo would take back, newest last: a deleted highlight, or themes taken off highlights. */
  undoable: readonly Undoable[]
  reload(): Promise<void>
  create(range: { start: number; end: number }, color: HighlightColor | null): Promise<AnchoredHighlight | null>
  update(id: string, patch: { color?: HighlightColor | null; themeIds?: string[]; speaker?: { name: string | null } | null }): Promise<void>
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
  const [undoable, setUndoableHere] = useState<Undoable[]>(() => undoStacks.get(id) ?? [])
  const setUndoable = useCallback(
    (update: (list: Undoable[]) => Undoable[]) =>
      setUndoableHere((list) => {
        const next = update(list)
        undoStacks.set(id, next)
        return next
      }),
    [id]
  )
  /** Remembers the themes of highlights about to lose some, so undo can put them back. */
  const rememberThemes = (before: readonly Highlight[], after: (h: Highlight) => readonly string[]): void => {
    const losing = before.filter((h) => h.themeIds.some((t) => !after(h).includes(t)))
    if (losing.length > 0) setUndoable((list) => [...list, { kind: 'themes', before: losing.map((h) => ({ id: h.id, themeIds: h.themeIds })) }])
  }
  const current = (highlightId: string): Highlight | undefined => detail?.highlights.find((h) => h.id === highlightId)

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
    undoable,
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
      const before = current(highlightId)
      const done = await attempt(async () => {
        replace(await call('highlights:update', { id: highlightId, ...patch }))
        return true
      })
      if (done && before && patch.themeIds) rememberThemes([before], () => patch.themeIds ?? [])
    },
    remove: async (highlightId) => {
      await attempt(async () => {
        await flushAll() // a note typed a moment ago belongs to the highlight that undo brings back
        const gone = await call('highlights:delete', { id: highlightId })
        setDetail((d) => d && { ...d, highlights: d.highlights.filter((h) => h.id !== highlightId) })
        setUndoable((list) => [...list, { kind: 'deleted', highlight: gone }])
      })
    },
    undo: async () => {
      const last = undoable.at(-1)
      if (!last) return
      await attempt(async () => {
        if (last.kind === 'deleted') await call('highlights:restore', { highlight: last.highlight })
        else for (const { id: highlightId, themeIds } of last.before) await call('highlights:update', { id: highlightId, themeIds })
        setUndoable((list) => list.slice(0, -1))
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
      const before = ids.flatMap((highlightId) => current(highlightId) ?? [])
      const done = await attempt(async () => {
        for (const next of await call('highlights:bulk-themes', { ids, ...change })) replace(next)
        return true
      })
      if (done && change.remove) rememberThemes(before, (h) => h.themeIds.filter((t) => !change.remove?.includes(t)))
    }
  }
}

/** A change undo can take back: a highlight deleted, or themes taken off highlights (their themes before). */
export type Undoable = { kind: 'deleted'; highlight: Highlight } | { kind: 'themes'; before: { id: string; themeIds: string[] }[] }

/** Each article's undoable changes this session, newest last: what Ctrl/Cmd+Z in that article takes back. */
const undoStacks = new Map<string, Undoable[]>()
