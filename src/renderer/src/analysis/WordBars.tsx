// Word frequencies as a bar chart, drawn as SVG through visx: the most frequent word at the top, each
// bar as long as its count, in the theme's colour when the words are a theme's passages. On screen each
// word is a button that searches the archive for it; saved as an image, the same chart in the page's colours.
import { AxisBottom } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'
import type { KeyboardEvent } from 'react'
import type { WordCount } from '../../../shared/ipc/contract'
import type { Palette } from './heat'

export const WORD_ROW = 24
const LABEL = 150
const MARGIN = { top: 8, right: 48, bottom: 36 }
export const BARS_WIDTH = 720

export interface WordBarsProps {
  words: readonly WordCount[]
  color: string
  title: string
  /** Colours written into the drawing (for a saved image); on screen the page's stylesheet colours it. */
  palette?: Palette
  onWord?: (word: string) => void
}

export function WordBars({ words, color, title, palette, onWord }: WordBarsProps) {
  const height = MARGIN.top + words.length * WORD_ROW + MARGIN.bottom
  const inner = BARS_WIDTH - LABEL - MARGIN.right
  const most = Math.max(1, ...words.map((w) => w.count))
  const x = scaleLinear<number>({ domain: [0, most], range: [0, inner], nice: true })
  const y = scaleBand<string>({ domain: words.map((w) => w.word), range: [0, words.length * WORD_ROW], padding: 0.2 })
  const ink = palette?.ink
  const key = (event: KeyboardEvent, word: string): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onWord?.(word)
    }
  }
  return (
    <svg className="word-bars" width={BARS_WIDTH} height={height} role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg" fontFamily="system-ui, sans-serif" fontSize={13}>
      {palette ? <rect width={BARS_WIDTH} height={height} fill={palette.sheet} /> : null}
      <Group top={MARGIN.top} left={LABEL}>
        {words.map(({ word, count }) => {
          const top = y(word) ?? 0
          const label = (
            <text className="word-label" x={-8} y={top + y.bandwidth() / 2} dy="0.35em" textAnchor="end" fill={ink}>
              {word}
            </text>
          )
          return (
            <g key={word}>
              {onWord ? (
                <g className="word-button" role="button" tabIndex={0} aria-label={`Search for “${word}”`} onClick={() => onWord(word)} onKeyDown={(e) => key(e, word)}>
                  <rect x={-LABEL} y={top} width={LABEL} height={y.bandwidth()} fill="transparent" />
                  {label}
                </g>
              ) : (
                label
              )}
              <Bar x={0} y={top} width={Math.max(1, x(count))} height={y.bandwidth()} fill={color} rx={2} />
              <text className="word-count" x={x(count) + 6} y={top + y.bandwidth() / 2} dy="0.35em" fill={palette?.muted}>
                {count}
              </text>
            </g>
          )
        })}
        <AxisBottom
          top={words.length * WORD_ROW}
          scale={x}
          numTicks={6}
          stroke={palette?.line ?? 'currentColor'}
          tickStroke={palette?.line ?? 'currentColor'}
          tickLabelProps={{ fill: palette?.muted ?? 'currentColor', fontSize: 11, textAnchor: 'middle' }}
          axisClassName="word-axis"
        />
      </Group>
    </svg>
  )
}
