// The quotation node: a highlight inserted into a note keeps the exact passage and its citation
// (article, outlet, date, speaker) as attributes, and links back to the passage while it exists.
import { mergeAttributes, Node } from '@tiptap/core'
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react'
import { quotationCitation } from '../../../../shared/citation'
import type { HighlightQuoteAttrs } from '../../../../shared/note-doc'
import { useQuoteSources } from './quote-sources'

const ATTRS = ['highlightId', 'articleId', 'quote', 'articleTitle', 'outlet', 'date', 'speaker'] as const

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    highlightQuote: {
      insertHighlightQuote: (attrs: HighlightQuoteAttrs) => ReturnType
    }
  }
}

function QuoteView({ node, updateAttributes }: ReactNodeViewProps) {
  const attrs = node.attrs as HighlightQuoteAttrs
  const sources = useQuoteSources()
  const exists = sources.exists(attrs.highlightId)
  // The highlight's words now, when they are no longer what this quotation keeps (a corrected text).
  const now = exists === true ? sources.current(attrs.highlightId) : undefined
  const differs = now !== undefined && now.quote !== attrs.quote
  return (
    <NodeViewWrapper as="figure" className="note-quote" data-highlight-quote="" contentEditable={false}>
      <blockquote>{attrs.quote}</blockquote>
      <figcaption>
        <span className="citation">{quotationCitation(attrs)}</span>
        {exists === false ? (
          <span className="source-gone" role="note">
            {sources.inTrash(attrs.highlightId)
              ? 'Its article is in the Trash; restore it to open the passage. The quotation keeps its text.'
              : 'Source highlight deleted; the quotation keeps its text.'}
          </span>
        ) : (
          <button type="button" className="link-button" onClick={() => sources.open(attrs.articleId, attrs.highlightId)}>
            Open passage
          </button>
        )}
        {differs ? (
          <span className="quote-differs" role="note">
            The article’s text now reads differently here: “{now.quote}”.{' '}
            <button type="button" className="link-button" onClick={() => updateAttributes({ quote: now.quote, speaker: now.speaker })}>
              Refresh quotation
            </button>
          </span>
        ) : null}
      </figcaption>
    </NodeViewWrapper>
  )
}

export const HighlightQuote = Node.create({
  name: 'highlightQuote',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return Object.fromEntries(
      ATTRS.map((name) => [
        name,
        {
          default: name === 'speaker' ? null : '',
          parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name.toLowerCase()}`),
          renderHTML: (attributes: Record<string, unknown>) =>
            attributes[name] === null ? {} : { [`data-${name.toLowerCase()}`]: String(attributes[name]) }
        }
      ])
    )
  },

  parseHTML() {
    return [{ tag: 'figure[data-highlight-quote]' }]
  },

  renderHTML({ HTMLAttributes, node }) {
    const attrs = node.attrs as HighlightQuoteAttrs
    return ['figure', mergeAttributes(HTMLAttributes, { 'data-highlight-quote': '' }), ['blockquote', attrs.quote], ['figcaption', quotationCitation(attrs)]]
  },

  addNodeView() {
    return ReactNodeViewRenderer(QuoteView)
  },

  addCommands() {
    return {
      insertHighlightQuote:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent([{ type: this.name, attrs }, { type: 'paragraph' }])
    }
  }
})
