// The one IPC contract: for each channel, the schema its request must pass where it enters the main
// process, and the type of its answer. Main, preload, renderer and the end-to-end harness all use it.
import { z } from 'zod'
import {
  ArticleMeta,
  HexColor,
  Highlight,
  HighlightColor,
  Preferences,
  ThemeName,
  Note,
  type Article,
  type ArticleKind,
  type Theme
} from '../model'
import { CITATION_STYLES } from '../citation'
import { NoteDoc, SAFE_LINK } from '../note-doc'
import type { Channel, AppCommand } from './channels'

const Id = z.string().min(1).max(200)
const Empty = z.object({}).strict()
const Offset = z.number().int().min(0)

/** What the library list shows of an article; the text itself travels only with articles:get. */
export interface ArticleSummary {
  id: string
  title: string
  /** First words of the text, shown in place of a missing title. */
  opening: string
  outlet: string
  author: string
  date: string
  kind: ArticleKind | ''
  wordCount: number
  textStatus: TextStatus
}

/** ok: the stored original matches its hash; altered: it was changed outside the app; missing: gone. */
export type TextStatus = 'ok' | 'altered' | 'missing'

export interface ArticleDetail {
  article: Article
  /** The text the reader shows (the correction if there is one, else the original), or null when missing. */
  text: string | null
  textStatus: TextStatus
  /** Every highlight of the article, each placed on `text` or marked unanchored (anchor null). */
  highlights: AnchoredHighlight[]
}

/** Where a highlight sits in the text shown, found by anchoring its selectors; null: it could not be placed. */
export interface Anchor {
  start: number
  end: number
  method: 'position' | 'quote' | 'fuzzy'
}
export type AnchoredHighlight = Highlight & { anchor: Anchor | null }

export interface CorrectionResult {
  detail: ArticleDetail
  /** How the highlights fared on the new text. */
  anchored: number
  unanchored: number
}

export interface ThemeSummary extends Theme {
  highlightCount: number
  articleCount: number
}

export interface NoteSummary {
  id: string
  title: string
  /** The first words of the note, for a note without a title. */
  opening: string
  wordCount: number
  createdAt: string
  updatedAt: string
}

/** A highlight as offered for quoting in a note: the passage and what a citation needs. */
export interface QuotableHighlight {
  highlight: Highlight
  articleTitle: string
  outlet: string
  date: string
  themeNames: string[]
  /** The speaker of the passage in an interview, where the text labels it. */
  speaker: string | null
}

export const EXPORT_FORMATS = ['markdown', 'csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

const ExportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), articleId: Id }).strict(),
  z.object({ kind: z.literal('theme'), themeId: Id }).strict(),
  z.object({ kind: z.literal('library') }).strict()
])
export type ExportScope = z.infer<typeof ExportScope>

/** What an export or backup wrote, for the summary shown at the end; null path: the user cancelled. */
export interface ExportSummary {
  path: string | null
  files: number
  highlights: number
  notes: number
  bytes: number
}

export interface RestoreSummary {
  folder: string | null
  articles: number
  highlights: number
  notes: number
  themes: number
}

/** A passage named by a liner-notes:// link. */
export interface PassageTarget {
  articleId: string
  highlightId: string | null
}

/** How far a long task has got. */
export interface Progress {
  task: string
  done: number
  total: number
}

/** One passage coded with a theme, as listed across the archive. */
export interface ThemePassage {
  highlight: Highlight
  articleId: string
  articleTitle: string
}

function channel<Res>() {
  return <S extends z.ZodType>(request: S) => ({ request, response: undefined as unknown as Res })
}

