// Free-standing notes: an essay outline, a reading of a theme. A list sorted by last edit beside the
// open note; create, rename, delete (with undo), and write in the shared note editor.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { NoteSummary, ThemeSummary } from '../../../shared/ipc/contract'
import type { Note } from '../../../shared/model'
import { call, messageOf } from '../api'
import { flushAll } from '../app/flush-registry'
import { formatDateTime } from '../app/format'
import { hrefFor, navigate } from '../app/route'
import { NoteEditor } from './editor/NoteEditor'
import { useAutosave } from './editor/use-autosave'
import { Snippet } from '../search/Snippet'
import '../search/search.css'
import { useTextSearch } from '../search/use-text-search'
import { markFirstMatch } from '../search/mark-words'

interface Props {
  noteId: string | null
  /** Words a search opened the note at: their first match is marked and scrolled to. */
  find?: string | undefined
  themes: ThemeSummary[]
}

export function NotesView({ noteId, find, themes }: Props) {
  const [notes, setNotes] = useState<NoteSummary[] | null>(null)
  const [deleted, setDeleted] = useState<Note | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const found = useTextSearch(query, 'note', 500)
  // While searching: the notes that match, best first, each with the words it matched.
  const byId = new Map((notes ?? []).map((n) => [n.id, n]))
  const shown = found === null ? (notes ?? []).map((note) => ({ note, hit: null })) : found.flatMap((hit) => (byId.has(hit.id) ? [{ note: byId.get(hit.id)!, hit }] : []))

  const reload = useCallback(() => {
    call('notes:list', {}).then(setNotes, (failure: unknown) => setError(messageOf(failure)))
  }, [])
  useEffect(reload, [reload])

  const create = async (): Promise<void> => {
    try {
      const note = await call('notes:create', {})
      reload()
      navigate({ name: 'note', id: note.id })
    } catch (failure) {
      setError(messageOf(failure))
    }
  }

  const remove = async (id: string): Promise<void> => {
    try {
      await flushAll() // what was just typed belongs to the note that undo brings back
      setDeleted(await call('notes:delete', { id }))
      reload()
      navigate({ name: 'notes' })
    } catch (failure) {
      setError(messageOf(failure))
    }
  }

  const undo = useCallback(async (): Promise<void> => {
    if (!deleted) return
    try {
      const note = await call('notes:restore', { note: deleted })
      setDeleted(null)
      reload()
      navigate({ name: 'note', id: note.id })
    } catch (failure) {
      setError(messageOf(failure))
    }
  }, [deleted, reload])

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const inEditor = event.target instanceof HTMLElement && event.target.closest('input, textarea, [contenteditable="true"]')
      if (inEditor || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z' || event.shiftKey || !deleted) return
      event.preventDefault()
      void undo()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [deleted, undo])

  return (
    <main className="notes" aria-labelledby="notes-title">
      <aside className="notes-list" aria-label="All notes">
        <div className="panel-head">
          <h1 id="notes-title">Notes</h1>
          <button type="button" className="primary" onClick={() => void create()}>
            New note
          </button>
        </div>
        <input type="search" className="notes-search" aria-label="Search notes" placeholder="Search notes" value={query} onChange={(e) => setQuery(e.target.value)} />
        {notes && notes.length === 0 ? <p className="muted">No notes yet. A note can quote any highlight.</p> : null}
        {found !== null && shown.length === 0 ? (
          <p className="muted" role="status">
            No note has these words.
          </p>
        ) : null}
        <ul>
          {shown.map(({ note, hit }) => (
            <li key={note.id}>
              <a href={hrefFor({ name: 'note', id: note.id })} aria-current={note.id === noteId ? 'page' : undefined}>
                <span className={note.title ? 'note-title' : 'note-title untitled'}>{note.title || note.opening || 'Untitled note'}</span>
                {hit ? (
                  <span className="note-snippet">
                    <Snippet snippet={hit.snippet} />
                  </span>
                ) : null}
                <span className="theme-names">
                  {formatDateTime(note.updatedAt)} · {note.wordCount} words
                </span>
              </a>
            </li>
          ))}
        </ul>
      </aside>
      <section className="note-pane" aria-label="Note">
        {error ? <p role="alert">{error}</p> : null}
        {noteId ? (
          <OpenNote key={noteId} id={noteId} find={find ?? query} themes={themes} onSaved={reload} onDelete={() => void remove(noteId)} />
        ) : (
          <p className="muted">Choose a note, or start a new one.</p>
        )}
      </section>
      {deleted ? (
        <div role="status" className="toast">
          Note “{deleted.title || 'Untitled note'}” deleted.
          <button type="button" onClick={() => void undo()}>
            Undo
          </button>
        </div>
      ) : null}
    </main>
  )
}

function OpenNote({ id, find, themes, onSaved, onDelete }: { id: string; find: string; themes: ThemeSummary[]; onSaved: () => void; onDelete: () => void }) {
  const [note, setNote] = useState<Note | null>(null)
  const [exported, setExported] = useState('')
  const pane = useRef<HTMLDivElement>(null)
  // Opened from a search: once the editor shows the note, mark the first match and scroll to it.
  useEffect(() => {
    if (!note || find.trim() === '') return
    let tries = 0
    const timer = setInterval(() => {
      const editor = pane.current?.querySelector<HTMLElement>('.ProseMirror')
      if ((editor && markFirstMatch(editor, find)) || ++tries > 20) clearInterval(timer)
    }, 50)
    return () => {
      clearInterval(timer)
      if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete('find-current')
    }
  }, [note, find])
  const [failure, setFailure] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const titleSave = useAutosave<string>(async (value) => {
    await call('notes:update', { id, title: value })
    onSaved()
  })

  useEffect(() => {
    call('notes:get', { id }).then(
      (loaded) => {
        setNote(loaded)
        setTitle(loaded.title)
      },
      (error: unknown) => setFailure(messageOf(error))
    )
  }, [id])

  /** The note on its own, as Markdown: its text, each quotation with its citation and a link back. */
  const exportNote = async (): Promise<void> => {
    try {
      await flushAll()
      const summary = await call('export:run', { scope: { kind: 'note', noteId: id }, format: 'markdown' })
      setExported(summary.path === null ? '' : `Exported to ${summary.path}.`)
    } catch (error) {
      setExported(messageOf(error))
    }
  }

  if (failure) return <p role="alert">{failure}</p>
  if (!note) return <p className="muted">Opening…</p>
  return (
    <div className="open-note" ref={pane}>
      <div className="note-head">
        <input
          className="note-title-input"
          aria-label="Note title"
          placeholder="Untitled note"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value)
            titleSave.schedule(e.target.value)
          }}
          onBlur={() => void titleSave.flush()}
        />
        <button type="button" onClick={() => void exportNote()}>
          Export note…
        </button>
        <button type="button" className="danger" onClick={onDelete}>
          Delete note
        </button>
      </div>
      {exported ? (
        <p role="status" className="muted">
          {exported}
        </p>
      ) : null}
      {titleSave.state.kind === 'failed' ? (
        <p role="alert" className="save-state failed">
          The title was not saved: {titleSave.state.message}
        </p>
      ) : null}
      <NoteEditor
        label="Note text"
        doc={note.doc}
        themes={themes}
        placeholder="Write, or insert a quotation from your highlights…"
        save={async (doc) => {
          await call('notes:update', { id, doc })
          onSaved()
        }}
      />
    </div>
  )
}
