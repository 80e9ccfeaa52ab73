// A matrix of counts as a heat-map: one row per article (or theme, or speaker), one column per theme,
// each cell shaded in its theme's own colour with its number written in it. Drawn as SVG through visx;
// only the rows in view are drawn, so a matrix of ten thousand articles scrolls as lightly as one of five.
// Every cell with a count is a button that opens its passages; column headings sort the rows.
import { Group } from '@visx/group'
import { HeatmapRect } from '@visx/heatmap'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react'
import type { AnalysisTheme } from '../../../shared/ipc/contract'
import { Swatch } from '../themes/Swatch'
import { CELL_WIDTH, LABEL_WIDTH, ROW_HEIGHT, shade, STRONG } from './heat'

export interface HeatRow {
  key: string
  label: string
  /** Shown in italics (an untitled article's opening words). */
  italic?: boolean
  counts: ArrayLike<number>
}

export interface HeatMapProps {
  /** Names the chart for assistive technology: "Highlights per theme per article". */
  title: string
  /** What the rows are ("Article", "Theme", "Speaker"), heading the row labels. */
  rowHeading: string
  themes: readonly AnalysisTheme[]
  rows: readonly HeatRow[]
  /** The colour of a cell: its column's theme, unless given (co-occurrence shades by the row's theme too). */
  colorOf?: (row: number, column: number) => string
  /** The accessible name of a cell with a count. */
  cellLabel: (row: number, column: number, count: number) => string
  onCell: (row: number, column: number) => void
  /** Sorts the rows by a column, when headings should do that; the heading says so. */
  onSortBy?: (column: number) => void
  sortedBy?: { column: number; direction: 'ascending' | 'descending' } | null
  /** The cell whose passages are open. */
  selected?: { row: number; column: number } | null
  /** Counts left out of the shading's scale (co-occurrence's diagonal: a theme with itself). */
  skipInScale?: (row: number, column: number) => boolean
}

interface Bin {
  row: number
  column: number
  count: number
}

export function HeatMap({ title, rowHeading, themes, rows, colorOf, cellLabel, onCell, onSortBy, sortedBy, selected, skipInScale }: HeatMapProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 })
  const items = virtualizer.getVirtualItems()
  const max = useMemo(() => {
    let most = 0
    rows.forEach((r, i) => {
      for (let j = 0; j < r.counts.length; j++) if (!skipInScale?.(i, j)) most = Math.max(most, r.counts[j]!)
    })
    return most
  }, [rows, skipInScale])
  const visible = items.map((item) => item.index)
  // visx lays out columns of bins: one column per theme, one bin per visible row.
  const columns = themes.map((_, column) => visible.map((row): Bin => ({ row, column, count: rows[row]?.counts[column] ?? 0 })))
  const grid = { gridTemplateColumns: `${LABEL_WIDTH}px repeat(${themes.length}, ${CELL_WIDTH}px)` } as CSSProperties
  const activate = (event: KeyboardEvent, row: number, column: number): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onCell(row, column)
    }
  }

  return (
    <figure className="heatmap" aria-label={title}>
      <div className="heatmap-scroll" ref={scroller} tabIndex={-1}>
        <div className="heatmap-head" style={grid}>
          <span className="heatmap-corner">{rowHeading}</span>
          {themes.map((theme, column) => {
            const sorted = sortedBy?.column === column ? sortedBy.direction : null
            const content = (
              <>
                <Swatch color={theme.color} />
                <span className="heat-theme-name">{theme.path}</span>
                {sorted ? <span aria-hidden="true">{sorted === 'descending' ? ' ▼' : ' ▲'}</span> : null}
              </>
            )
            return onSortBy ? (
              <button key={theme.id} type="button" className="heat-column" aria-label={`Sort by ${theme.path}`} aria-pressed={sorted !== null} onClick={() => onSortBy(column)}>
                {content}
              </button>
            ) : (
              <span key={theme.id} className="heat-column">
                {content}
              </span>
            )
          })}
        </div>
        <div className="heatmap-body" style={{ height: virtualizer.getTotalSize() }}>
          <div className="heatmap-window" style={{ ...grid, transform: `translateY(${items[0]?.start ?? 0}px)` }}>
            <ol className="heat-labels" aria-label={`${rowHeading}s`}>
              {visible.map((row) => (
                <li key={rows[row]!.key} className={rows[row]!.italic ? 'untitled' : undefined} title={rows[row]!.label}>
                  {rows[row]!.label}
                </li>
              ))}
            </ol>
            <svg className="heat-cells" width={themes.length * CELL_WIDTH} height={visible.length * ROW_HEIGHT} role="group" aria-label={title}>
              <HeatmapRect<Bin[], Bin>
                data={columns}
                bins={(column) => column}
                count={(bin) => bin.count}
                xScale={(i) => i * CELL_WIDTH}
                yScale={(i) => i * ROW_HEIGHT}
                binWidth={CELL_WIDTH}
                binHeight={ROW_HEIGHT}
                gap={2}
              >
                {(cells) =>
                  cells.flat().map(({ bin, x, y, width, height }) => {
                    const opacity = shade(bin.count, max)
                    const color = colorOf ? colorOf(bin.row, bin.column) : (themes[bin.column]?.color ?? '#888888')
                    const isSelected = selected?.row === bin.row && selected.column === bin.column
                    const body = (
                      <>
                        <rect className={`heat-cell${isSelected ? ' selected' : ''}`} x={x} y={y} width={width} height={height} rx={3} />
                        {opacity > 0 ? <rect x={x} y={y} width={width} height={height} rx={3} fill={color} fillOpacity={opacity} pointerEvents="none" /> : null}
                        <text className={`heat-count${opacity > STRONG ? ' strong' : bin.count === 0 ? ' zero' : ''}`} x={x + width / 2} y={y + height / 2} dy="0.35em" textAnchor="middle" pointerEvents="none">
                          {bin.count}
                        </text>
                      </>
                    )
                    const key = `${bin.row}:${bin.column}`
                    if (bin.count === 0) return <Group key={key} aria-hidden="true">{body}</Group>
                    return (
                      <g
                        key={key}
                        className="heat-button"
                        role="button"
                        tabIndex={0}
                        aria-pressed={isSelected}
                        aria-label={cellLabel(bin.row, bin.column, bin.count)}
                        onClick={() => onCell(bin.row, bin.column)}
                        onKeyDown={(event) => activate(event, bin.row, bin.column)}
                      >
                        {body}
                      </g>
                    )
                  })
                }
              </HeatmapRect>
            </svg>
          </div>
        </div>
      </div>
    </figure>
  )
}
