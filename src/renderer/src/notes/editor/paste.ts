// Pasted HTML is cleaned before the editor parses it. ProseMirror parses pasted HTML inside the live
// page, where an <img onerror> would start loading and try its handler (the CSP blocks it, but nothing
// should even try); DOMPurify parses in an inert document and keeps only what a note can hold.
import DOMPurify from 'dompurify'
import { SAFE_LINK } from '../../../../shared/note-doc'

/** Elements the note schema can take from a paste; everything else is dropped, keeping its text. */
const ALLOWED_TAGS = [
  'p', 'br', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'code', 'pre',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'a',
  'figure', 'figcaption', 'span', 'div'
]

const QUOTE_ATTRS = ['data-highlight-quote', 'data-highlightid', 'data-articleid', 'data-quote', 'data-articletitle', 'data-outlet', 'data-date', 'data-speaker']

export function cleanPastedHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'start', ...QUOTE_ATTRS],
    ALLOWED_URI_REGEXP: SAFE_LINK,
    ALLOW_DATA_ATTR: false
  })
}
