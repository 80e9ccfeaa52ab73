// Import requests: files chosen in a dialog, dropped on the window (by path in the app, by content in a
// browser page), or a clipboard paste, each becoming an article. Every file's outcome is reported.
import { z } from 'zod'
import { channel, type DomainContract } from './define'

export type ImportStatus = 'imported' | 'duplicate' | 'refused'

/** One file's outcome: imported (with its new article), already there (with the article it matches), or refused. */
export interface ImportOutcome {
  file: string
  status: ImportStatus
  articleId: string | null
  title: string | null
  /** One sentence: why it was refused, which article it duplicates, or a note on a success; '' when there is nothing to say. */
  message: string
}

export interface ImportSummary {
  outcomes: ImportOutcome[]
  imported: number
  duplicates: number
  refused: number
  /** What each REFI-QDA project or codebook among the files brought besides its articles; absent when there was none. */
  projects?: ProjectImportReport[]
}

/**
 * A REFI-QDA project (.qdpx) or codebook (.qdc): its sources are outcomes like any file's; this says what
 * became of its codes, coded passages and notes, and names everything it held that Liner Notes cannot.
 */
export interface ProjectImportReport {
  file: string
  kind: 'project' | 'codebook'
  /** The project's name as the file gives it. */
  name: string
  themesCreated: number
  /** Codes that joined the library's theme of the same name (merging was asked for). */
  themesMerged: string[]
  /** Codes that met a theme of the same name and were kept apart under another name. */
  themesRenamed: { from: string; to: string }[]
  highlights: number
  notes: number
  /** Coded passages that could not be placed, each with why. */
  unplaced: string[]
  /** One sentence per kind of thing the file holds that Liner Notes does not (images, audio, cases, variables…). */
  notCarried: string[]
}

/**
 * Codes of a REFI-QDA file named like a theme already in the library (at the same place in the tree):
 * merged into that theme, or kept apart as a new theme with "(imported)" after its name. Apart unless asked.
 */
export const ThemeClash = z.enum(['merge', 'apart'])
export type ThemeClash = z.infer<typeof ThemeClash>

/** Files the page hands over by content: base64, since the page cannot name paths on disk. */
const DroppedFile = z.object({ name: z.string().min(1).max(500), data: z.string().max(300 * 1024 * 1024).base64() }).strict()

/** Import limits in the units people give them: the largest file in MB, the longest read in seconds. */
export const ImportLimitsOverride = z
  .object({ maxMegabytes: z.number().int().min(1).max(4096).optional(), maxSeconds: z.number().int().min(1).max(3600).optional() })
  .strict()

export const importsContract = {
  /** File › Import…: the user picks files in a dialog; each is imported. */
  'imports:choose': channel<ImportSummary>()(z.object({ themes: ThemeClash.optional() }).strict()),
  /** Files dropped on the window, by path (the app knows where a dropped file is). */
  'imports:paths': channel<ImportSummary>()(
    z
      .object({
        paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000),
        /** This import's own limits (the command line's --max-size and --max-seconds), over the library's. */
        limits: ImportLimitsOverride.optional(),
        themes: ThemeClash.optional()
      })
      .strict()
  ),
  /** Files dropped on the window, by content. */
  'imports:files': channel<ImportSummary>()(z.object({ files: z.array(DroppedFile).min(1).max(1_000), themes: ThemeClash.optional() }).strict()),
  /** File › New article from clipboard: the clipboard's HTML, or its plain text. */
  'imports:paste': channel<ImportSummary>()(
    z
      .object({ html: z.string().max(50 * 1024 * 1024).optional(), text: z.string().max(50 * 1024 * 1024).optional() })
      .strict()
      .refine((paste) => (paste.html ?? '').trim() !== '' || (paste.text ?? '').trim() !== '', 'The clipboard holds no text to make an article of')
  )
} satisfies DomainContract

/** One annotation that could not become a highlight, and why (never dropped silently). */
export interface UnplacedAnnotation {
  /** The annotation's id in the file, or its position ("annotation 12") when it has none. */
  annotation: string
  /** The words it quotes, when it says. */
  quote: string | null
  reason: string
}

export interface AnnotationImportSummary {
  /** Highlights created, with the themes and notes they carry. */
  highlights: number
  themesCreated: number
  notes: number
  unplaced: UnplacedAnnotation[]
}

export const annotationsContract = {
  /**
   * W3C Web Annotation JSON (an AnnotationCollection, a list, or one annotation) or Hypothesis's JSON
   * export, as text: each annotation becomes a highlight on the article its target names (by source URL
   * or article id) or on `articleId` when given; tags become themes, comments notes.
   */
  'annotations:import': channel<AnnotationImportSummary>()(
    z.object({ json: z.string().min(1).max(200 * 1024 * 1024), articleId: z.string().min(1).max(200).optional() }).strict()
  ),
  /** The same, with the file chosen in a dialog. */
  'annotations:choose': channel<AnnotationImportSummary | null>()(z.object({ articleId: z.string().min(1).max(200).optional() }).strict())
} satisfies DomainContract
