// Word documents: the zip is checked for bombs and rebuilt from the parts it declares before mammoth
// reads it, so mammoth (which inflates whole parts at once) only ever sees bytes already counted. Mammoth
// turns the document into HTML; headings, list items and quotes keep their kind from there.
import mammoth from 'mammoth'
import { zipSync, type Zippable } from 'fflate'
import { DEFAULT_LIMITS, ImportRefused, type Extracted, type ExtractedMeta, type ImportLimits } from '../types'
import { htmlToBlocks } from './html-blocks'
import { statedAuthor, statedTitle } from './junk-meta'
import { listZip, readZipEntry } from './zip-check'

/** Word's quote styles become blockquotes (so quote paragraphs); Title and Subtitle become headings. */
const STYLE_MAP = [
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh"
]

/** Mammoth's back-links from a footnote to its reference ("↑") are navigation, not text. */
const NOTE_BACKLINK = /<a href="#(?:footnote|endnote|comment)-ref-[^"]*">↑<\/a>/g

export async function extractDocx(file: { name: string; bytes: Uint8Array }, limits: ImportLimits = DEFAULT_LIMITS): Promise<Extracted> {
  const entries = listZip(file.name, file.bytes, limits, 'Word (.docx)')
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new ImportRefused(file.name, `${file.name} is a zip archive but not a Word document (it has no word/document.xml).`)
  }
  const parts: Zippable = {}
  for (const entry of entries) {
    if (!entry.name.endsWith('/')) parts[entry.name] = [readZipEntry(file.name, file.bytes, entry), { level: 0 }]
  }
  const rebuilt = zipSync(parts)
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(rebuilt.buffer, rebuilt.byteOffset, rebuilt.byteLength) },
      {
        styleMap: STYLE_MAP,
        // A style map embedded in the file is the file's say over how it is read; ours alone applies.
        includeEmbeddedStyleMap: false,
        // Linked images and files are never fetched; embedded images are not wanted in the text.
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' }))
      }
    )
    html = result.value
  } catch {
    throw new ImportRefused(file.name, `${file.name} is damaged: Word's document inside it cannot be read.`)
  }
  const blocks = htmlToBlocks(html.replace(NOTE_BACKLINK, ''))
  if (blocks.length === 0) throw new ImportRefused(file.name, `${file.name} has no text in it.`)
  return {
    format: 'docx',
    text: blocks.map((b) => b.text).join('\n'),
    kinds: blocks.map((b) => b.kind),
    meta: coreProperties(file.name, file.bytes, entries)
  }
}

/**
 * Title and author from docProps/core.xml, unless they are what Word filled in. Its dates are when the file was made and saved, not when
 * the article was published, so no date is taken.
 */
function coreProperties(fileName: string, bytes: Uint8Array, entries: ReturnType<typeof listZip>): ExtractedMeta {
  const entry = entries.find((e) => e.name === 'docProps/core.xml')
  if (!entry) return {}
  const xml = new TextDecoder().decode(readZipEntry(fileName, bytes, entry))
  const meta: ExtractedMeta = {}
  const title = statedTitle(xmlText(xml, 'dc:title'))
  const author = statedAuthor(xmlText(xml, 'dc:creator'))
  if (title) meta.title = title
  if (author) meta.author = author
  return meta
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** The text of the first `<tag>` in a small flat XML part (core.xml has no nesting under its fields). */
function xmlText(xml: string, tag: string): string {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml)
  if (!match) return ''
  return (match[1] ?? '')
    .replace(/&(amp|lt|gt|quot|apos);|&#(\d+);|&#x([0-9a-f]+);/gi, (all, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (named) return XML_ENTITIES[named.toLowerCase()] ?? all
      const code = dec ? Number(dec) : parseInt(hex ?? '', 16)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all
    })
    .replace(/\s+/g, ' ')
    .trim()
}
