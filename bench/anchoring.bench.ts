// Issue figure: on a generated article with 1,000 highlights, the time to anchor and render them next
// to the time to render the same article without highlights. Rendering is the reader's own
// ArticleText component, rendered to HTML by React's server renderer.
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import type { AnchoredHighlight } from '../src/shared/ipc/contract'
import type { Theme } from '../src/shared/model'
import { anchor, describeRange } from '../src/shared/anchoring'
import { ArticleText } from '../src/renderer/src/reader/ArticleText'
import { measure, report } from './measure'

const HIGHLIGHTS = 1000
const PARAGRAPHS = 600

/** A long article from the archive's own sentences, shuffled deterministically, so text looks real. */
function generateArticle(seedText: string): string {
  const sentences = seedText.split(/(?<=[.!?”])\s+/).filter((s) => s.length > 20)
  let state = 42
  const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31)
  const paragraphs: string[] = []
  for (let p = 0; p < PARAGRAPHS; p++) {
    const count = 2 + (next() % 5)
    paragraphs.push(Array.from({ length: count }, () => sentences[next() % sentences.length]).join(' '))
  }
  return paragraphs.join('\n')
}

function generateHighlights(text: string): AnchoredHighlight[] {
  const list: AnchoredHighlight[] = []
  let state = 7
  const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31)
  for (let i = 0; i < HIGHLIGHTS; i++) {
    const start = next() % (text.length - 200)
    const end = start + 20 + (next() % 160)
    const { quote, position } = describeRange(text, start, end)
    list.push({
      id: `hl-${i}`,
      articleId: 'bench',
      quote,
      position,
      color: null,
      themeIds: [],
      note: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      anchor: null
    })
  }
  return list
}

const render = (text: string, highlights: AnchoredHighlight[]): string =>
  renderToString(
    createElement(ArticleText, { text, highlights, themes: new Map<string, Theme>(), selectedId: null, onOpenHighlight: () => undefined })
  )

export function benchAnchoring(seedText: string): string {
  const text = generateArticle(seedText)
  const stored = generateHighlights(text)
  // After an edit at the top every stored position is stale, so each highlight is found again by quote.
  const edited = 'A correction inserted at the very top of the article.\n' + text

  const baseline = measure(`render, no highlights (${(text.length / 1000).toFixed(0)}k chars)`, () => render(text, []))
  const exact = measure(`anchor ${HIGHLIGHTS} + render`, () =>
    render(
      text,
      stored.map((h) => ({ ...h, anchor: anchor(text, h) }))
    )
  )
  const shifted = measure(`re-anchor ${HIGHLIGHTS} after an edit + render`, () =>
    render(
      edited,
      stored.map((h) => ({ ...h, anchor: anchor(edited, h) }))
    ),
    3,
    1
  )
  const placed = stored.filter((h) => anchor(edited, h) !== null).length
  return (
    report(`Anchoring and rendering ${HIGHLIGHTS} highlights`, baseline, [exact, shifted]) +
    `\n(${placed} of ${HIGHLIGHTS} highlights placed after the edit)`
  )
}
