// The editor's schema: what a note can hold. Pasted HTML is parsed against it, so anything else
// (images, scripts, iframes, styles, event handlers) is dropped before it reaches the document.
import type { Extensions } from '@tiptap/core'
import { CharacterCount, Placeholder } from '@tiptap/extensions'
import StarterKit from '@tiptap/starter-kit'
import { SAFE_LINK } from '../../../../shared/note-doc'
import { DepthLimit } from './depth-limit'
import { HighlightQuote } from './highlight-quote'

export function noteExtensions(placeholder: string): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      link: {
        // A click in the editor places the caret; links are opened from the toolbar after confirmation.
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['http', 'https', 'mailto'],
        isAllowedUri: (url) => SAFE_LINK.test(url)
      }
    }),
    HighlightQuote,
    DepthLimit,
    CharacterCount,
    Placeholder.configure({ placeholder })
  ]
}
