// One entry for every importable file: the size limit checked before a byte is decoded, the format
// chosen by the file's extension (what the user named it), and a file whose bytes say it is something
// else entirely (a PDF or zip named .txt) refused with a sentence that says so rather than read as noise.
import { DEFAULT_LIMITS, ImportRefused, type Extracted, type ImportLimits } from '../types'
import { extractDocx } from './docx'
import { extractEpub } from './epub'
import { extractHtml } from './html'
import { extractMarkdown } from './markdown'
import { extractPdf } from './pdf'
import { checkSize, extractTxt, type ImportFile } from './txt'

export { extractPaste, type Paste } from './paste'
export type { ImportFile } from './txt'

type Extractor = (file: ImportFile, limits?: ImportLimits) => Promise<Extracted>

/** Extensions by format, as the refusal lists them and the import dialog's filter may use them. */
export const IMPORT_EXTENSIONS: Readonly<Record<string, Extractor>> = {
  txt: extractTxt,
  text: extractTxt,
  md: extractMarkdown,
  markdown: extractMarkdown,
  html: extractHtml,
  htm: extractHtml,
  pdf: extractPdf,
  docx: extractDocx,
  epub: extractEpub
}

const TEXT_LIKE = new Set(['txt', 'text', 'md', 'markdown', 'html', 'htm'])

export async function extractFile(file: ImportFile, limits: ImportLimits = DEFAULT_LIMITS): Promise<Extracted> {
  const extension = /\.([^./\\]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? ''
  const extract = Object.hasOwn(IMPORT_EXTENSIONS, extension) ? IMPORT_EXTENSIONS[extension] : undefined
  if (extract === undefined) {
    const known = Object.keys(IMPORT_EXTENSIONS).map((e) => `.${e}`)
    throw new ImportRefused(file.name, `${file.name} is not a format Liner Notes can import (it reads ${known.slice(0, -1).join(', ')} and ${known.at(-1) ?? ''} files).`)
  }
  checkSize(file, limits)
  // A .txt that holds HTML stays text (the user's name for it decides); a binary file under a text
  // name is refused by what it really is.
  if (TEXT_LIKE.has(extension)) {
    const binary = binaryFormat(file.bytes)
    if (binary !== null) throw new ImportRefused(file.name, `${file.name} is ${binary}, not a text file, despite its name.`)
  }
  return extract(file, limits)
}

/** The formats whose signature opens the file and would read as noise if taken for text. */
function binaryFormat(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]): boolean => signature.every((b, i) => bytes[i] === b)
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'a PDF'
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a zip archive (a .docx or .epub file, perhaps)'
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'an old Word or Office document'
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'an RTF document'
  return null
}
