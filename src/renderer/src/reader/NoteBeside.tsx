// A free-standing note open beside the article, so writing happens next to the reading: choose a note
// (or start one), write, insert quotations from the highlights; the note chosen is kept for next time.
import { useEffect, useState } from 'react'
import type { NoteSummary, ThemeSummary } from '../../../shared/ipc/contract'
import type { Note } from '../../../shared/model'
import { call, messageOf } from '../api'
import { hrefFor } from '../app/route'
import { NoteEditor } from '../notes/editor/NoteEditor'

const CHOSEN_KEY = 'liner-notes:note-beside'

const nameOf = (n: NoteSummary): string => n.title.trim() || (n.opening ? `${n.opening}…` : 'Untitled note')

export function NoteBeside({ themes, onClose }: { themes: ThemeSummary[]; onClose: () => void }) {
  const [notes, setNotes] = useState<NoteSummary[] | null>(null)
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(CHOSEN_KEY))
  const [note, setNote] = useState<Note | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    call('notes:list', {}).then(
      (list) => {
        setNotes(list)
        setChosen((id) => (id !== null && list.some((n) => n.id === id) ? id : (list[0]?.id ?? null)))
      },
      (error: unknown) => setFailure(messageOf(error))
    )
  }, [])

  useEffect(() => {
    setNote(null)
    if (chosen === null) return
    localStorage.setItem(CHOSEN_KEY, chosen)
    call('notes:get', { id: chosen }).then(setNote, (error: unknown) => setFailure(messageOf(error)))
  }, [chosen])

  const startNote = async (): Promise<void> => {
    try {
      const created = await call('notes:create', {})
      setNotes((list) => [{ id: created.id, title: '', opening: '', wordCount: 0, createdAt: created.createdAt, updatedAt: created.updatedAt }, ...(list ?? [])])
      setChosen(created.id)
    } catch (error) {
      setFailure(messageOf(error))
    }
  }

  return (
    <aside className="note-beside" aria-label="Note beside the article">
      <div className="panel-head">
        <h2>Note</h2>
        <button type="button" onClick={onClose}>
          Close note
        </button>
      </div>
      {failure ? <p role="alert">{failure}</p> : null}
      {notes === null ? (
        <p className="muted">Opening notes…</p>
      ) : (
        <div className="note-beside-choice">
          {notes.length > 0 ? (
            <label>
              Note{' '}
              <select value={chosen ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {notes.map((n) => (
                  <option key={n.id} value={n.id}>
                    {nameOf(n)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span className="muted">No notes yet.</span>
          )}
          <button type="button" onClick={() => void startNote()}>
            New note
          </button>
          {chosen ? <a href={hrefFor({ name: 'note', id: chosen })}>Open in Notes</a> : null}
        </div>
      )}
      {note ? (
        <NoteEditor
          key={note.id}
          label="Note beside the article"
          doc={note.doc}
          themes={themes}
          placeholder="Write here while you read; insert quotations from your highlights…"
          save={async (doc) => {
            await call('notes:update', { id: note.id, doc })
          }}
        />
      ) : null}
    </aside>
  )
}
