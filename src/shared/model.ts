// The library's data model: one zod schema per stored record, so the file on disk, the IPC boundary
// and the UI all agree on one shape. Pure: imported by main, preload-free renderer code and tests.
import { z } from 'zod'
import { isCalendarDate } from './dates'
import { NoteDoc } from './note-doc'

export const ARTICLE_KINDS = ['interview', 'review', 'news', 'feature'] as const
export const ArticleKind = z.enum(ARTICLE_KINDS)

/**
 * How many times the store has written a record: 1 when first written, one more at every change. With
 * the ids and `updatedAt`, what a later sync needs to tell which copy of a record is newer. Optional so
 * records made outside the store (older files, exports, tests) read as revision 0.
 */
const Revision = z.number().int().min(0).optional()
export type ArticleKind = z.infer<typeof ArticleKind>

/** Empty string means "the text does not say"; the user may fill it in. */
const IsoDate = z.union([
  z.literal(''),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date written as YYYY-MM-DD')
    .refine(isCalendarDate, 'That day is not on the calendar')
])

export const ArticleMeta = z.object({
  title: z.string().max(500),
  outlet: z.string().max(200),
  author: z.string().max(300),
  date: IsoDate,
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'Use a web address starting with http:// or https://' })]),
  kind: z.union([z.literal(''), ArticleKind])
})
export type ArticleMeta = z.infer<typeof ArticleMeta>

/**
 * The longest passage a highlight may quote: some 17,000 words, a whole long feature or interview. Anchoring
 * compares the quote with the text, so a quote without bound would let one record stall its article.
 */
export const MAX_QUOTE_LENGTH = 100_000
/**
 * The most context kept either side of a quote. The library saves 32 characters (shared/anchoring), and
 * other tools a few hundred at most; a longer one only slows anchoring (200,000 characters took 18 s).
 */
export const MAX_CONTEXT_LENGTH = 1_000

/** Offsets are UTF-16 code units into the article text the reader shows; end is exclusive. */
export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_QUOTE_LENGTH, `A highlight quotes at most ${MAX_QUOTE_LENGTH.toLocaleString('en')} characters`),
  prefix: z.string().max(MAX_CONTEXT_LENGTH, `A highlight keeps at most ${MAX_CONTEXT_LENGTH.toLocaleString('en')} characters of context`),
  suffix: z.string().max(MAX_CONTEXT_LENGTH, `A highlight keeps at most ${MAX_CONTEXT_LENGTH.toLocaleString('en')} characters of context`)
})
export const TextPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(1)
  })
  .refine((position) => position.start < position.end, { message: 'A highlight’s position must end after it starts', path: ['end'] })

/** A record's id as requests name it (ipc/define's Id): never empty, at most 200 characters. */
const RecordId = z.string().min(1).max(200)

/** A moment as the library writes it (ISO 8601, as Date#toISOString gives), checked to be a real time. */
const Timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/, 'Use a time written as ISO 8601 (2026-11-21T12:00:00.000Z)')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'That time is not on the calendar')

/** The highlight palette: named, so themes' hex colours and these never clash in meaning. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const
export const HighlightColor = z.enum(HIGHLIGHT_COLORS)
export type HighlightColor = z.infer<typeof HighlightColor>

export const HexColor = z.string().regex(/^#[0-9a-f]{6}$/i, 'Use a colour written as #rrggbb')

export const SpeakerName = z.string().trim().min(1, 'A speaker needs a name').max(120, 'A speaker’s name is at most 120 characters')

export const Highlight = z.object({
  id: RecordId,
  articleId: RecordId,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  /** null: shown in its first theme's colour (or the default) — recolouring a theme recolours it. */
  color: HighlightColor.nullable(),
  themeIds: z.array(RecordId),
  /** The user's note on this passage (tiptap JSON), or null. */
  note: NoteDoc.nullable(),
  /**
   * Who says the passage, set by hand: a name, or null for nobody. Absent: the text's speaker labels
   * decide. Kept through re-anchoring; used by every export and by search's speaker filter.
   */
  speaker: z.object({ name: SpeakerName.nullable() }).strict().optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  rev: Revision
})
export type Highlight = z.infer<typeof Highlight>

