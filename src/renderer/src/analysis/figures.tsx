// Charts saved as files: the whole chart (every row, not only those on screen) drawn by the same visx
// pieces into one standalone SVG in the page's current colours, and a PNG painted from that SVG. The
// core asks where to put the file and writes it.
import { HeatmapRect } from '@visx/heatmap'
import { renderToStaticMarkup } from 'react-dom/server'
import type { AnalysisTheme, WordCount } from '../../../shared/ipc/contract'
import { CELL_WIDTH, clip, LABEL_WIDTH, ROW_HEIGHT, shade, STRONG, type Palette } from './heat'
import type { HeatRow } from './HeatMap'
import { WordBars } from './WordBars'

const HEAD = 150
const TITLE = 36
/** A PNG taller than this many rows would pass what a canvas can hold; the SVG has them all. */
export const PNG_ROWS = 800

export interface HeatFigure {
  title: string
  themes: readonly AnalysisTheme[]
  rows: readonly HeatRow[]
  colorOf?: (row: number, column: number) => string
  skipInScale?: (row: number, column: number) => boolean
}

export function heatMapSvg({ title, themes, rows, colorOf, skipInScale }: HeatFigure, palette: Palette): string {
  let max = 0
  rows.forEach((r, i) => {
    for (let j = 0; j < r.counts.length; j++) if (!skipInScale?.(i, j)) max = Math.max(max, r.counts[j]!)
  })
  const width = LABEL_WIDTH + themes.length * CELL_WIDTH + 24
  const height = TITLE + HEAD + rows.length * ROW_HEIGHT + 16
  const columns = themes.map((_, column) => rows.map((row, i) => ({ row: i, column, count: row.counts[column] ?? 0 })))
  const svg = (
    <svg xmlns="http://www.w3.org/2000/svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} fontFamily="system-ui, sans-serif" fontSize={12}>
      <rect width={width} height={height} fill={palette.sheet} />
      <text x={12} y={24} fontSize={16} fontWeight={600} fill={palette.ink}>
        {title}
      </text>
      {themes.map((theme, i) => (
        <text key={theme.id} transform={`translate(${LABEL_WIDTH + i * CELL_WIDTH + CELL_WIDTH / 2}, ${TITLE + HEAD - 8}) rotate(-45)`} fill={palette.ink}>
          <tspan fill={theme.color}>■ </tspan>
          {clip(theme.path, 28)}
        </text>
      ))}
      {rows.map((row, i) => (
        <text key={row.key} x={12} y={TITLE + HEAD + i * ROW_HEIGHT + ROW_HEIGHT / 2} dy="0.35em" fill={palette.ink} fontStyle={row.italic ? 'italic' : undefined}>
          {clip(row.label, 44)}
        </text>
      ))}
      <HeatmapRect
        data={columns}
        bins={(column) => column}
        count={(bin) => bin.count}
        xScale={(i) => i * CELL_WIDTH}
        yScale={(i) => i * ROW_HEIGHT}
        binWidth={CELL_WIDTH}
        binHeight={ROW_HEIGHT}
        gap={2}
        left={LABEL_WIDTH}
        top={TITLE + HEAD}
      >
        {(cells) =>
          cells.flat().map(({ bin, x, y, width: w, height: h }) => {
            const opacity = shade(bin.count, max)
            const color = colorOf ? colorOf(bin.row, bin.column) : (themes[bin.column]?.color ?? '#888888')
            return (
              <g key={`${bin.row}:${bin.column}`}>
                <rect x={x} y={y} width={w} height={h} rx={3} fill={palette.sheet} stroke={palette.line} />
                {opacity > 0 ? <rect x={x} y={y} width={w} height={h} rx={3} fill={color} fillOpacity={opacity} /> : null}
                <text x={x + w / 2} y={y + h / 2} dy="0.35em" textAnchor="middle" fill={opacity > STRONG ? '#ffffff' : bin.count === 0 ? palette.muted : palette.ink}>
                  {bin.count}
                </text>
              </g>
            )
          })
        }
      </HeatmapRect>
    </svg>
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderToStaticMarkup(svg)}\n`
}

export function wordBarsSvg(words: readonly WordCount[], color: string, title: string, palette: Palette): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderToStaticMarkup(<WordBars words={words} color={color} title={title} palette={palette} />)}\n`
}

/** The SVG painted onto a canvas, as PNG bytes in base64. */
export async function svgToPngBase64(svg: string): Promise<string> {
  const image = new Image()
  const bytes = new TextEncoder().encode(svg)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`
  await image.decode()
  const canvas = document.createElement('canvas')
  canvas.width = image.naturalWidth
  canvas.height = image.naturalHeight
  const context = canvas.getContext('2d')
  if (!context) throw new Error('This window cannot draw images.')
  context.drawImage(image, 0, 0)
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '')
}
