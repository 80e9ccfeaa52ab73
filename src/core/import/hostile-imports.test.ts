// Files made to hurt the importers: Word and EPUB zips holding names that climb out of the package, a
// symbolic link, one name twice or a bomb; truncated files; files whose bytes are not what their name says;
// an EPUB package file with a DOCTYPE of entities ("billion laughs") or nested 100,000 deep. Each is refused
// with one sentence naming the file; the library's files stay byte-identical, nothing appears in the folder
// beside it, and the process's memory grows by less than MEMORY_CAP.
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strToU8, zipSync, type Zippable } from 'fflate'
import { describe, expect, it } from 'vitest'
import { peakMemory, withTempDir } from '../library/test-support'
import { openTestClient } from '../services/test-client'
import { writeArticlePdf } from './fixtures/make-pdf'
import { makeZipBomb } from './fixtures/make-zip-bomb'

const MB = 1024 * 1024
/** What importing one hostile file may add to the process's resident memory, at most. */
const MEMORY_CAP = 200 * MB

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument'

/** The least a Word document needs. */
function docxParts(): Record<string, Uint8Array> {
  return {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>'
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}" Target="word/document.xml"/></Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>A quiet season.</w:t></w:r></w:p></w:body></w:document>`)
  }
}

/** The least an EPUB needs, its package file (OPF) replaceable. */
function epubParts(opf = '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>'): Record<string, Uint8Array> {
  return {
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>'),
    'content.opf': strToU8(`<?xml version="1.0"?>${opf}`),
    'c.xhtml': strToU8('<html xmlns="http://www.w3.org/1999/xhtml"><body><p>A long read.</p></body></html>')
  }
}

/** Changes a name in the zip's local header and directory, to make a name the zip already holds. */
function rename(zip: Uint8Array, from: string, to: string): Uint8Array {
  const out = Buffer.from(zip)
  for (let at = out.indexOf(from); at !== -1; at = out.indexOf(from, at + 1)) Buffer.from(to).copy(out, at)
  return out
}

const half = (bytes: Uint8Array): Uint8Array => bytes.subarray(0, Math.floor(bytes.length / 2))

/** Unix mode bits of a symbolic link, as "made by Unix" zips keep them in the high half of the external attributes. */
const SYMLINK_ATTRS = (0o120777 << 16) >>> 0

