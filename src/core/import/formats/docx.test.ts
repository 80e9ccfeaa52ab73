import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { describe, expect, test } from 'vitest'
import { DEFAULT_LIMITS, ImportRefused } from '../types'
import { makeZipBomb } from '../fixtures/make-zip-bomb'
import { extractDocx } from './docx'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const para = (text: string, style?: string, list = false): string =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${list ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : ''}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`

/** A Word document written by hand: the least a .docx needs, plus styles, a bullet list and core properties. */
function docxParts(core = '<dc:title>The Quiet Season</dc:title><dc:creator>Ana Critic</dc:creator>'): Zippable {
  const body = [
    para('The Quiet Season', 'Title'),
    para('A festival of small films', 'Heading1'),
    para('Anderson .Paak’s K-Pops! follows a father grappling for stardom &amp; his son.'),
    para('Fatherhood takes the spotlight.', 'Quote'),
    para('Three things to see:'),
    para('the kitchen-table scene', undefined, true),
    para('the final take', undefined, true),
    `<w:p><w:r><w:t>First line</w:t></w:r><w:r><w:br/><w:t>second line</w:t></w:r></w:p>`
  ].join('')
  return {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>'
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>` +
        ['Title:Title', 'Heading1:heading 1', 'Quote:Quote'].map((s) => `<w:style w:type="paragraph" w:styleId="${s.split(':')[0]}"><w:name w:val="${s.split(':')[1]}"/></w:style>`).join('') +
        '</w:styles>'
    ),
    'word/numbering.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
    ),
    'docProps/core.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">' +
        `${core}<dcterms:created>2019-01-01T00:00:00Z</dcterms:created></cp:coreProperties>`
    )
  }
}

describe('extractDocx', () => {
  test('reads paragraphs with their kinds, and title and author but no date from core.xml', async () => {
    const out = await extractDocx({ name: 'quiet.docx', bytes: zipSync(docxParts()) })
    expect(out.text.split('\n')).toEqual([
      'The Quiet Season',
      'A festival of small films',
      'Anderson .Paak’s K-Pops! follows a father grappling for stardom & his son.',
      'Fatherhood takes the spotlight.',
      'Three things to see:',
      'the kitchen-table scene',
      'the final take',
      'First line',
      'second line'
    ])
    expect(out.kinds).toEqual(['heading', 'heading', 'paragraph', 'quote', 'paragraph', 'list-item', 'list-item', 'paragraph', 'paragraph'])
    expect(out.meta).toEqual({ title: 'The Quiet Season', author: 'Ana Critic' })
    expect(out.format).toBe('docx')
  })

  test("drops the title and author Word filled in", async () => {
    const out = await extractDocx({ name: 'doc.docx', bytes: zipSync(docxParts('<dc:title>Document1</dc:title><dc:creator>Windows User</dc:creator>')) })
    expect(out.meta).toEqual({})
  })

  test('refuses bytes that are not a zip, and a zip that is not a Word document', async () => {
    const noise = new Uint8Array(2048).map((_, i) => (i * 7919) % 251)
    await expect(extractDocx({ name: 'noise.docx', bytes: noise })).rejects.toThrow(/noise\.docx is not a Word \(\.docx\) file/)
    const notWord = zipSync({ 'notes.txt': strToU8('hello') })
    await expect(extractDocx({ name: 'notes.docx', bytes: notWord })).rejects.toThrow('notes.docx is a zip archive but not a Word document (it has no word/document.xml).')
  })

  test('refuses a zip with more entries than the limit', async () => {
    await expect(extractDocx({ name: 'many.docx', bytes: zipSync(docxParts()) }, { ...DEFAULT_LIMITS, maxZipEntries: 3 })).rejects.toThrow(/many\.docx holds 7 files inside/)
  })

  describe('zip bombs', () => {
    // 200 MB of zeros compresses to about 200 KB: the sizes the zip declares give it away.
    const bomb = makeZipBomb('word/document.xml', 200)

    test('the fixture is a real bomb: a smaller one inflates to exactly its zeros', () => {
      const small = unzipSync(makeZipBomb('zeros.bin', 3))['zeros.bin']
      expect(small?.length).toBe(3 * 1024 * 1024)
      expect(small?.every((b) => b === 0)).toBe(true)
    })

    test('refuses a bomb from its declared sizes, quickly and without expanding it', async () => {
      expect(bomb.length).toBeLessThan(1024 * 1024)
      const rssBefore = process.memoryUsage().rss
      const started = Date.now()
      await expect(extractDocx({ name: 'bomb.docx', bytes: bomb })).rejects.toThrow(new ImportRefused('bomb.docx', 'bomb.docx would expand to far more than its size (a "zip bomb"), so Liner Notes did not open it.'))
      expect(Date.now() - started).toBeLessThan(1000)
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * 1024 * 1024)
    })

    test('refuses a bomb that understates its size, stopping as soon as it yields more', async () => {
      // Rewrite the central directory's "original size" (offset 24 of its one entry) to 1000 bytes.
      const lying = bomb.slice()
      const view = new DataView(lying.buffer)
      let central = lying.length - 22
      central = view.getUint32(central + 16, true)
      view.setUint32(central + 24, 1000, true)
      const rssBefore = process.memoryUsage().rss
      const started = Date.now()
      await expect(extractDocx({ name: 'liar.docx', bytes: lying })).rejects.toThrow(/liar\.docx would expand to more than it declares/)
      expect(Date.now() - started).toBeLessThan(1000)
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * 1024 * 1024)
    })
  })
})
