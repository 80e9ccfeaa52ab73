// What every analysis panel shares: loading an answer from the core (again when the library changes),
// the filters and the roll-up switch, chart-or-table, saving as CSV, SVG or PNG, and the progress of the
// core's first reading of the texts.
import { useCallback, useEffect, useId, useState } from 'react'
import type { AnalysisFilters, RequestOf, ResponseOf } from '../../../shared/ipc/contract'
import type { Channel } from '../../../shared/ipc/channels'
import { ARTICLE_KINDS } from '../../../shared/model'
import { call, messageOf, onLibraryChanged, onProgress } from '../api'

export const TEXT_TASK = 'Reading texts for analysis'

export type Loaded<T> = { value: T | null; error: string | null; loading: boolean }

/** The core's answer to `request`, asked again when the request, `also` or the library changes. */
export function useAnswer<C extends Channel>(channel: C, request: RequestOf<C>, also = ''): Loaded<ResponseOf<C>> & { reload: () => void } {
  const [state, setState] = useState<Loaded<ResponseOf<C>>>({ value: null, error: null, loading: true })
  const [version, setVersion] = useState(0)
  const key = JSON.stringify(request)
  useEffect(() => {
    let current = true
    setState((s) => ({ ...s, loading: true }))
    call(channel, JSON.parse(key) as RequestOf<C>).then(
      (value) => current && setState({ value, error: null, loading: false }),
      (error: unknown) => current && setState({ value: null, error: messageOf(error), loading: false })
    )
    return () => {
      current = false
    }
  }, [channel, key, version, also])
  useEffect(() => onLibraryChanged(() => setVersion((v) => v + 1)), [])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { ...state, reload }
}

/** How far the core has read the texts, while it reads them for the first time. */
export function useTextProgress(): { done: number; total: number } | null {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  useEffect(
    () =>
      onProgress(({ task, done, total }) => {
        if (task === TEXT_TASK) setProgress(done >= total ? null : { done, total })
      }),
    []
  )
  return progress
}

export function TextProgress({ progress }: { progress: { done: number; total: number } | null }) {
  if (progress === null) return null
  return (
    <p className="analysis-progress" role="status">
      <label>
        Reading the texts ({progress.done.toLocaleString('en-US')} of {progress.total.toLocaleString('en-US')})…{' '}
        <progress max={progress.total} value={progress.done} />
      </label>
    </p>
  )
}

export interface FilterProps {
  filters: AnalysisFilters
  onFilters: (filters: AnalysisFilters) => void
  outlets: readonly string[]
}

/** Kind, outlet and a date range: which articles are counted. */
export function Filters({ filters, onFilters, outlets }: FilterProps) {
  const set = (patch: Partial<AnalysisFilters>): void => {
    const next: AnalysisFilters = { ...filters, ...patch }
    for (const key of Object.keys(next) as (keyof AnalysisFilters)[]) if (next[key] === undefined || next[key] === '') delete next[key]
    onFilters(next)
  }
  return (
    <fieldset className="analysis-filters">
      <legend>Articles counted</legend>
      <label>
        Kind{' '}
        <select value={filters.articleKind ?? ''} onChange={(e) => set({ articleKind: (e.target.value || undefined) as AnalysisFilters['articleKind'] })}>
          <option value="">Any kind</option>
          {ARTICLE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </label>
      <label>
        Outlet{' '}
        <select value={filters.outlet ?? ''} onChange={(e) => set({ outlet: e.target.value || undefined })}>
          <option value="">Any outlet</option>
          {outlets.map((outlet) => (
            <option key={outlet} value={outlet}>
              {outlet}
            </option>
          ))}
        </select>
      </label>
      <label>
        From{' '}
        <input type="date" value={filters.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
      </label>
      <label>
        To <input type="date" value={filters.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
      </label>
    </fieldset>
  )
}

export function RollUp({ rollUp, onRollUp }: { rollUp: boolean; onRollUp: (rollUp: boolean) => void }) {
  return (
    <label className="analysis-check">
      <input type="checkbox" checked={rollUp} onChange={(e) => onRollUp(e.target.checked)} /> Count sub-themes in their parent themes
    </label>
  )
}

export type Display = 'chart' | 'table'

export function DisplayChoice({ display, onDisplay }: { display: Display; onDisplay: (display: Display) => void }) {
  const name = useId()
  return (
    <fieldset className="analysis-display">
      <legend>Show as</legend>
      {(['chart', 'table'] as const).map((value) => (
        <label key={value}>
          <input type="radio" name={name} checked={display === value} onChange={() => onDisplay(value)} /> {value === 'chart' ? 'Chart' : 'Table'}
        </label>
      ))}
    </fieldset>
  )
}

export type FileFormat = 'csv' | 'svg' | 'png'

/** Save buttons: each makes its file's content (possibly slowly, for a PNG) and the core asks where it goes. */
export function SaveButtons({ name, make }: { name: string; make: (format: FileFormat) => Promise<string> | string }) {
  const [status, setStatus] = useState<string | null>(null)
  const save = async (format: FileFormat): Promise<void> => {
    setStatus(`Preparing the ${format.toUpperCase()}…`)
    try {
      const content = await make(format)
      const { path } = await call('analysis:save', { name, format, content })
      setStatus(path === null ? null : `Saved ${path}`)
    } catch (error) {
      setStatus(`The ${format.toUpperCase()} could not be saved: ${messageOf(error)}`)
    }
  }
  return (
    <div className="analysis-save" role="group" aria-label="Save">
      <button type="button" onClick={() => void save('csv')}>
        Save as CSV…
      </button>
      <button type="button" onClick={() => void save('svg')}>
        Save as SVG…
      </button>
      <button type="button" onClick={() => void save('png')}>
        Save as PNG…
      </button>
      <span role="status" className="count">
        {status}
      </span>
    </div>
  )
}
