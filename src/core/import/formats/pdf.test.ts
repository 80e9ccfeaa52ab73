import { PDFDocument, StandardFonts, rgb } from 'pdf-lib'
import { describe, expect, test } from 'vitest'
import { DEFAULT_LIMITS, ImportRefused } from '../types'
import { longArticle, writeArticlePdf } from '../fixtures/make-pdf'
import { extractPdf } from './pdf'
import { joinLines } from './pdf-layout'

const HEADER = 'The Long Take · Spring 2025'

describe('extractPdf', () => {
  test('reads a PDF handed over as a Node Buffer, as a file read from disk is', async () => {
    const pdf = await writeArticlePdf({ paragraphs: [{ text: 'The film keeps time like a drummer.' }], columns: 1 })
    const out = await extractPdf({ name: 'from-disk.pdf', bytes: Buffer.from(pdf.bytes) })
    expect(out.text).toBe('The film keeps time like a drummer.')
  })

  test.each([1, 2] as const)('rebuilds a %i-column article verbatim, without headers, page numbers or hyphens at line ends', async (columns) => {
    const paragraphs = longArticle(45, columns)
    const pdf = await writeArticlePdf({
      title: 'Notes on a Quiet Cinema',
      paragraphs,
      columns,
      runningHeader: HEADER,
      pageNumbers: true,
      info: { title: 'Notes on a Quiet Cinema', author: 'Ana Critic' }
    })
    // The fixture is what it claims: several pages, words hyphenated at line ends.
    expect(pdf.pages).toBeGreaterThanOrEqual(3)
    expect(pdf.hyphenated).toBeGreaterThan(5)

    const out = await extractPdf({ name: 'quiet.pdf', bytes: pdf.bytes })
    expect(out.text.split('\n')).toEqual(['Notes on a Quiet Cinema', ...paragraphs.map((p) => p.text)])
    expect(out.kinds).toEqual(['heading', ...paragraphs.map((p) => (p.heading ? 'heading' : 'paragraph'))])
    expect(out.text).not.toContain('Long Take')
    expect(out.meta).toEqual({ title: 'Notes on a Quiet Cinema', author: 'Ana Critic' })
    expect(out.format).toBe('pdf')
  })

  test('heals "devel-/opment", keeps "K-/Pops!" and mid-line hyphens, and drops a junk title', async () => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.TimesRoman)
    doc.setTitle('Microsoft Word - doc1.docx')
    doc.setAuthor('Perri Nemiroff')
    const page = doc.addPage([612, 792])
    const lines: Array<[number, string]> = [
      [86, 'Anderson .Paak has astounded audiences for the better part of fifteen years with devel-'],
      [72, 'opment as a drummer, a singer and a fifteen-year career, and now his first feature, the K-'],
      [72, 'Pops! follows a father.'],
      [86, 'It premiered in Toronto, where the audience laughed at every joke the film made about']
    ]
    lines.forEach(([x, text], i) => page.drawText(text, { x, y: 700 - i * 14, size: 10.5, font }))
    const out = await extractPdf({ name: 'kpops.pdf', bytes: await doc.save() })
    expect(out.text).toBe(
      'Anderson .Paak has astounded audiences for the better part of fifteen years with development as a drummer, a singer and a fifteen-year career, and now his first feature, the K-Pops! follows a father.\n' +
        'It premiered in Toronto, where the audience laughed at every joke the film made about'
    )
    expect(out.meta).toEqual({ author: 'Perri Nemiroff' })
  })

  test('refuses a PDF with no text layer', async () => {
    const doc = await PDFDocument.create()
    doc.addPage([612, 792]).drawRectangle({ x: 72, y: 72, width: 400, height: 600, color: rgb(0.5, 0.5, 0.5) })
    const bytes = await doc.save()
    await expect(extractPdf({ name: 'scan.pdf', bytes })).rejects.toThrow(
      new ImportRefused('scan.pdf', 'scan.pdf has no text layer (it is probably a scan); Liner Notes cannot read its words.')
    )
  })

  test('refuses a truncated PDF and bytes that are not a PDF', async () => {
    const { bytes } = await writeArticlePdf({ paragraphs: longArticle(20), columns: 1 })
    await expect(extractPdf({ name: 'cut.pdf', bytes: bytes.slice(0, Math.floor(bytes.length / 2)) })).rejects.toThrow(/cut\.pdf is cut short or damaged/)
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 251)
    await expect(extractPdf({ name: 'noise.pdf', bytes: noise })).rejects.toThrow(/noise\.pdf is not a PDF/)
  })

  test('refuses a PDF whose parts are garbage behind a valid start and end', async () => {
    const head = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
    await expect(extractPdf({ name: 'broken.pdf', bytes: head })).rejects.toBeInstanceOf(ImportRefused)
  })

  test('gives up with a sentence when reading takes longer than the limit', async () => {
    const { bytes } = await writeArticlePdf({ paragraphs: longArticle(20), columns: 2 })
    await expect(extractPdf({ name: 'slow.pdf', bytes }, { ...DEFAULT_LIMITS, maxMillis: -1 })).rejects.toThrow(/slow\.pdf took longer than/)
  })
})

describe('joinLines', () => {
  test.each([
    ['devel-', 'opment', 'development'],
    ['K-', 'Pops!', 'K-Pops!'],
    ['the 1990-', '2000 seasons', 'the 1990-2000 seasons'],
    ['either -', 'or', 'either - or'],
    ['a soft\u00ad', 'hyphen', 'a softhyphen'],
    ['and then—', 'silence', 'and then—silence'],
    ['and then —', 'silence', 'and then — silence'],
    ['one line', 'and the next', 'one line and the next']
  ])('%j + %j → %j', (before, after, joined) => {
    expect(joinLines(before, after)).toBe(joined)
  })
})
