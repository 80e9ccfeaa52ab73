import { strToU8, zipSync, type Zippable } from 'fflate'
import { describe, expect, test } from 'vitest'
import { ImportRefused } from '../types'
import { makeZipBomb } from '../fixtures/make-zip-bomb'
import { extractEpub } from './epub'

const xhtml = (body: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title/><link rel="stylesheet" href="../style.css"/>` +
  `<style>p { color: red }</style><script src="https://example.com/track.js"/></head><body>${body}</body></html>`

const OPENING = xhtml(
  '<h1>The Big Picture</h1><div/><p>Collider’s Perri Nemiroff sits down with <em>K-Pops!</em> director Anderson .Paak &amp; cast.</p>' +
    '<img src="https://example.com/pixel.gif"/><script>document.write("not text")</script>' +
    '<blockquote><p>It was about fatherhood.</p></blockquote>'
)
const CLOSING = xhtml('<section><h2>What to watch</h2><ul><li>The kitchen-table scene</li><li>The final take</li></ul><p>Seen at TIFF&#160;2024.</p></section>')

function epubParts(date = '2024-09-27T10:00:00Z'): Zippable {
  return {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
    ),
    'OEBPS/content.opf': strToU8(
      '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        `<dc:identifier id="id">urn:uuid:1</dc:identifier><dc:title>K-Pops! at TIFF</dc:title><dc:creator>Perri Nemiroff</dc:creator><dc:date>${date}</dc:date>` +
        '<dc:publisher>Collider</dc:publisher><dc:language>en</dc:language></metadata><manifest>' +
        '<item id="closing" href="text/closing%20notes.xhtml" media-type="application/xhtml+xml"/>' +
        '<item id="opening" href="text/opening.xhtml" media-type="application/xhtml+xml"/>' +
        '<item id="cover" href="text/cover.xhtml" media-type="application/xhtml+xml"/>' +
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' +
        '<item id="css" href="style.css" media-type="text/css"/></manifest>' +
        '<spine><itemref idref="cover" linear="no"/><itemref idref="opening"/><itemref idref="closing"/></spine></package>'
    ),
    'OEBPS/text/opening.xhtml': strToU8(OPENING),
    'OEBPS/text/closing notes.xhtml': strToU8(CLOSING),
    'OEBPS/text/cover.xhtml': strToU8(xhtml('<p>Cover</p>')),
    'OEBPS/nav.xhtml': strToU8(xhtml('<nav><ol><li>Opening</li></ol></nav>')),
    'OEBPS/style.css': strToU8('p { margin: 0 }')
  }
}

describe('extractEpub', () => {
  test('reads the spine in order into paragraphs with kinds, dropping scripts, styles and images', async () => {
    const out = await extractEpub({ name: 'kpops.epub', bytes: zipSync(epubParts()) })
    expect(out.text.split('\n')).toEqual([
      'The Big Picture',
      'Collider’s Perri Nemiroff sits down with K-Pops! director Anderson .Paak & cast.',
      'It was about fatherhood.',
      'What to watch',
      'The kitchen-table scene',
      'The final take',
      'Seen at TIFF\u00a02024.'
    ])
    expect(out.kinds).toEqual(['heading', 'paragraph', 'quote', 'heading', 'list-item', 'list-item', 'paragraph'])
    expect(out.meta).toEqual({ title: 'K-Pops! at TIFF', author: 'Perri Nemiroff', outlet: 'Collider', language: 'en', date: '2024-09-27' })
    expect(out.format).toBe('epub')
  })

  test.each([
    ['2024-09-27', '2024-09-27'],
    ['2024', undefined],
    ['2024-02-31', undefined],
    ['September 2024', undefined]
  ])('takes dc:date %j as %j', async (stated, date) => {
    const out = await extractEpub({ name: 'dated.epub', bytes: zipSync(epubParts(stated)) })
    expect(out.meta.date).toBe(date)
  })

  test('refuses a book whose spine names a missing chapter', async () => {
    const parts = epubParts()
    delete parts['OEBPS/text/closing notes.xhtml']
    await expect(extractEpub({ name: 'gap.epub', bytes: zipSync(parts) })).rejects.toThrow(
      new ImportRefused('gap.epub', 'gap.epub is damaged: its chapter "OEBPS/text/closing notes.xhtml" is missing from the book.')
    )
  })

  test('refuses a zip that is not an EPUB, and a zip bomb', async () => {
    await expect(extractEpub({ name: 'plain.epub', bytes: zipSync({ 'a.txt': strToU8('a') }) })).rejects.toThrow(/plain\.epub is a zip archive but not an EPUB/)
    const { 'META-INF/container.xml': container, 'OEBPS/content.opf': opf } = epubParts()
    const bomb = makeZipBomb('OEBPS/text/opening.xhtml', 64, { 'META-INF/container.xml': container as Uint8Array, 'OEBPS/content.opf': opf as Uint8Array })
    await expect(extractEpub({ name: 'bomb.epub', bytes: bomb })).rejects.toThrow(/bomb\.epub would expand to far more than its size/)
  })
})
