// Note requests: the free-standing notes a critic writes from the archive (an essay outline, a reading of
// a theme), listed newest first, edited in place, and deleted with the record handed back for undo.
import { randomUUID } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import type { NoteSummary, ParsedRequestOf } from '../../shared/ipc/contract'
import type { Note } from '../../shared/model'
import { EMPTY_DOC, noteText } from '../../shared/note-doc'
import { countWords, openingWords } from '../../shared/text'
import { LibraryError } from '../library/errors'
import type { LibraryStore } from '../library/store'
import { requireNote } from './records'

function summarizeNote(note: Note): NoteSummary {
  const text = noteText(note.doc)
  return {
    id: note.id,
    title: note.title,
    // Only an untitled note is listed by its words; a titled one is listed by its title.
    opening: note.title.trim() === '' ? openingWords(text) : '',
    wordCount: countWords(text),
    createdAt: note.createdAt,
    updatedAt: note.updatedAt
  }
}

/** Newest edit first; among notes edited at the same moment, the newest created first. */
function byRecency(a: NoteSummary, b: NoteSummary): number {
  return b.updatedAt.localeCompare(a.updatedAt) || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)
}

export function noteServices(store: LibraryStore) {
  return {
    'notes:list': async (): Promise<NoteSummary[]> => store.data.notes.map(summarizeNote).sort(byRecency),

    'notes:get': async ({ id }: ParsedRequestOf<'notes:get'>): Promise<Note> => requireNote(store.data, id),

    'notes:create': async ({ title = '', doc }: ParsedRequestOf<'notes:create'>): Promise<Note> =>
      store.update((data) => {
        const now = store.now()
        // A copy, so no note ever shares (and through it, changes) the module's empty document.
        const note: Note = { id: `note-${randomUUID()}`, title, doc: doc ?? structuredClone(EMPTY_DOC), createdAt: now, updatedAt: now }
        data.notes.push(note)
        return note
      }),

    'notes:update': async ({ id, title, doc }: ParsedRequestOf<'notes:update'>): Promise<Note> => {
      const current = requireNote(store.data, id)
      // Nothing to change is not a change: an autosave of what is already stored leaves the note where
      // it is in the list, instead of moving it to the top as if it had been edited.
      const sameTitle = title === undefined || title === current.title
      if (sameTitle && (doc === undefined || isDeepStrictEqual(doc, current.doc))) return current
      return store.update((data) => {
        const note = requireNote(data, id)
        if (title !== undefined) note.title = title
        if (doc !== undefined) note.doc = doc
        note.updatedAt = store.now()
        return note
      })
    },

    /** Answers with the record removed, which is all notes:restore needs to undo it. */
    'notes:delete': async ({ id }: ParsedRequestOf<'notes:delete'>): Promise<Note> => {
      requireNote(store.data, id)
      return store.update((data) => {
        const deleted = requireNote(data, id)
        data.notes = data.notes.filter((n) => n.id !== id)
        return deleted
      })
    },

    /** Back under the same id, so links and undo history that name it still work. */
    'notes:restore': async ({ note }: ParsedRequestOf<'notes:restore'>): Promise<Note> =>
      store.update((data) => {
        if (data.notes.some((n) => n.id === note.id)) {
          throw new LibraryError('conflict', `The note “${note.title || note.id}” is already in the library; it cannot be restored twice.`)
        }
        data.notes.push(note)
        return note
      })
  }
}
