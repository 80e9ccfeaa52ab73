// Highlight requests: making, changing, deleting and re-placing a passage, its themes and note, and the
// searches that list passages across the archive.
import { z } from 'zod'
import { Highlight, HighlightColor, SpeakerName } from '../model'
import { NoteDoc } from '../note-doc'
import type { AnchoredHighlight } from './articles'
import { channel, Id, Offset, type DomainContract } from './define'

/** A highlight as offered for quoting in a note: the passage and what a citation needs. */
export interface QuotableHighlight {
  highlight: Highlight
  articleTitle: string
  outlet: string
  date: string
  themeNames: string[]
  /** Who says the passage (the user's word, else the text's labels), each once in order; empty when unknown. */
  speakers: string[]
  /** The same, named for a citation ("Keshia Hannam and Anderson .Paak"); null when unknown. */
  speaker: string | null
}

/** One passage coded with a theme, as listed across the archive. */
export interface ThemePassage {
  highlight: Highlight
  articleId: string
  articleTitle: string
  /** Who says the passage (the user's word, else the interview's labels), each once in order. */
  speakers: string[]
}

/** What a highlight quotes now, for refreshing a note's quotation of it. */
export interface CurrentQuote {
  id: string
  quote: string
  /** Its speakers named for a citation ("Keshia Hannam and Anderson .Paak"); null when unknown. */
  speaker: string | null
}

/** A passage with the text around it, as the article shows it now. */
export interface PassageContext {
  before: string
  quote: string
  after: string
  /** False when the passage is no longer in the text: the quote is as saved and there is no context. */
  anchored: boolean
}

export const highlightsContract = {
  'highlights:create': channel<AnchoredHighlight>()(
    z
      .object({
        articleId: Id,
        start: Offset,
        end: Offset,
        /** The words the user selected: checked against the text, so offsets from an older text are refused. */
        exact: z.string().min(1).optional(),
        color: HighlightColor.nullable().optional(),
        themeIds: z.array(Id).max(100).optional()
      })
      .strict()
  ),
  'highlights:update': channel<Highlight>()(
    z
      .object({
        id: Id,
        color: HighlightColor.nullable().optional(),
        themeIds: z.array(Id).max(100).optional(),
        /**
         * Who says the passage, set by hand: `{ name }` (null: nobody), or null to let the text's speaker
         * labels decide again.
         */
        speaker: z.object({ name: SpeakerName.nullable() }).strict().nullable().optional()
      })
      .strict()
  ),
  'highlights:delete': channel<Highlight>()(z.object({ id: Id }).strict()),
  'highlights:restore': channel<Highlight>()(z.object({ highlight: Highlight }).strict()),
  'highlights:reattach': channel<AnchoredHighlight>()(
    z.object({ id: Id, start: Offset, end: Offset, exact: z.string().min(1).optional() }).strict()
  ),
  'highlights:bulk-themes': channel<Highlight[]>()(
    z
      .object({ ids: z.array(Id).min(1).max(10_000), add: z.array(Id).max(100).optional(), remove: z.array(Id).max(100).optional() })
      .strict()
  ),
  /** A theme's passages in library order; `offset` and `limit` take one page of them (all by default). */
  'highlights:by-theme': channel<ThemePassage[]>()(
    z
      .object({
        themeId: Id,
        includeChildren: z.boolean().optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(100_000).optional()
      })
      .strict()
  ),
  /** The text around a passage, up to `chars` characters each side, cut at word boundaries. */
  'highlights:context': channel<PassageContext>()(z.object({ id: Id, chars: z.number().int().min(20).max(5_000).optional() }).strict()),
  'highlights:set-note': channel<Highlight>()(z.object({ id: Id, note: NoteDoc.nullable() }).strict()),
  'highlights:search': channel<QuotableHighlight[]>()(
    z
      .object({
        query: z.string().max(500).optional(),
        themeId: Id.optional(),
        articleId: Id.optional(),
        limit: z.number().int().min(1).max(500).optional()
      })
      .strict()
  ),
  /**
   * The passage each of these highlights quotes now, as its article's text has it (a correction may have
   * changed the words), with its speakers named for a citation: a note's quotation can say that it
   * differs and be refreshed. Highlights no longer in the library are left out.
   */
  'highlights:current-quotes': channel<CurrentQuote[]>()(z.object({ ids: z.array(Id).max(10_000) }).strict()),
  /** Which of these highlights still exist: a quotation whose source is gone says so. */
  'highlights:exist': channel<string[]>()(z.object({ ids: z.array(Id).max(10_000) }).strict()),
  /** The ids, without repeats, of those whose article is in the Trash (so a quotation can say where its source went). */
  'highlights:in-trash': channel<string[]>()(z.object({ ids: z.array(Id).max(10_000) }).strict())
} satisfies DomainContract
