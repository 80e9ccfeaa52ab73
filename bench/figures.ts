// The machine-readable side of `npm run bench`: every figure with its unit and its ratio to a baseline
// figure of the same run, written to reports/bench.json for CI and for comparing runs.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

export interface Figure {
  id: string
  value: number
  unit: 'ms' | 's' | 'MB' | 'files/s'
  /** The id of the figure this one is compared with, or null for a figure that is its own yardstick. */
  baseline: string | null
  /** value / the baseline's value; null without a baseline. */
  ratio: number | null
  /** The target, in words ("≤ 3× floor"), and whether this run met it; absent where there is none. */
  target?: string
  met?: boolean
}

/** Fills in each figure's ratio from its baseline's value; a baseline missing from the run gives null. */
export function withRatios(figures: Omit<Figure, 'ratio'>[]): Figure[] {
  const byId = new Map(figures.map((f) => [f.id, f.value]))
  return figures.map((f) => {
    const base = f.baseline === null ? undefined : byId.get(f.baseline)
    return { ...f, ratio: base === undefined || base === 0 ? null : f.value / base }
  })
}

export async function writeFigures(path: string, figures: Figure[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, JSON.stringify({ figures }, null, 2) + '\n')
}

/** The figures as an aligned table: value, ratio to baseline, target and whether it was met. */
export function figureTable(title: string, figures: Figure[]): string {
  const idWidth = Math.max(...figures.map((f) => f.id.length))
  const lines = [`\n${title}`, '─'.repeat(title.length)]
  for (const f of figures) {
    const value = `${f.value.toFixed(f.unit === 'ms' && f.value < 10 ? 2 : 1)} ${f.unit}`.padStart(12)
    const ratio = (f.ratio === null ? '' : `×${f.ratio.toFixed(2)}`).padStart(10)
    const base = (f.baseline === null ? '' : `of ${f.baseline}`).padEnd(idWidth + 3)
    const verdict = f.target === undefined ? '' : `${f.met ? 'met    ' : 'MISSED '} ${f.target}`
    lines.push(`${f.id.padEnd(idWidth)}  ${value}  ${ratio} ${base}  ${verdict}`.trimEnd())
  }
  return lines.join('\n')
}
