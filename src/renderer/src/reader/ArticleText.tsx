// The verbatim text as paragraphs, every character as stored, with highlights painted over it as
// marks. Overlapping highlights are cut into runs; each run is clickable and opens its innermost
// highlight. Transcript speaker labels are set in bold (the characters are unchanged). The cutting is
// kept while only the selection changes, so opening one of a thousand highlights does not redo it.
import { Fragment, memo, useMemo, type CSSProperties, type KeyboardEvent, type Ref } from 'react'
import type { AnchoredHighlight } from '../../../shared/ipc/contract'
import type { Theme } from '../../../shared/model'
import { speakerLabelLength, splitParagraphs } from '../../../shared/text'
import { highlightHex, themeNames } from './colors'
import { highlightsByParagraph, segmentParagraph, type PlacedHighlight } from './highlight-layout'

interface Props {
  text: string
  highlights: readonly AnchoredHighlight[]
  themes: ReadonlyMap<string, Theme>
  selectedId: string | null
  onOpenHighlight: (id: string) => void
  rootRef?: Ref<HTMLDivElement>
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void
  /** An imported article's headings, quotes and list items, by line of the text. */
  kinds?: Readonly<Record<string, 'heading' | 'quote' | 'list-item'>>
}

/** How a line of each kind is shown; every line stays a p[data-start], which the offset code reads. */
const KIND_PROPS = {
  heading: { className: 'kind-heading', role: 'heading', 'aria-level': 2 },
  quote: { className: 'kind-quote', role: 'blockquote' },
  'list-item': { className: 'kind-list-item' }
} as const

const QUOTE_IN_LABEL = 60

export const ArticleText = memo(function ArticleText({ text, highlights, themes, selectedId, onOpenHighlight, rootRef, onKeyDown, kinds }: Props) {
  const layout = useMemo(() => {
    const placed: PlacedHighlight[] = highlights
      .flatMap((h) => (h.anchor ? [{ id: h.id, start: h.anchor.start, end: h.anchor.end }] : []))
      .sort((a, b) => a.start - b.start)
    const paragraphs = splitParagraphs(text)
    const covering = highlightsByParagraph(paragraphs, placed)
    // Each paragraph's line number in the text, counted as the paragraphs are met.
    let line = 0
    let at = 0
    return paragraphs.map((p, i) => {
      for (; at < p.start; at++) if (text.charCodeAt(at) === 10) line++
      const labelEnd = p.start + speakerLabelLength(p.text)
      return { p, line, labelEnd, segments: segmentParagraph(p, covering[i]!, [labelEnd]) }
    })
  }, [text, highlights])
  const byId = new Map(highlights.map((h) => [h.id, h]))
  const focusTaken = new Set<string>()

  const describe = (h: AnchoredHighlight): string => {
    const quote = h.quote.exact.length > QUOTE_IN_LABEL ? `${h.quote.exact.slice(0, QUOTE_IN_LABEL)}…` : h.quote.exact
    const names = themeNames(h, themes)
    return `Highlight “${quote}”${names.length ? `, themes: ${names.join(', ')}` : ', no themes'}`
  }

  return (
    <div className="article-text" aria-label="Article text" role="document" ref={rootRef} tabIndex={0} onKeyDown={onKeyDown}>
      {layout.map(({ p, line, labelEnd, segments }) => {
        const kind = kinds?.[String(line)]
        return (
          <p key={p.start} data-start={p.start} {...(kind ? KIND_PROPS[kind] : {})}>
            {segments.map((segment) => {
              const content = text.slice(segment.start, segment.end)
              const inner = segment.start < labelEnd ? <b className="speaker">{content}</b> : content
              if (segment.ids.length === 0) return <Fragment key={segment.start}>{inner}</Fragment>
              const innermost = byId.get(segment.ids[0]!)!
              const outer = segment.ids.length > 1 ? byId.get(segment.ids[1]!)! : null
              const takesFocus = !focusTaken.has(innermost.id)
              focusTaken.add(innermost.id)
              const style = {
                '--hl': highlightHex(innermost, themes),
                ...(outer ? { '--hl-outer': highlightHex(outer, themes) } : {})
              } as CSSProperties
              return (
                <mark
                  key={segment.start}
                  className={`hl${outer ? ' overlap' : ''}${segment.ids.includes(selectedId ?? '') ? ' selected' : ''}`}
                  data-highlight-ids={segment.ids.join(' ')}
                  style={style}
                  title={segment.ids
                    .map((id) => themeNames(byId.get(id)!, themes).join(', ') || 'No themes')
                    .join(' · ')}
                  onClick={(event) => {
                    if (!window.getSelection()?.isCollapsed) return // the user is selecting, not opening
                    event.stopPropagation()
                    onOpenHighlight(innermost.id)
                  }}
                  {...(takesFocus
                    ? {
                        tabIndex: 0,
                        role: 'button',
                        'aria-label': describe(innermost),
                        onKeyDown: (event: KeyboardEvent) => {
                          if (event.key !== 'Enter' && event.key !== ' ') return
                          event.preventDefault()
                          onOpenHighlight(innermost.id)
                        }
                      }
                    : {})}
                >
                  {inner}
                </mark>
              )
            })}
          </p>
        )
      })}
    </div>
  )
})
