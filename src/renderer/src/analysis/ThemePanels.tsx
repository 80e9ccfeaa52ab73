// The three theme analyses: themes by article, themes with themes, and speakers by theme. Each is a
// heat-map or its table, sortable, filterable, saved as CSV, SVG or PNG; a cell opens its passages.
import { useMemo, useState, type ReactNode } from 'react'
import type { AnalysisCell, AnalysisFilters } from '../../../shared/ipc/contract'
import { cellsOf, cooccurrenceTable, matrixTable, speakerTable, tableCsv, type AnalysisTable } from '../../../shared/analysis/tables'
import { call, messageOf } from '../api'
import { formatCount, plural } from '../app/format'
import { DataTable } from './DataTable'
import { DisplayChoice, Filters, RollUp, SaveButtons, TextProgress, useAnswer, useTextProgress, type Display, type FileFormat } from './common'
import { heatMapSvg, PNG_ROWS, svgToPngBase64, type HeatFigure } from './figures'
import { pagePalette } from './heat'
import { HeatMap, type HeatRow } from './HeatMap'
import { NATURAL_ORDER, orderCooccurrence, orderMatrix, orderSpeakers, type ColumnKey, type MatrixOrder } from './order'
import { PassagesList, type OpenCell } from './PassagesList'

export interface ThemePanelProps {
  outlets: readonly string[]
}

/** The passages of a cell, fetched when it is opened. */
function useOpenCell(): [OpenCell | null, (title: string, cell: AnalysisCell, options: { rollUp: boolean; overlapping?: boolean; filters?: AnalysisFilters }) => void, () => void, string | null] {
  const [open, setOpen] = useState<(OpenCell & { key: string }) | null>(null)
  const show = (title: string, cell: AnalysisCell, options: { rollUp: boolean; overlapping?: boolean; filters?: AnalysisFilters }): void => {
    const key = JSON.stringify(cell)
    setOpen({ key, title, passages: null, total: 0, error: null })
    call('analysis:passages', { cell, ...options }).then(
      ({ passages, total }) => setOpen((o) => (o?.key === key ? { ...o, passages, total } : o)),
      (error: unknown) => setOpen((o) => (o?.key === key ? { ...o, error: messageOf(error) } : o))
    )
  }
  return [open, show, () => setOpen(null), open?.key ?? null]
}

/** Makes a file of the figure: its table as CSV, or the chart as SVG or PNG (the PNG cut to its first rows when very long). */
async function fileOf(format: FileFormat, table: AnalysisTable, figure: HeatFigure): Promise<string> {
  if (format === 'csv') return tableCsv(table)
  if (format === 'svg') return heatMapSvg(figure, pagePalette())
  const rows = figure.rows.slice(0, PNG_ROWS)
  return svgToPngBase64(heatMapSvg({ ...figure, rows, title: rows.length < figure.rows.length ? `${figure.title} (first ${PNG_ROWS} rows)` : figure.title }, pagePalette()))
}

function Toolbar({ children }: { children: ReactNode }) {
  return <div className="analysis-toolbar">{children}</div>
}

