// Analysis requests: the codebook read across the archive — themes by article, themes with themes, speakers
// with themes, word frequencies — answered from aggregates the core keeps as the library changes, and the
// passages behind any one cell. Charts and tables are saved through the core, which asks where.
import { z } from 'zod'
import { ArticleKind } from '../model'
import { channel, Empty, Id, type DomainContract } from './define'

const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')

/** Which articles are counted: by kind, outlet, a date range (undated articles are out of any range), or one article. */
export const AnalysisFilters = z
  .object({
    articleKind: ArticleKind.optional(),
    outlet: z.string().min(1).max(300).optional(),
    from: DateString.optional(),
    to: DateString.optional(),
    articleId: Id.optional()
  })
  .strict()
export type AnalysisFilters = z.infer<typeof AnalysisFilters>

/** A theme as a column or row of an analysis, in codebook order. */
export interface AnalysisTheme {
  id: string
  name: string
  /** Its place in the codebook, "parent › child". */
  path: string
  color: string
  /** 0 for a top-level theme. */
  depth: number
}

export interface MatrixRow {
  articleId: string
  /** The title, or the opening words for an untitled article (then `untitled` is true). */
  title: string
  untitled: boolean
  outlet: string
  date: string
  kind: string
  /** The article's coded highlights (each once, however many themes it has). */
  total: number
}

export interface ThemeMatrix {
  themes: AnalysisTheme[]
  /** Articles with at least one coded highlight that pass the filters, in library order (newest first). */
  rows: MatrixRow[]
  /**
   * Highlights per theme per article, row after row: row r's count for theme t is at r × themes.length + t
   * (cellsOf in shared/analysis/tables.ts). One typed array rather than an array per row, so ten thousand
   * rows cross to the page in one copy.
   */
  counts: Uint32Array
  /** Highlights per theme over all rows. */
  totals: number[]
  /** Articles that pass the filters but have no coded highlight (not listed). */
  uncoded: number
  rollUp: boolean
}

export interface CooccurrenceMatrix {
  themes: AnalysisTheme[]
  /**
   * Symmetric: counts[i][j] is how often themes i and j occur together — on one highlight, and with
   * `overlapping`, also on two highlights that share words. counts[i][i] is theme i's highlights.
   */
  counts: number[][]
  rollUp: boolean
  overlapping: boolean
}

export interface AnalysisSpeaker {
  name: string
  /** Interviews in which the speaker says a coded passage. */
  articles: number
  /** Coded highlights the speaker says (a passage with two speakers counts for both). */
  highlights: number
}

export interface SpeakerMatrix {
  themes: AnalysisTheme[]
  speakers: AnalysisSpeaker[]
  /** counts[s][t]: highlights with theme t said (in part or whole) by speaker s. */
  counts: number[][]
  rollUp: boolean
}

export const WordScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('library') }).strict(),
  z.object({ kind: z.literal('article'), articleId: Id }).strict(),
  z.object({ kind: z.literal('theme'), themeId: Id }).strict(),
  z.object({ kind: z.literal('speaker'), name: z.string().min(1).max(300) }).strict()
])
export type WordScope = z.infer<typeof WordScope>

export interface WordCount {
  /** Folded as search folds it: no case, no accents. */
  word: string
  count: number
}

export interface WordFrequencies {
  scope: WordScope
  /** What was counted, in words: "the library", an article's title, a theme's path, a speaker's name. */
  label: string
  /** The most frequent words first (ties alphabetical), stop words left out. */
  words: WordCount[]
  /** Words counted, stop words left out. */
  total: number
  /** Different words counted, stop words left out. */
  distinct: number
}

export const AnalysisCell = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('matrix'), themeId: Id, articleId: Id }).strict(),
  z.object({ kind: z.literal('cooccurrence'), themeId: Id, otherThemeId: Id }).strict(),
  z.object({ kind: z.literal('speaker'), speaker: z.string().min(1).max(300), themeId: Id }).strict()
])
export type AnalysisCell = z.infer<typeof AnalysisCell>

/** One passage behind a cell. */
export interface AnalysisPassage {
  highlightId: string
  articleId: string
  articleTitle: string
  untitled: boolean
  /** The words as the current text has them; the stored quote when the highlight no longer anchors. */
  quote: string
  /** Where the passage is in the text the reader shows; null when it no longer anchors there. */
  start: number | null
  end: number | null
  /** Who says it (by the text's labels, or as set by hand); empty when nobody is named. */
  speakers: string[]
  /** The highlight's note as plain text; '' without one. */
  note: string
  themeIds: string[]
}

export interface AnalysisPassages {
  passages: AnalysisPassage[]
  /** Passages behind the cell; more than `passages` holds when the limit cut the list. */
  total: number
}

export const ANALYSIS_FILE_FORMATS = ['csv', 'svg', 'png'] as const

const common = { rollUp: z.boolean().optional(), filters: AnalysisFilters.optional(), themeId: Id.optional() }

export const analysisContract = {
  /** Highlights per theme per article; `themeId` keeps only that theme's column (and its sub-themes'). */
  'analysis:matrix': channel<ThemeMatrix>()(z.object(common).strict()),
  'analysis:cooccurrence': channel<CooccurrenceMatrix>()(z.object({ ...common, overlapping: z.boolean().optional() }).strict()),
  'analysis:speakers': channel<SpeakerMatrix>()(z.object(common).strict()),
  'analysis:words': channel<WordFrequencies>()(
    z
      .object({ scope: WordScope, rollUp: z.boolean().optional(), limit: z.number().int().min(1).max(10_000).optional() })
      .strict()
  ),
  'analysis:passages': channel<AnalysisPassages>()(
    z
      .object({
        cell: AnalysisCell,
        rollUp: z.boolean().optional(),
        overlapping: z.boolean().optional(),
        filters: AnalysisFilters.optional(),
        limit: z.number().int().min(1).max(10_000).optional()
      })
      .strict()
  ),
  /** Every speaker the interviews' passages are attributed to, for choosing one. */
  'analysis:speaker-names': channel<string[]>()(Empty),
  /** Saves a chart or table the page made: asks where, then writes it; `path` is null when the user cancels. */
  'analysis:save': channel<{ path: string | null; bytes: number }>()(
    z
      .object({
        name: z.string().min(1).max(120).regex(/^[\p{L}\p{N} ._-]+$/u, 'a file name of letters, digits, spaces, dots, dashes and underscores'),
        format: z.enum(ANALYSIS_FILE_FORMATS),
        /** The file's text (CSV, SVG), or for PNG its bytes in base64. */
        content: z.string().max(64 * 1024 * 1024)
      })
      .strict()
  )
} satisfies DomainContract
