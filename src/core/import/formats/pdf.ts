// PDF articles: pdf.js (through unpdf, which runs it under plain Node with eval off) gives positioned text
// runs page by page; pdf-layout rebuilds paragraphs from them. The file's scripts, forms and links are never
// run or followed: only the text layer and the info dictionary's Title, Author and Language are read.
import { getDocumentProxy } from 'unpdf'
import { DEFAULT_LIMITS, ImportRefused, type Extracted, type ExtractedMeta, type ImportLimits } from '../types'
import { statedAuthor, statedTitle } from './junk-meta'
import { dropPageFurniture, pageLines, paragraphsOf, type PageRuns, type TextRun } from './pdf-layout'

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>

/** Readers look for the header in the first 1024 bytes and for the end marker in the last 1024 (PDF 32000 §7.5.5). */
const MARKER_WINDOW = 1024

export async function extractPdf(file: { name: string; bytes: Uint8Array }, limits: ImportLimits = DEFAULT_LIMITS): Promise<Extracted> {
  const started = Date.now()
  checkMarkers(file)
  let pdf: PdfDocument
  try {
    // pdf.js takes ownership of the buffer it is given; the caller's bytes stay intact.
    // A copy as a plain Uint8Array: a Node Buffer (a file read from disk) is refused by pdf.js, and its
    // slice() would share memory rather than copy it.
    pdf = await getDocumentProxy(new Uint8Array(file.bytes), { verbosity: 0, isEvalSupported: false, enableXfa: false })
  } catch (error) {
    throw refusalFor(file.name, error)
  }
  try {
    const pages: PageRuns[] = []
    for (let number = 1; number <= pdf.numPages; number++) {
      if (Date.now() - started > limits.maxMillis) {
        throw new ImportRefused(file.name, `${file.name} took longer than ${Math.round(limits.maxMillis / 1000)} seconds to read (stopped at page ${number} of ${pdf.numPages}).`)
      }
      pages.push(await readPage(file.name, pdf, number))
    }
    const lines = pages.map(pageLines)
    dropPageFurniture(lines)
    const paragraphs = paragraphsOf(lines)
    if (paragraphs.length === 0) {
      throw new ImportRefused(file.name, `${file.name} has no text layer (it is probably a scan); Liner Notes cannot read its words.`)
    }
    return {
      format: 'pdf',
      text: paragraphs.map((p) => p.text).join('\n'),
      kinds: paragraphs.map((p) => p.kind),
      meta: await infoOf(pdf)
    }
  } finally {
    await pdf.destroy()
  }
}

function checkMarkers(file: { name: string; bytes: Uint8Array }): void {
  const ascii = (from: number, to: number): string => new TextDecoder('latin1').decode(file.bytes.subarray(from, to))
  if (!ascii(0, MARKER_WINDOW).includes('%PDF-')) {
    throw new ImportRefused(file.name, `${file.name} is not a PDF (it does not start as one).`)
  }
  if (!ascii(Math.max(0, file.bytes.length - MARKER_WINDOW), file.bytes.length).includes('%%EOF')) {
    throw new ImportRefused(file.name, `${file.name} is cut short or damaged (it does not end as a PDF does); try downloading or saving it again.`)
  }
}

function refusalFor(fileName: string, error: unknown): ImportRefused {
  if (error instanceof ImportRefused) return error
  const name = error instanceof Error ? error.name : ''
  if (name === 'PasswordException') return new ImportRefused(fileName, `${fileName} is locked with a password, so Liner Notes cannot read it.`)
  return new ImportRefused(fileName, `${fileName} is damaged and cannot be read as a PDF.`)
}

async function readPage(fileName: string, pdf: PdfDocument, number: number): Promise<PageRuns> {
  try {
    const page = await pdf.getPage(number)
    const content = await page.getTextContent()
    const runs: TextRun[] = []
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue
      const [a, b, c, d, x, y] = item.transform as number[]
      // Rotated or vertical text (a margin stamp, a spine label) is not part of the article's lines.
      if (Math.abs(b ?? 0) > Math.abs(a ?? 0) * 0.1 || Math.abs(c ?? 0) > Math.abs(d ?? 0) * 0.1) continue
      runs.push({ text: item.str, x: x ?? 0, y: y ?? 0, width: item.width, size: Math.abs(d ?? 0) || item.height })
    }
    page.cleanup()
    return { runs }
  } catch (error) {
    throw refusalFor(fileName, error)
  }
}

async function infoOf(pdf: PdfDocument): Promise<ExtractedMeta> {
  const { info } = await pdf.getMetadata().catch(() => ({ info: {} }))
  const fields: Record<string, unknown> = typeof info === 'object' && info !== null ? (info as Record<string, unknown>) : {}
  const meta: ExtractedMeta = {}
  const title = statedTitle(fields.Title)
  const author = statedAuthor(fields.Author)
  const language = typeof fields.Language === 'string' && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(fields.Language) ? fields.Language : undefined
  if (title) meta.title = title
  if (author) meta.author = author
  if (language) meta.language = language
  return meta
}
