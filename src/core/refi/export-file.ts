// The REFI-QDA exports as the export request runs them: the whole library only (a codebook or a project
// is all of it), a save dialog, then the file written atomically and counted for the summary.
import type { ExportScope, ExportSummary } from '../../shared/ipc/contract'
import type { ExportSource } from '../export/library-index'
import { atomicWriteFile } from '../library/atomic-file'
import { LibraryError } from '../library/errors'
import type { FileFilter } from '../services/exports'
import { stopIfCancelled } from '../services/tasks'
import { codebookXml } from './codebook'
import { projectExport } from './project-export'

export const REFI_FILES: Record<'qdc' | 'qdpx', { extension: string; filter: FileFilter }> = {
  qdc: { extension: 'qdc', filter: { name: 'REFI-QDA codebook', extensions: ['qdc'] } },
  qdpx: { extension: 'qdpx', filter: { name: 'REFI-QDA project', extensions: ['qdpx'] } }
}

export interface RefiExportSteps {
  /** The library with every article's original text. */
  snapshot(): Promise<ExportSource>
  chooseSavePath(): Promise<string | null>
  now: string
  report(task: string, done: number, total: number): void
  signal: AbortSignal
}

export const PROJECT_NAME = 'Liner Notes library'

export async function refiExport(format: 'qdc' | 'qdpx', scope: ExportScope, steps: RefiExportSteps): Promise<ExportSummary> {
  if (scope.kind !== 'library') {
    throw new LibraryError('invalid-request', `A REFI-QDA ${format === 'qdc' ? 'codebook' : 'project'} holds the whole library; choose the whole library to export it.`)
  }
  const destination = await steps.chooseSavePath()
  if (destination === null) return { path: null, files: 0, highlights: 0, notes: 0, bytes: 0 }
  const cancelled = (): void => stopIfCancelled(steps.signal, 'The export was cancelled; nothing was written.')
  steps.report('Preparing the export', 0, 1)
  const source = await steps.snapshot()
  cancelled()
  let content: Uint8Array
  let highlights = 0
  let notes = 0
  if (format === 'qdc') {
    const xml = codebookXml(source.data.themes)
    if (xml === null) throw new LibraryError('invalid-request', 'The library has no themes, so there is no codebook to export.')
    content = new TextEncoder().encode(xml)
  } else {
    const project = projectExport(source, { now: steps.now, name: PROJECT_NAME })
    content = project.zip
    highlights = project.highlights
    notes = project.notes
  }
  cancelled()
  steps.report('Writing the file', 0, 1)
  await atomicWriteFile(destination, content)
  steps.report('Writing the file', 1, 1)
  return { path: destination, files: 1, highlights, notes, bytes: content.byteLength }
}