/** What a list shows of a text without reading it again: counted once, when the text is written. */
export const TextFacts = z.object({ wordCount: z.number().int().min(0), opening: z.string() })
export type TextFacts = z.infer<typeof TextFacts>

/** A free-standing note: an essay outline, a reading of a theme. */
export const Note = z.object({
  id: RecordId,
  title: z.string().max(300),
  doc: NoteDoc,
  /** Of the note's text, kept with the note so the notes list never walks every document. */
  facts: TextFacts.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  rev: Revision
})
export type Note = z.infer<typeof Note>

export const ThemeName = z.string().trim().min(1, 'A theme needs a name').max(80)
export const Theme = z.object({
  id: RecordId,
  name: ThemeName,
  color: HexColor,
  description: z.string().max(500),
  parentId: RecordId.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  rev: Revision
})
export type Theme = z.infer<typeof Theme>

/**
 * An article's text or original is named by a plain file name inside texts/ or originals/: never a path,
 * so a hand-edited record ("../../.ssh/id_rsa") cannot make the library read or delete outside its folder.
 */
export const PLAIN_FILE_NAME = /^(?!\.\.?$)[^/\\\0:]{1,255}$/
const FileName = z.string().regex(PLAIN_FILE_NAME, 'A file of the library is named without folders')

export const Article = z.object({
  id: RecordId,
  /** File name of the verbatim original under the library's texts/ folder. Never rewritten. */
  file: FileName,
  /** SHA-256 of the original text, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  addedAt: Timestamp,
  updatedAt: Timestamp,
  meta: ArticleMeta,
  /**
   * The user's corrected text (a typo fixed, page debris removed), shown instead of the original, which
   * stays stored untouched. null: the original is shown.
   */
  correctedText: z.string().min(1).nullable(),
  /** The user's memo on the whole article (tiptap JSON), or null. */
  memo: NoteDoc.nullable(),
  /**
   * For an imported article: the file it came from, kept byte for byte under originals/ with its SHA-256;
   * `file` is then the text extracted from it (what highlights anchor to). Absent for the bundled texts,
   * whose original is the text itself.
   */
  original: z
    .object({
      file: FileName,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** The file's name as the user had it. */
      name: z.string().max(500),
      format: z.enum(['txt', 'md', 'html', 'pdf', 'docx', 'epub', 'paste']),
      bytes: z.number().int().min(0)
    })
    .optional(),
  /** When the article was moved to the Trash (with its highlights and memo); absent or null while it is in the library. */
  trashedAt: Timestamp.nullable().optional(),
  /** Lines of the text that are not plain paragraphs, by line number: headings, quotes, list items. */
  kinds: z.record(z.string().regex(/^\d+$/), z.enum(['heading', 'quote', 'list-item'])).optional(),
  /** What the library list shows of the text shown, counted when the text is added or corrected. */
  facts: TextFacts.optional(),
  rev: Revision
})
export type Article = z.infer<typeof Article>

export const APPEARANCES = ['system', 'light', 'dark'] as const
export const Preferences = z.object({
  /** Reader text size in CSS pixels. */
  textSize: z.number().int().min(12).max(32),
  appearance: z.enum(APPEARANCES),
  /** Import limits: the largest file read, in MB, and the longest one file may take, in seconds. */
  importMaxMegabytes: z.number().int().min(1).max(4096).optional(),
  importMaxSeconds: z.number().int().min(1).max(3600).optional(),
  /** The words word frequencies leave out, folded; null or absent: the English default (shared/analysis/stop-words.ts). */
  stopWords: z.array(z.string().min(1).max(60)).max(5000).nullable().optional()
})
export type Preferences = z.infer<typeof Preferences>
export const DEFAULT_PREFERENCES: Preferences = { textSize: 19, appearance: 'system' }

export const LibraryData = z.object({
  schemaVersion: z.literal(4),
  articles: z.array(Article),
  themes: z.array(Theme),
  highlights: z.array(Highlight),
  notes: z.array(Note),
  preferences: Preferences
})
export type LibraryData = z.infer<typeof LibraryData>