const laughs = (): string => {
  const entities = ['<!ENTITY lol0 "lol">']
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`)
  return `<!DOCTYPE package [${entities.join('')}]><package xmlns="http://www.idpf.org/2007/opf"><metadata><title>&lol9;</title></metadata></package>`
}

interface Case {
  name: string
  file: string
  bytes: () => Uint8Array | Promise<Uint8Array>
  message: RegExp
}

const CLIMBS = /holds a file named “.+”, a path that climbs out of the package or starts at a root, so Liner Notes did not open it\.$/

const CASES: Case[] = [
  { name: 'a .docx entry named ../x', file: 'climb.docx', bytes: () => zipSync({ ...docxParts(), '../x.txt': strToU8('x') }), message: new RegExp(`^climb\\.docx ${CLIMBS.source}`) },
  { name: 'a .docx entry named C:\\x', file: 'drive.docx', bytes: () => zipSync({ ...docxParts(), 'C:\\x.txt': strToU8('x') }), message: new RegExp(`^drive\\.docx ${CLIMBS.source}`) },
  { name: 'an .epub entry named /abs', file: 'root.epub', bytes: () => zipSync({ ...epubParts(), '/abs.xhtml': strToU8('x') }), message: new RegExp(`^root\\.epub ${CLIMBS.source}`) },
  { name: 'an .epub entry named OEBPS/../../x', file: 'climb.epub', bytes: () => zipSync({ ...epubParts(), 'OEBPS/../../x': strToU8('x') }), message: new RegExp(`^climb\\.epub ${CLIMBS.source}`) },
  {
    name: 'a .docx holding a symbolic link',
    file: 'link.docx',
    bytes: () => zipSync({ ...docxParts(), 'word/media/link': [strToU8('/etc/passwd'), { os: 3, attrs: SYMLINK_ATTRS }] } as Zippable),
    message: /^link\.docx holds a symbolic link \(word\/media\/link\), which no document or package needs, so Liner Notes did not open it\.$/
  },
  {
    name: 'a .docx holding word/document.xml twice',
    file: 'twice.docx',
    bytes: () => rename(zipSync({ ...docxParts(), 'word/documenX.xml': strToU8('<w:document/>') }), 'word/documenX.xml', 'word/document.xml'),
    message: /^twice\.docx holds word\/document\.xml twice, so Liner Notes did not open it\.$/
  },
  {
    name: 'an .epub holding one name in two cases',
    file: 'cases.epub',
    bytes: () => zipSync({ ...epubParts(), 'C.XHTML': strToU8('<p>other</p>') }),
    message: /^cases\.epub holds C\.XHTML twice, so Liner Notes did not open it\.$/
  },
  { name: 'a .docx bomb', file: 'bomb.docx', bytes: () => makeZipBomb('word/document.xml', 300), message: /^bomb\.docx would expand to far more than its size \(a "zip bomb"\), so Liner Notes did not open it\.$/ },
  { name: 'an .epub bomb', file: 'bomb.epub', bytes: () => makeZipBomb('c.xhtml', 300, { mimetype: strToU8('application/epub+zip') }), message: /^bomb\.epub would expand to far more than its size \(a "zip bomb"\), so Liner Notes did not open it\.$/ },
  { name: 'a truncated .docx', file: 'cut.docx', bytes: () => half(zipSync(docxParts())), message: /^cut\.docx is not a Word \(\.docx\) file \(it is not a zip archive, or it is damaged\)\.$/ },
  { name: 'a truncated .epub', file: 'cut.epub', bytes: () => half(zipSync(epubParts())), message: /^cut\.epub is not a EPUB file \(it is not a zip archive, or it is damaged\)\.$/ },
  {
    name: 'a truncated .pdf',
    file: 'cut.pdf',
    bytes: async () => half((await writeArticlePdf({ paragraphs: [{ text: 'A quiet season.' }], columns: 1 })).bytes),
    message: /^cut\.pdf is cut short or damaged \(it does not end as a PDF does\); try downloading or saving it again\.$/
  },
  { name: 'a .docx that is no zip', file: 'text.docx', bytes: () => strToU8('A quiet season.'), message: /^text\.docx is not a Word \(\.docx\) file \(it is not a zip archive, or it is damaged\)\.$/ },
  { name: 'an .epub that is no zip', file: 'text.epub', bytes: () => strToU8('<html>A long read.</html>'), message: /^text\.epub is not a EPUB file \(it is not a zip archive, or it is damaged\)\.$/ },
  { name: 'a .pdf that is no PDF', file: 'zip.pdf', bytes: () => zipSync(docxParts()), message: /^zip\.pdf is not a PDF \(it does not start as one\)\.$/ },
  { name: 'an .epub whose package file declares entities (none expanded)', file: 'laughs.epub', bytes: () => zipSync(epubParts(laughs())), message: /^laughs\.epub has no text in its chapters\.$/ },
  {
    name: 'an .epub whose package file is nested 100,000 deep',
    file: 'deep.epub',
    bytes: () => zipSync(epubParts(`<package xmlns="http://www.idpf.org/2007/opf">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</package>`), { level: 0 }),
    message: /^deep\.epub nests its elements too deeply \(more than 256 levels\) to be read\.$/
  }
]

describe('hostile imports', () => {
  it('imports the well-formed .docx and .epub the cases are made from', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      try {
        await writeFile(join(dir, 'good.docx'), zipSync(docxParts()))
        await writeFile(join(dir, 'good.epub'), zipSync(epubParts()))
        const summary = await client.call('imports:paths', { paths: [join(dir, 'good.docx'), join(dir, 'good.epub')] })
        expect(summary.outcomes.map((o) => o.status)).toEqual(['imported', 'imported'])
      } finally {
        await client.services.close()
      }
    }))

  it.each(CASES)('refuses $name with one sentence naming the file, writing nothing', ({ file, bytes, message }) =>
    withTempDir(async (dir) => {
      const canary = join(dir, 'canary')
      await mkdir(canary)
      const client = await openTestClient(join(dir, 'library', 'inner'))
      try {
        const before = await client.fingerprint()
        const path = join(dir, file)
        await writeFile(path, await bytes())
        const { peak, outcome } = await peakMemory(() => client.call('imports:paths', { paths: [path] }))
        expect(outcome.outcomes.map((o) => [o.status, o.message])).toEqual([['refused', expect.stringMatching(message)]])
        expect(await client.fingerprint()).toBe(before)
        expect(await readdir(canary)).toEqual([])
        expect(await readdir(join(dir, 'library'))).toEqual(['inner'])
        expect(peak).toBeLessThan(MEMORY_CAP)
      } finally {
        await client.services.close()
      }
    })
  )
})
