// Issue figure: while the core (forkCore, a Node child process standing in for Electron's utility process)
// exports the whole library to Markdown, how late the parent's own timers fire (a 5 ms setTimeout, again
// and again): its p99 is how long a click or a repaint could wait. Baseline: the same drift with the core
// idle. The core's save dialog is answered by the parent with a path in a scratch folder.
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import type { GenerateOptions } from '../src/core/testing/generate-library'
import type { ExportSummary } from '../src/shared/ipc/contract'
import { forkCore } from '../src/core/host/client'
import type { FileDialogs } from '../src/core/services/exports'
import { withRatios, type Figure } from './figures'
import { ARCHIVE_DIR, cachedLibrary, workFolder, workingCopy, type ScaleSize } from './library-cache'

const PING_MS = 5
const IDLE_MS = 2_000

/** Each ping's lateness in ms, for as long as `until` is pending. */
async function pingWhile(until: Promise<unknown>): Promise<number[]> {
  let done = false
  void until.finally(() => (done = true)).catch(() => undefined)
  const drifts: number[] = []
  while (!done) {
    const start = performance.now()
    await sleep(PING_MS)
    drifts.push(performance.now() - start - PING_MS)
  }
  return drifts
}

const p99 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.99) - 1)] ?? NaN
}

/** The parent's answers to the core's dialogs: every export goes into `exportDir`, nothing is opened. */
function dialogsInto(exportDir: string): FileDialogs {
  return {
    chooseSavePath: async ({ suggestedName }) => join(exportDir, suggestedName),
    chooseOpenPath: async () => null,
    chooseFolder: async () => {
      const folder = join(exportDir, 'folder')
      await mkdir(folder, { recursive: true })
      return folder
    }
  }
}

export async function benchMainPing(size: ScaleSize & { generate: GenerateOptions }, prefix: string, log: (line: string) => void): Promise<Figure[]> {
  const cached = await cachedLibrary(size)
  const libraryDir = await workingCopy(cached.dir, prefix)
  const exportDir = await workFolder(`${prefix}-out`)
  const host = forkCore({ libraryDir, archiveDir: ARCHIVE_DIR }, { dialogs: dialogsInto(exportDir) })
  try {
    // Waits for the child to open (and migrate) the library, then for the list, as the app's first screen does.
    await host.ready()
    const listed = await host.request('articles:list', {})
    if (!listed.ok) throw new Error(`The core host could not open the library: ${listed.error.message}`)
    const idle = await pingWhile(sleep(IDLE_MS))
    const start = performance.now()
    const exporting = host.request('export:run', { scope: { kind: 'library' }, format: 'markdown' })
    const busy = await pingWhile(exporting)
    const exportS = (performance.now() - start) / 1000
    const exported = await exporting
    if (!exported.ok) throw new Error(`The export failed: ${exported.error.message}`)
    const summary = exported.value as ExportSummary
    log(`${prefix}: exported ${summary.highlights} highlights, ${(summary.bytes / 1e6).toFixed(0)} MB, in ${exportS.toFixed(1)} s; ${busy.length} pings`)
    return withRatios([
      { id: `${prefix}.main-ping-idle-p99`, value: p99(idle), unit: 'ms', baseline: null },
      { id: `${prefix}.main-ping-p99`, value: p99(busy), unit: 'ms', baseline: `${prefix}.main-ping-idle-p99` },
      { id: `${prefix}.export-s`, value: exportS, unit: 's', baseline: null }
    ])
  } finally {
    await host.close()
    await Promise.all([libraryDir, exportDir].map((dir) => rm(dir, { recursive: true, force: true })))
  }
}
