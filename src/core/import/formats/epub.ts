// EPUB books and long-form pieces: the zip is checked for bombs, then only the parts the book names are
// inflated: META-INF/container.xml, the package (OPF) it points to, and the XHTML chapters of the spine, in
// spine order. Chapters are parsed into a tree and walked; no script runs and nothing is fetched.
import { DOMParser } from 'linkedom'
import { isCalendarDate } from '../../../shared/dates'
import { DEFAULT_LIMITS, ImportRefused, type Extracted, type ExtractedMeta, type ImportLimits } from '../types'
import { htmlToBlocks, type Block } from './html-blocks'
import { listZip, readZipText } from './zip-check'

/** The minimal XML node shape read here (linkedom's XML documents), kept local to avoid DOM lib typings. */
interface XmlElement {
  nodeName: string
  textContent: string | null
  children: ArrayLike<XmlElement>
  getAttribute(name: string): string | null
}

const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html'])

export async function extractEpub(file: { name: string; bytes: Uint8Array }, limits: ImportLimits = DEFAULT_LIMITS): Promise<Extracted> {
  const started = Date.now()
  const entries = listZip(file.name, file.bytes, limits, 'EPUB')
  const read = (path: string): string | null => readZipText(file.name, file.bytes, entries, path)
  const container = read('META-INF/container.xml')
  if (container === null) throw new ImportRefused(file.name, `${file.name} is a zip archive but not an EPUB book (it has no META-INF/container.xml).`)
  const opfPath = elements(parseXml(file.name, container)).find((e) => localName(e) === 'rootfile')?.getAttribute('full-path')
  const opfText = opfPath ? read(opfPath) : null
  if (!opfPath || opfText === null) throw new ImportRefused(file.name, `${file.name} is damaged: its package file (the book's table of contents) is missing.`)

  const opf = elements(parseXml(file.name, opfText))
  const base = opfPath.includes('/') ? opfPath.slice(0, opfPath.lastIndexOf('/') + 1) : ''
  const manifest = new Map<string, { href: string; type: string }>()
  for (const item of opf.filter((e) => localName(e) === 'item')) {
    const id = item.getAttribute('id')
    const href = item.getAttribute('href')
    if (id && href) manifest.set(id, { href: resolvePath(base, href), type: item.getAttribute('media-type') ?? '' })
  }
  const blocks: Block[] = []
  // Items marked linear="no" (covers, pop-up notes) are outside the reading order, as reading systems treat them.
  for (const ref of opf.filter((e) => localName(e) === 'itemref' && e.getAttribute('linear') !== 'no')) {
    const item = manifest.get(ref.getAttribute('idref') ?? '')
    if (!item || !CHAPTER_TYPES.has(item.type)) continue
    if (Date.now() - started > limits.maxMillis) {
      throw new ImportRefused(file.name, `${file.name} took longer than ${Math.round(limits.maxMillis / 1000)} seconds to read.`)
    }
    const chapter = read(item.href)
    if (chapter === null) throw new ImportRefused(file.name, `${file.name} is damaged: its chapter "${item.href}" is missing from the book.`)
    blocks.push(...htmlToBlocks(chapter))
  }
  if (blocks.length === 0) throw new ImportRefused(file.name, `${file.name} has no text in its chapters.`)
  return {
    format: 'epub',
    text: blocks.map((b) => b.text).join('\n'),
    kinds: blocks.map((b) => b.kind),
    meta: metadataOf(opf)
  }
}

/**
 * Deepest nesting of the container and package files read. linkedom takes seconds to parse 100,000 nested
 * elements and the walk below would overflow the stack, while a real package file nests five or six deep;
 * as for HTML chapters, a file nested past this was made to hurt and is refused before it is parsed.
 */
const MAX_XML_DEPTH = 256

/** Whether `xml` nests elements more than `limit` deep, counted from its tags alone in one pass. */
function nestedDeeperThan(xml: string, limit: number): boolean {
  let depth = 0
  for (const [, close, selfClosing] of xml.matchAll(/<(\/?)[A-Za-z_][^<>]*?(\/?)>/g)) {
    if (close) depth--
    else if (!selfClosing && ++depth > limit) return true
  }
  return false
}

function parseXml(fileName: string, xml: string): XmlElement {
  if (nestedDeeperThan(xml, MAX_XML_DEPTH)) throw new ImportRefused(fileName, `${fileName} nests its elements too deeply (more than ${MAX_XML_DEPTH} levels) to be read.`)
  const document = new DOMParser().parseFromString(xml, 'text/xml') as unknown as { documentElement: XmlElement | null }
  return document.documentElement ?? { nodeName: '', textContent: '', children: [], getAttribute: () => null }
}

/** Every element under (and including) `root`, in document order. */
function elements(root: XmlElement): XmlElement[] {
  const into: XmlElement[] = []
  // Walked with a stack of its own, not by recursion: document order is kept by pushing children reversed.
  for (const stack = [root]; stack.length > 0; ) {
    const element = stack.pop() as XmlElement
    into.push(element)
    stack.push(...Array.from(element.children).reverse())
  }
  return into
}

/** "dc:title" → "title": EPUBs prefix Dublin Core elements however they like. */
function localName(element: XmlElement): string {
  const name = element.nodeName.toLowerCase()
  return name.slice(name.indexOf(':') + 1)
}

/** A manifest href, relative to the package file and percent-encoded, as a path inside the zip. */
function resolvePath(base: string, href: string): string {
  let path: string
  try {
    path = decodeURIComponent(href.split('#')[0] ?? '')
  } catch {
    path = href
  }
  const parts: string[] = []
  for (const part of (base + path).split('/')) {
    if (part === '..') parts.pop()
    else if (part !== '.' && part !== '') parts.push(part)
  }
  return parts.join('/')
}

/** Title, first creator, publisher (the outlet), language, and a date only when it names a whole day. */
function metadataOf(opf: XmlElement[]): ExtractedMeta {
  const metadata = opf.find((e) => localName(e) === 'metadata')
  const fields = metadata ? elements(metadata) : []
  const first = (name: string): string | undefined => {
    const text = fields.find((e) => localName(e) === name)?.textContent?.replace(/\s+/g, ' ').trim()
    return text || undefined
  }
  const meta: ExtractedMeta = {}
  const title = first('title')
  const author = first('creator')
  const outlet = first('publisher')
  const language = first('language')
  const date = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(first('date') ?? '')?.[1]
  if (title) meta.title = title.slice(0, 500)
  if (author) meta.author = author.slice(0, 300)
  if (outlet) meta.outlet = outlet.slice(0, 200)
  if (language) meta.language = language
  if (date && isCalendarDate(date)) meta.date = date
  return meta
}