export function MatrixPanel({ outlets }: ThemePanelProps) {
  const [rollUp, setRollUp] = useState(false)
  const [filters, setFilters] = useState<AnalysisFilters>({})
  const [display, setDisplay] = useState<Display>('chart')
  const [order, setOrder] = useState<MatrixOrder>(NATURAL_ORDER)
  const answer = useAnswer('analysis:matrix', { rollUp, filters })
  const [open, show, close, openKey] = useOpenCell()
  const matrix = useMemo(() => (answer.value ? orderMatrix(answer.value, order) : null), [answer.value, order])
  const rows = useMemo<HeatRow[]>(() => (matrix ? matrix.rows.map((r, i) => ({ key: r.articleId, label: r.title, italic: r.untitled, counts: cellsOf(matrix, i) })) : []), [matrix])
  const table = useMemo(() => (matrix ? matrixTable(matrix) : null), [matrix])
  const title = `Highlights per theme per article${rollUp ? ', sub-themes counted in their parents' : ''}`
  const sortColumn = order.rows.by === 'column' ? (matrix?.themes.findIndex((t) => t.id === (order.rows as { themeId: string }).themeId) ?? -1) : -1
  const selected = useMemo(() => {
    if (!matrix || openKey === null) return null
    const cell = JSON.parse(openKey) as { themeId: string; articleId: string }
    return { row: matrix.rows.findIndex((r) => r.articleId === cell.articleId), column: matrix.themes.findIndex((t) => t.id === cell.themeId) }
  }, [matrix, openKey])
  return (
    <section className="analysis-panel" aria-labelledby="analysis-matrix-title">
      <h2 id="analysis-matrix-title">Themes by article</h2>
      <p className="analysis-intro">How many highlights of each article carry each theme. Click a number to read its passages.</p>
      <Toolbar>
        <RollUp rollUp={rollUp} onRollUp={setRollUp} />
        <Filters filters={filters} onFilters={setFilters} outlets={outlets} />
        <label>
          Rows{' '}
          <select
            value={order.rows.by === 'column' ? 'column' : `${order.rows.by}:${order.direction}`}
            onChange={(e) => {
              const [by, direction] = e.target.value.split(':') as ['natural' | 'name' | 'total', MatrixOrder['direction']]
              if (by) setOrder({ ...order, rows: { by }, direction })
            }}
          >
            <option value="natural:descending">Newest first</option>
            <option value="natural:ascending">Oldest first</option>
            <option value="name:ascending">By title</option>
            <option value="total:descending">Most coded highlights first</option>
            {order.rows.by === 'column' ? <option value="column">By a theme (heading clicked)</option> : null}
          </select>
        </label>
        <ColumnOrder value={order.columns} onChange={(columns) => setOrder({ ...order, columns })} />
        <DisplayChoice display={display} onDisplay={setDisplay} />
      </Toolbar>
      {answer.error !== null ? (
        <p role="alert" className="theme-error">
          The matrix could not be made: {answer.error}
        </p>
      ) : !matrix || !table ? (
        <p role="status" className="loading">
          Counting…
        </p>
      ) : (
        <>
          <p className="count" role="status">
            {plural(matrix.rows.length, 'article')} with coded highlights
            {matrix.uncoded > 0 ? `; ${plural(matrix.uncoded, 'article')} without any not shown` : ''}.
          </p>
          {matrix.rows.length === 0 ? (
            <p className="empty">No article has a highlight with a theme yet{Object.keys(filters).length > 0 ? ' among those the filters keep' : ''}.</p>
          ) : display === 'chart' ? (
            <HeatMap
              title={title}
              rowHeading="Article"
              themes={matrix.themes}
              rows={rows}
              selected={selected}
              sortedBy={sortColumn >= 0 ? { column: sortColumn, direction: order.direction } : null}
              onSortBy={(column) => {
                const themeId = matrix.themes[column]!.id
                const again = order.rows.by === 'column' && order.rows.themeId === themeId
                setOrder({ ...order, rows: { by: 'column', themeId }, direction: again && order.direction === 'descending' ? 'ascending' : 'descending' })
              }}
              cellLabel={(row, column, count) => `${matrix.themes[column]!.path} in ${matrix.rows[row]!.title}: ${plural(count, 'highlight')}`}
              onCell={(row, column) =>
                show(`${matrix.themes[column]!.path} in ${matrix.rows[row]!.title}`, { kind: 'matrix', themeId: matrix.themes[column]!.id, articleId: matrix.rows[row]!.articleId }, { rollUp })
              }
            />
          ) : (
            <DataTable table={table} caption={title} />
          )}
          <SaveButtons name="themes-by-article" make={(format) => fileOf(format, table, { title, themes: matrix.themes, rows })} />
        </>
      )}
      {open ? <PassagesList cell={open} onClose={close} /> : null}
    </section>
  )
}

