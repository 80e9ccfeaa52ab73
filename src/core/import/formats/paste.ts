// A clipboard paste as a new article: the user chose exactly these words, so nothing is looked for or
// cut away (no Readability); HTML keeps its headings, quotations and list items, plain text reads as a
// .txt file does. A paste states no metadata of its own.
import { DEFAULT_LIMITS, ImportRefused, type Extracted, type ImportLimits } from '../types'
import { fragmentBlocks } from './html'
import { finish, plainBlocks } from './txt'

export interface Paste {
  html?: string
  text?: string
}

/** What refusals call a paste, having no file name. */
export const PASTE_NAME = 'The pasted text'

export async function extractPaste(paste: Paste, limits: ImportLimits = DEFAULT_LIMITS): Promise<Extracted> {
  const size = Buffer.byteLength(paste.html ?? '') + Buffer.byteLength(paste.text ?? '')
  if (size > limits.maxFileBytes) throw new ImportRefused(PASTE_NAME, `${PASTE_NAME} is larger than the ${Math.round(limits.maxFileBytes / (1024 * 1024))} MB Liner Notes imports.`)
  // HTML first, for its paragraph kinds; the plain text when the HTML holds no words (an image, say).
  const html = paste.html === undefined ? [] : fragmentBlocks(PASTE_NAME, paste.html)
  const blocks = html.length > 0 ? html : plainBlocks((paste.text ?? '').replace(/^\uFEFF/, ''))
  if (blocks.length === 0) throw new ImportRefused(PASTE_NAME, `${PASTE_NAME} holds no text to import.`)
  return finish(PASTE_NAME, 'paste', blocks, {})
}
