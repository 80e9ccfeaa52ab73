// Note requests: the free-standing notes a critic writes from the archive (an essay outline, a reading of
// a theme), listed newest first, edited in place, and deleted with the record handed back for undo.
import { randomUUID } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import type { NoteSummary, ParsedRequestOf } from '../../shared/ipc/contract'
import type { Note } from '../../shared/model'
import { EMPTY_DOC, noteText } from '../../shared/note-doc'
import { factsOf } from '../library/store'
import { LibraryError } from '../library/errors'
import type { LibraryStore } from '../library/store'
import { requireNote } from './records'

/** Notes are replaced, never changed in place, so a summary stays true for as long as its note object lives. */
const summaries = new WeakMap<Note, NoteSummary>()

function summarizeNote(note: Note): NoteSummary {
  const known = summaries.get(note)
  if (known) return known
  const summary = summarize(note)
  summaries.set(note, summary)
  return summary
}

/** The note with its facts counted from its document, as stored. */
export function withFacts(note: Note): Note {
  return { ...note, facts: factsOf(noteText(note.doc)) }
}

function summarize(note: Note): NoteSummary {
  const facts = note.facts ?? factsOf(noteText(note.doc))
  return {
    id: note.id,
    title: note.title,
    // Only an untitled note is listed by its words; a titled one is listed by its title.
    opening: note.title.trim() === '' ? facts.opening : '',
    wordCount: facts.wordCount,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt
  }
}

/** Newest edit first; among notes edited at the same moment, the newest created first. */
function byRecency(a: NoteSummary, b: NoteSummary): number {
  return b.updatedAt.localeCompare(a.updatedAt) || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)
}

/** Works out every note's summary a few at a time once the library has loaded, so the first list is quick. */
async function warmSummaries(store: LibraryStore): Promise<void> {
  await store.whenLoaded()
  let done = 0
  for (const note of store.notes()) {
    summarizeNote(note)
    if (++done % 200 === 0) await new Promise((resolve) => setImmediate(resolve))
  }
}

export function noteServices(store: LibraryStore) {
  warmSummaries(store).catch(() => undefined)
  return {
    'notes:list': async (): Promise<NoteSummary[]> => {
      await store.whenLoaded()
      return Array.from(store.notes(), summarizeNote).sort(byRecency)
    },

    'notes:get': async ({ id }: ParsedRequestOf<'notes:get'>): Promise<Note> => {
      await store.whenLoaded()
      return requireNote(store, id)
    },

    'notes:create': async ({ title = '', doc }: ParsedRequestOf<'notes:create'>): Promise<Note> =>
      store.transact((tx) => {
        const now = tx.now
        // A copy, so no note ever shares (and through it, changes) the module's empty document.
        const note = withFacts({ id: `note-${randomUUID()}`, title, doc: doc ?? structuredClone(EMPTY_DOC), createdAt: now, updatedAt: now })
        tx.putNote(note)
        return note
      }),

    'notes:update': async ({ id, title, doc }: ParsedRequestOf<'notes:update'>): Promise<Note> => {
      await store.whenLoaded()
      const current = requireNote(store, id)
      // Nothing to change is not a change: an autosave of what is already stored leaves the note where
      // it is in the list, instead of moving it to the top as if it had been edited.
      const sameTitle = title === undefined || title === current.title
      if (sameTitle && (doc === undefined || isDeepStrictEqual(doc, current.doc))) return current
      return store.transact((tx) => {
        const note = { ...tx.requireNote(id), updatedAt: tx.now }
        if (title !== undefined) note.title = title
        if (doc !== undefined) note.doc = doc
        const saved = withFacts(note)
        tx.putNote(saved)
        return saved
      })
    },

    /** Answers with the record removed, which is all notes:restore needs to undo it. */
    'notes:delete': async ({ id }: ParsedRequestOf<'notes:delete'>): Promise<Note> => {
      await store.whenLoaded()
      requireNote(store, id)
      return store.transact((tx) => {
        const deleted = tx.requireNote(id)
        tx.removeNote(id)
        return deleted
      })
    },

    /** Back under the same id, so links and undo history that name it still work. */
    'notes:restore': async ({ note }: ParsedRequestOf<'notes:restore'>): Promise<Note> =>
      store.transact((tx) => {
        if (tx.note(note.id)) {
          throw new LibraryError('conflict', `The note “${note.title || note.id}” is already in the library; it cannot be restored twice.`)
        }
        const restored = withFacts(note)
        tx.putNote(restored)
        return restored
      })
  }
}