function ColumnOrder({ value, onChange }: { value: ColumnKey; onChange: (value: ColumnKey) => void }) {
  return (
    <label>
      Columns{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as ColumnKey)}>
        <option value="codebook">Codebook order</option>
        <option value="name">By name</option>
        <option value="total">Most highlights first</option>
      </select>
    </label>
  )
}

export function CooccurrencePanel({ outlets }: ThemePanelProps) {
  const [rollUp, setRollUp] = useState(false)
  const [overlapping, setOverlapping] = useState(true)
  const [filters, setFilters] = useState<AnalysisFilters>({})
  const [display, setDisplay] = useState<Display>('chart')
  const [columns, setColumns] = useState<ColumnKey>('codebook')
  const answer = useAnswer('analysis:cooccurrence', { rollUp, overlapping, filters })
  const [open, show, close] = useOpenCell()
  const matrix = useMemo(() => (answer.value ? orderCooccurrence(answer.value, columns) : null), [answer.value, columns])
  const rows = useMemo<HeatRow[]>(() => (matrix ? matrix.themes.map((t, i) => ({ key: t.id, label: t.path, counts: matrix.counts[i]! })) : []), [matrix])
  const table = useMemo(() => (matrix ? cooccurrenceTable(matrix) : null), [matrix])
  const title = `Themes occurring together${overlapping ? ', on one highlight or on overlapping ones' : ', on one highlight'}`
  const diagonal = (row: number, column: number): boolean => row === column
  const colorOf = (row: number): string => matrix?.themes[row]?.color ?? '#888888'
  return (
    <section className="analysis-panel" aria-labelledby="analysis-cooccurrence-title">
      <h2 id="analysis-cooccurrence-title">Themes together</h2>
      <p className="analysis-intro">How often two themes code the same passage. The diagonal counts each theme’s highlights. Click a number to read the passages where both occur.</p>
      <Toolbar>
        <label className="analysis-check">
          <input type="checkbox" checked={overlapping} onChange={(e) => setOverlapping(e.target.checked)} /> Count overlapping highlights too
        </label>
        <RollUp rollUp={rollUp} onRollUp={setRollUp} />
        <Filters filters={filters} onFilters={setFilters} outlets={outlets} />
        <ColumnOrder value={columns} onChange={setColumns} />
        <DisplayChoice display={display} onDisplay={setDisplay} />
      </Toolbar>
      {answer.error !== null ? (
        <p role="alert" className="theme-error">
          The co-occurrence could not be counted: {answer.error}
        </p>
      ) : !matrix || !table ? (
        <p role="status" className="loading">
          Counting…
        </p>
      ) : (
        <>
          {display === 'chart' ? (
            <HeatMap
              title={title}
              rowHeading="Theme"
              themes={matrix.themes}
              rows={rows}
              colorOf={colorOf}
              skipInScale={diagonal}
              cellLabel={(row, column, count) =>
                row === column ? `${matrix.themes[row]!.path}: ${plural(count, 'highlight')}` : `${matrix.themes[row]!.path} with ${matrix.themes[column]!.path}: ${formatCount(count)}`
              }
              onCell={(row, column) =>
                show(
                  row === column ? matrix.themes[row]!.path : `${matrix.themes[row]!.path} with ${matrix.themes[column]!.path}`,
                  { kind: 'cooccurrence', themeId: matrix.themes[row]!.id, otherThemeId: matrix.themes[column]!.id },
                  { rollUp, overlapping, filters }
                )
              }
            />
          ) : (
            <DataTable table={table} caption={title} />
          )}
          <SaveButtons name="themes-together" make={(format) => fileOf(format, table, { title, themes: matrix.themes, rows, colorOf, skipInScale: diagonal })} />
        </>
      )}
      {open ? <PassagesList cell={open} onClose={close} /> : null}
    </section>
  )
}

