// Note requests: the user's own writing beside the archive, listed, read, written, deleted and restored.
import { z } from 'zod'
import { Note } from '../model'
import { NoteDoc } from '../note-doc'
import { channel, Empty, Id, type DomainContract } from './define'

export interface NoteSummary {
  id: string
  title: string
  /** The first words of the note, for a note without a title. */
  opening: string
  wordCount: number
  createdAt: string
  updatedAt: string
}

export const notesContract = {
  'notes:list': channel<NoteSummary[]>()(Empty),
  'notes:get': channel<Note>()(z.object({ id: Id }).strict()),
  'notes:create': channel<Note>()(z.object({ title: z.string().max(300).optional(), doc: NoteDoc.optional() }).strict()),
  'notes:update': channel<Note>()(z.object({ id: Id, title: z.string().max(300).optional(), doc: NoteDoc.optional() }).strict()),
  'notes:delete': channel<Note>()(z.object({ id: Id }).strict()),
  'notes:restore': channel<Note>()(z.object({ note: Note }).strict())
} satisfies DomainContract
