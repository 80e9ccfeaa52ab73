// Export and backup requests: writing the archive (or one article or theme of it) out as Markdown, CSV
// or JSON, and backing the library up and restoring it.
import { z } from 'zod'
import { CITATION_STYLES } from '../citation'
import { channel, Empty, Id, type DomainContract } from './define'

/** qdc and qdpx: the REFI-QDA codebook and project, for ATLAS.ti, MAXQDA, NVivo, QualCoder and the like (the whole library only). */
export const EXPORT_FORMATS = ['markdown', 'csv', 'json', 'qdc', 'qdpx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

const ExportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), articleId: Id }).strict(),
  z.object({ kind: z.literal('theme'), themeId: Id }).strict(),
  z.object({ kind: z.literal('library') }).strict(),
  /** One free-standing note (an essay draft) with its quotations and their citations: Markdown only. */
  z.object({ kind: z.literal('note'), noteId: Id }).strict()
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

export const exportsContract = {
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
        byteOrderMark: z.boolean().optional(),
        /**
         * CSV only: leave cells that start with = + - @ tab or CR as they are. By default such a cell gets
         * a leading ' so a spreadsheet shows it as text instead of running it as a formula (OWASP).
         */
        rawCells: z.boolean().optional(),
        /** JSON (Web Annotation) only: the person credited as each annotation's creator. */
        creator: z.string().trim().min(1, 'The creator’s name is empty').max(120, 'The creator’s name is at most 120 characters').optional()
      })
      .strict()
  ),
  'backup:create': channel<ExportSummary>()(Empty),
  /** Restores a backup the user picks into a new or empty folder they pick; optionally opens it. */
  'backup:restore': channel<RestoreSummary>()(z.object({ openAfterRestore: z.boolean().optional() }).strict())
} satisfies DomainContract
