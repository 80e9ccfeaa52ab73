// Plain text, and what every text-like format shares: turning a file's bytes into a string without
// mojibake, shaping blocks into the reader's one-paragraph-per-line text, and reading the metadata fields
// a file states (dates, addresses, languages) into the forms the library stores. The Markdown, HTML and
// paste importers build on these so that one rule decides, say, what counts as a date.
import chardet from 'chardet'
import iconv from 'iconv-lite'
import { ARTICLE_KINDS, type ArticleKind } from '../../../shared/model'
import { isCalendarDate } from '../../../shared/dates'
import { DEFAULT_LIMITS, ImportRefused, type Extracted, type ExtractedMeta, type ImportLimits, type ParagraphKind } from '../types'

export interface ImportFile {
  name: string
  bytes: Uint8Array
}

/** One paragraph of the reader text and how the reader shows it. */
export interface Block {
  text: string
  kind: ParagraphKind
}

export async function extractTxt(file: ImportFile, limits: ImportLimits = DEFAULT_LIMITS): Promise<Extracted> {
  checkSize(file, limits)
  const text = decodeText(file)
  return finish(file.name, 'txt', plainBlocks(text), {})
}

/** Refuses a file over the size limit, before any of it is decoded. */
export function checkSize(file: ImportFile, limits: ImportLimits): void {
  if (file.bytes.byteLength > limits.maxFileBytes) {
    throw new ImportRefused(file.name, `${file.name} is ${sizeLabel(file.bytes.byteLength)}, more than the ${sizeLabel(limits.maxFileBytes)} Liner Notes imports.`)
  }
}

function sizeLabel(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  if (mb >= 1) return `${Math.round(mb * 10) / 10} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/**
 * The file's text. A byte-order mark decides; else text that is valid UTF-8 is UTF-8 (a legacy encoding
 * almost never produces valid UTF-8 by accident); else the encoding the file declares (an HTML page's
 * `<meta charset>`); else chardet's guess. ISO-8859-1 is read as Windows-1252, as the WHATWG Encoding
 * standard has browsers do: a "latin-1" file with curly quotes is really Windows-1252, and reading it
 * as ISO-8859-1 would turn “ ” into invisible C1 controls.
 */
export function decodeText(file: ImportFile, declared?: string): string {
  const bytes = file.bytes
  let text: string
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = iconv.decode(bytes.subarray(3), 'utf-8')
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = iconv.decode(bytes.subarray(2), 'utf-16le')
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = iconv.decode(bytes.subarray(2), 'utf-16be')
  else text = strictUtf8(bytes) ?? iconv.decode(bytes, legacyEncoding(file, declared))
  text = text.replace(/^\uFEFF/, '')
  if (!looksLikeText(text)) throw new ImportRefused(file.name, `${file.name} does not hold text (it looks like a binary file).`)
  return text
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

function legacyEncoding(file: ImportFile, declared: string | undefined): string {
  for (const candidate of [declared, chardet.detect(file.bytes)]) {
    if (candidate === undefined || candidate === null) continue
    const name = candidate.trim().toLowerCase()
    // UTF-8 was tried strictly and failed, so a claim of UTF-8 is wrong; the next candidate decides.
    if (name === 'utf-8' || name === 'utf8') continue
    if (/^(?:iso-?8859-1|latin-?1|us-ascii|ascii)$/.test(name)) return 'windows-1252'
    if (iconv.encodingExists(name)) return name
  }
  // What a browser falls back to for an undeclared Western page.
  return 'windows-1252'
}

/** No NUL, and control characters (other than tab and line ends) are rare: a binary file fails both. */
function looksLikeText(text: string): boolean {
  if (text.includes('\u0000')) return false
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f-\u009f]/g)?.length ?? 0
  return controls <= text.length * 0.01
}

/** CRLF, CR and Unicode line and paragraph separators all end a line; each non-blank line a paragraph. */
export function textLines(text: string): string[] {
  return text
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
}

export function plainBlocks(text: string): Block[] {
  return textLines(text).map((line) => ({ text: line, kind: 'paragraph' }))
}

/**
 * The blocks as the reader text: one line each, trailing space trimmed, blank ones dropped, a block
 * holding a line break split into lines of its kind (so `kinds` always matches `text` line for line).
 * A file that yields no text is refused: an empty article has nothing to read or highlight.
 */
export function finish(name: string, format: string, blocks: readonly Block[], meta: ExtractedMeta): Extracted {
  const lines: Block[] = []
  for (const block of blocks) for (const line of textLines(block.text)) lines.push({ text: line, kind: block.kind })
  if (lines.length === 0) throw new ImportRefused(name, `${name} has no text to import.`)
  return { format, text: lines.map((l) => l.text).join('\n'), kinds: lines.map((l) => l.kind), meta }
}

// --- Metadata fields, as every format reads them ---------------------------------------------------

/** A one-line field: spaces collapsed and trimmed; absent when blank or not a string. */
export function field(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const clean = String(value).replace(/\s+/g, ' ').trim()
  return clean === '' ? undefined : clean
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * A date as YYYY-MM-DD when the value names one day: "2024-09-27", "2024-09-27T14:00:00-04:00" (the day
 * as written — a time zone never moves it), "2024/09/27", "Sep 27, 2024", "27 September 2024". A year
 * or a month alone names no day and is left out, as is anything else.
 */
export function calendarDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10)
  const s = field(value)
  if (s === undefined) return undefined
  const pad = (n: number): string => String(n).padStart(2, '0')
  const day = (y: number, m: number, d: number): string | undefined => {
    const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`
    return isCalendarDate(iso) ? iso : undefined
  }
  const numeric = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T ]\d)/.exec(s)
  if (numeric) return day(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]))
  const month = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1
  const mdy = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s)
  if (mdy && month(mdy[1] ?? '') > 0) return day(Number(mdy[3]), month(mdy[1] ?? ''), Number(mdy[2]))
  const dmy = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/.exec(s)
  if (dmy && month(dmy[2] ?? '') > 0) return day(Number(dmy[3]), month(dmy[2] ?? ''), Number(dmy[1]))
  return undefined
}

/** An absolute http(s) address, as written; a relative one is left out rather than resolved. */
export function httpUrl(value: unknown): string | undefined {
  const s = field(value)
  if (s === undefined || !/^https?:\/\//i.test(s)) return undefined
  try {
    new URL(s)
    return s
  } catch {
    return undefined
  }
}

/** A BCP 47 language tag in its canonical form ("en_us" → "en-US"); absent when not a tag. */
export function languageTag(value: unknown): string | undefined {
  const s = field(value)?.replace(/_/g, '-')
  if (s === undefined || !/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(s)) return undefined
  try {
    return Intl.getCanonicalLocales(s)[0]
  } catch {
    return undefined
  }
}

export function articleKind(value: unknown): ArticleKind | undefined {
  const s = field(value)?.toLowerCase()
  return ARTICLE_KINDS.find((kind) => kind === s)
}

/** Several names as one byline, the way the archive writes them: "A and B", "A, B and C". */
export function byline(names: readonly string[]): string | undefined {
  const unique = [...new Set(names.map(field).filter((n): n is string => n !== undefined))]
  if (unique.length <= 1) return unique[0]
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1) ?? ''}`
}

/** Drops absent fields, so `meta` holds only what the file states. */
export function definedMeta(meta: { [K in keyof ExtractedMeta]: ExtractedMeta[K] | undefined }): ExtractedMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as ExtractedMeta
}
