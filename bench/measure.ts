// Timing helpers for `npm run bench`: warm up, then take the median of several runs, so one slow
// run (a GC pause, the other core busy) does not decide the figure.
import { performance } from 'node:perf_hooks'

export interface Measurement {
  label: string
  medianMs: number
  runs: number
}

export function measure(label: string, run: () => unknown, runs = 9, warmup = 2): Measurement {
  for (let i = 0; i < warmup; i++) run()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { label, medianMs: times[Math.floor(times.length / 2)]!, runs }
}

export async function measureAsync(label: string, run: () => Promise<unknown>, runs = 5, warmup = 1): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await run()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await run()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { label, medianMs: times[Math.floor(times.length / 2)]!, runs }
}

/** A table of figures with each one's ratio to the baseline and a bar, so the comparison is seen at a glance. */
export function report(title: string, baseline: Measurement, others: Measurement[]): string {
  const all = [baseline, ...others]
  const widest = Math.max(...all.map((m) => m.medianMs))
  const labelWidth = Math.max(...all.map((m) => m.label.length))
  const lines = [`\n${title}`, '─'.repeat(title.length)]
  for (const m of all) {
    const ratio = m.medianMs / baseline.medianMs
    const bar = '█'.repeat(Math.max(1, Math.round((m.medianMs / widest) * 40)))
    lines.push(
      `${m.label.padEnd(labelWidth)}  ${m.medianMs.toFixed(1).padStart(9)} ms  ${m === baseline ? 'baseline' : `×${ratio.toFixed(2)}`.padStart(8)}  ${bar}`
    )
  }
  return lines.join('\n')
}