export function SpeakersPanel({ outlets }: ThemePanelProps) {
  const [rollUp, setRollUp] = useState(false)
  const [filters, setFilters] = useState<AnalysisFilters>({})
  const [display, setDisplay] = useState<Display>('chart')
  const [order, setOrder] = useState<MatrixOrder>(NATURAL_ORDER)
  const answer = useAnswer('analysis:speakers', { rollUp, filters })
  const progress = useTextProgress()
  const [open, show, close] = useOpenCell()
  const matrix = useMemo(() => (answer.value ? orderSpeakers(answer.value, order) : null), [answer.value, order])
  const rows = useMemo<HeatRow[]>(() => (matrix ? matrix.speakers.map((s, i) => ({ key: s.name, label: s.name, counts: matrix.counts[i]! })) : []), [matrix])
  const table = useMemo(() => (matrix ? speakerTable(matrix) : null), [matrix])
  const title = `Highlights per theme per speaker${rollUp ? ', sub-themes counted in their parents' : ''}`
  const sortColumn = order.rows.by === 'column' ? (matrix?.themes.findIndex((t) => t.id === (order.rows as { themeId: string }).themeId) ?? -1) : -1
  return (
    <section className="analysis-panel" aria-labelledby="analysis-speakers-title">
      <h2 id="analysis-speakers-title">Speakers by theme</h2>
      <p className="analysis-intro">
        Who says the coded passages of the interviews, by the texts’ speaker labels or as set by hand on a highlight. A passage two people say counts for both.
      </p>
      <Toolbar>
        <RollUp rollUp={rollUp} onRollUp={setRollUp} />
        <Filters filters={filters} onFilters={setFilters} outlets={outlets} />
        <label>
          Rows{' '}
          <select
            value={order.rows.by === 'column' ? 'column' : order.rows.by}
            onChange={(e) => {
              const by = e.target.value as 'natural' | 'name'
              if (by === 'natural' || by === 'name') setOrder({ ...order, rows: { by }, direction: by === 'name' ? 'ascending' : 'descending' })
            }}
          >
            <option value="natural">Most coded highlights first</option>
            <option value="name">By name</option>
            {order.rows.by === 'column' ? <option value="column">By a theme (heading clicked)</option> : null}
          </select>
        </label>
        <ColumnOrder value={order.columns} onChange={(columns) => setOrder({ ...order, columns })} />
        <DisplayChoice display={display} onDisplay={setDisplay} />
      </Toolbar>
      <TextProgress progress={progress} />
      {answer.error !== null ? (
        <p role="alert" className="theme-error">
          The speakers could not be counted: {answer.error}
        </p>
      ) : !matrix || !table ? (
        <p role="status" className="loading">
          Counting…
        </p>
      ) : matrix.speakers.length === 0 ? (
        <p className="empty">No coded highlight has a speaker yet: code passages of an interview whose text labels its speakers, or set a highlight’s speaker by hand.</p>
      ) : (
        <>
          {display === 'chart' ? (
            <HeatMap
              title={title}
              rowHeading="Speaker"
              themes={matrix.themes}
              rows={rows}
              sortedBy={sortColumn >= 0 ? { column: sortColumn, direction: order.direction } : null}
              onSortBy={(column) => setOrder({ ...order, rows: { by: 'column', themeId: matrix.themes[column]!.id }, direction: 'descending' })}
              cellLabel={(row, column, count) => `${matrix.speakers[row]!.name} on ${matrix.themes[column]!.path}: ${plural(count, 'highlight')}`}
              onCell={(row, column) =>
                show(`${matrix.speakers[row]!.name} on ${matrix.themes[column]!.path}`, { kind: 'speaker', speaker: matrix.speakers[row]!.name, themeId: matrix.themes[column]!.id }, { rollUp, filters })
              }
            />
          ) : (
            <DataTable table={table} caption={title} />
          )}
          <SaveButtons name="speakers-by-theme" make={(format) => fileOf(format, table, { title, themes: matrix.themes, rows })} />
        </>
      )}
      {open ? <PassagesList cell={open} onClose={close} /> : null}
    </section>
  )
}
