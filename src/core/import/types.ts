// What every importer gives back: the reader text an article's highlights will anchor to, the kind of
// each paragraph (so the reader shows headings, quotes and list items as such), and only the metadata
// the file itself states. Importers are pure (bytes in, article out), run in the core process, and never
// run or fetch anything a file contains.
import type { ArticleKind } from '../../shared/model'

export const PARAGRAPH_KINDS = ['paragraph', 'heading', 'quote', 'list-item'] as const
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number]

/** Metadata as the file states it; a field the file does not give is absent, never guessed. */
export interface ExtractedMeta {
  title?: string
  author?: string
  outlet?: string
  /** YYYY-MM-DD */
  date?: string
  /** http(s) only */
  url?: string
  kind?: ArticleKind
  language?: string
}

export interface Extracted {
  /** The format that was read: 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'epub' | 'paste'. */
  format: string
  /** Paragraphs joined by '\n' (one paragraph per line, as the bundled archive's texts are). */
  text: string
  /** One kind per line of `text`, in order. */
  kinds: ParagraphKind[]
  meta: ExtractedMeta
}

/** Limits checked before memory is spent on an untrusted file. */
export interface ImportLimits {
  /** Largest file accepted, in bytes (default 200 MB). */
  maxFileBytes: number
  /** docx/epub: most entries in the zip, and most bytes they may expand to. */
  maxZipEntries: number
  maxExpandedBytes: number
  /** Longest one file may take to extract, in ms. */
  maxMillis: number
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxExpandedBytes: 512 * 1024 * 1024,
  maxMillis: 60_000
}

/** A file that cannot be imported; `message` is one sentence naming the file and the problem. */
export class ImportRefused extends Error {
  constructor(
    readonly file: string,
    message: string
  ) {
    super(message)
    this.name = 'ImportRefused'
  }
}