export const contract = {
  'articles:list': channel<ArticleSummary[]>()(Empty),
  'articles:get': channel<ArticleDetail>()(z.object({ id: Id }).strict()),
  'articles:update-meta': channel<Article>()(
    z.object({ id: Id, patch: ArticleMeta.partial().strict() }).strict()
  ),
  'articles:correct-text': channel<CorrectionResult>()(
    z.object({ id: Id, text: z.string().min(1, 'A corrected text cannot be empty').max(5_000_000).nullable() }).strict()
  ),
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
    z.object({ id: Id, color: HighlightColor.nullable().optional(), themeIds: z.array(Id).max(100).optional() }).strict()
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
  'highlights:by-theme': channel<ThemePassage[]>()(z.object({ themeId: Id, includeChildren: z.boolean().optional() }).strict()),
  'themes:list': channel<ThemeSummary[]>()(Empty),
  'themes:create': channel<Theme>()(
    z
      .object({ name: ThemeName, color: HexColor.optional(), description: z.string().max(500).optional(), parentId: Id.nullable().optional() })
      .strict()
  ),
  'themes:update': channel<Theme>()(
    z
      .object({
        id: Id,
        name: ThemeName.optional(),
        color: HexColor.optional(),
        description: z.string().max(500).optional(),
        parentId: Id.nullable().optional()
      })
      .strict()
  ),
  'themes:merge': channel<ThemeSummary>()(z.object({ sourceId: Id, targetId: Id }).strict()),
  'themes:delete': channel<{ deleted: Theme; highlightsAffected: number }>()(z.object({ id: Id }).strict()),
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
  /** Which of these highlights still exist: a quotation whose source is gone says so. */
  'highlights:exist': channel<string[]>()(z.object({ ids: z.array(Id).max(10_000) }).strict()),
  'articles:set-memo': channel<Article>()(z.object({ id: Id, memo: NoteDoc.nullable() }).strict()),
  'notes:list': channel<NoteSummary[]>()(Empty),
  'notes:get': channel<Note>()(z.object({ id: Id }).strict()),
  'notes:create': channel<Note>()(z.object({ title: z.string().max(300).optional(), doc: NoteDoc.optional() }).strict()),
  'notes:update': channel<Note>()(z.object({ id: Id, title: z.string().max(300).optional(), doc: NoteDoc.optional() }).strict()),
  'notes:delete': channel<Note>()(z.object({ id: Id }).strict()),
  'notes:restore': channel<Note>()(z.object({ note: Note }).strict()),
  /** Opens a web or e-mail link in the system browser; the page asks the user first. */
  'links:open': channel<null>()(
    z.object({ url: z.string().max(4000).regex(SAFE_LINK, 'Only web (http, https) and e-mail links can be opened') }).strict()
  ),
  /**
   * The page's answer to 'prepare-to-close': close (everything pending is saved, or the user chose to
   * close anyway) or keep the window open (a save failed and the user is being asked).
   */
  'app:ready-to-close': channel<null>()(z.object({ close: z.boolean() }).strict()),
  /** The liner-notes:// link the app was started with, once: the page asks when it is ready for it. */
  'app:take-pending-link': channel<PassageTarget | null>()(Empty),
  'export:run': channel<ExportSummary>()(
    z
      .object({
        scope: ExportScope,
        format: z.enum(EXPORT_FORMATS),
        /** Markdown only: one file, or a folder with a file per article and note (an Obsidian vault's way). */
        layout: z.enum(['file', 'folder']).optional(),
        citationStyle: z.enum(CITATION_STYLES).optional(),
        includeNotes: z.boolean().optional(),
        /** CSV only: a byte-order mark, so spreadsheet apps read UTF-8 right. */
        byteOrderMark: z.boolean().optional()
      })
      .strict()
  ),
  'backup:create': channel<ExportSummary>()(Empty),
  /** Restores a backup the user picks into a new or empty folder they pick; optionally opens it. */
  'backup:restore': channel<RestoreSummary>()(z.object({ openAfterRestore: z.boolean().optional() }).strict()),
  'preferences:get': channel<Preferences>()(Empty),
  'preferences:update': channel<Preferences>()(Preferences.partial().strict())
} satisfies Record<Channel, { request: z.ZodType; response: unknown }>

export type Contract = typeof contract
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>
export type ResponseOf<C extends Channel> = Contract[C]['response']

export const ERROR_CODES = ['invalid-request', 'not-found', 'library-unreadable', 'conflict', 'internal'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]
export interface ApiError {
  code: ErrorCode
  /** A sentence a person can read. */
  message: string
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** What the preload puts on window.linerNotes: one function per channel, plus the menu event. */
export type LinerNotesApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
} & {
  onAppCommand(listener: (command: AppCommand) => void): () => void
  onOpenPassage(listener: (target: PassageTarget) => void): () => void
  onProgress(listener: (progress: Progress) => void): () => void
}
