// Import requests: the import dialog, files dropped by path or by content, and a clipboard paste, each
// run as a cancellable task with progress; a folder among the paths is imported file by file.
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ImportOutcome, ImportSummary, ParsedRequestOf } from '../../shared/ipc/contract'
import type { ProjectImportReport, ThemeClash } from '../../shared/ipc/imports'
import { extractFile, extractPaste, IMPORT_EXTENSIONS } from '../import/formats'
import { importFiles, type Extractor, type ImportFile } from '../import/import-files'
import { DEFAULT_LIMITS, type ImportLimits } from '../import/types'
import { LibraryError } from '../library/errors'
import type { LibraryStore } from '../library/store'
import { importRefiFile, REFI_EXTENSIONS, refiKind } from '../refi/project-import'
import type { ExportEffects } from './exports'
import type { Tasks } from './tasks'

const NOTHING: ImportSummary = { outcomes: [], imported: 0, duplicates: 0, refused: 0 }

export function summarize(outcomes: ImportOutcome[], projects: ProjectImportReport[] = []): ImportSummary {
  const count = (status: ImportOutcome['status']): number => outcomes.filter((o) => o.status === status).length
  return { outcomes, imported: count('imported'), duplicates: count('duplicate'), refused: count('refused'), ...(projects.length > 0 ? { projects } : {}) }
}

/** Every file the paths name: files as they are, folders walked (hidden files skipped), in name order. */
export async function filesUnder(paths: readonly string[]): Promise<string[]> {
  const found: string[] = []
  const walk = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => null)
    if (info?.isDirectory()) {
      for (const name of (await readdir(path)).sort()) if (!name.startsWith('.')) await walk(join(path, name))
    } else found.push(path)
  }
  for (const path of paths) await walk(path)
  return found
}

export function importServices(store: LibraryStore, effects: ExportEffects, tasks: Tasks, extract: Extractor = extractFile, limits: ImportLimits = DEFAULT_LIMITS) {
  const report = (done: number, total: number): void => effects.progress?.({ task: 'Importing', done, total })
  /** The limits now: the library's preferences over the defaults, and one import's own over both. */
  const limitsFor = (override: { maxMegabytes?: number | undefined; maxSeconds?: number | undefined } = {}): ImportLimits => {
    const { importMaxMegabytes, importMaxSeconds } = store.preferences
    const megabytes = override.maxMegabytes ?? importMaxMegabytes
    const seconds = override.maxSeconds ?? importMaxSeconds
    return {
      ...limits,
      ...(megabytes !== undefined ? { maxFileBytes: megabytes * 1024 * 1024 } : {}),
      ...(seconds !== undefined ? { maxMillis: seconds * 1000 } : {})
    }
  }

  /** Reads each path only when its turn comes, so a folder of hundreds of files never sits in memory at once. */
  async function importPaths(paths: readonly string[], signal: AbortSignal, limits: ImportLimits, themes: ThemeClash): Promise<ImportSummary> {
    const files = await filesUnder(paths)
    const outcomes: ImportOutcome[] = []
    const projects: ProjectImportReport[] = []
    for (const [done, path] of files.entries()) {
      report(done, files.length)
      const name = basename(path)
      const info = await stat(path).catch(() => null)
      let file: ImportFile | null = null
      if (info === null) outcomes.push(refusal(name, `${name} could not be found.`))
      else if (info.size > limits.maxFileBytes) {
        outcomes.push(refusal(name, `${name} is larger than ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB, the most Liner Notes imports at once; it was not read.`))
      } else {
        try {
          file = { name, bytes: await readFile(path) }
        } catch (error) {
          outcomes.push(refusal(name, `${name} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`))
        }
      }
      if (file !== null) outcomes.push(...(await importOne(file, signal, limits, themes, projects)))
    }
    report(files.length, files.length)
    return summarize(outcomes, projects)
  }

  /** One file: a REFI-QDA project or codebook through its importer (its report added to `projects`), any other as an article. */
  async function importOne(file: ImportFile, signal: AbortSignal, limits: ImportLimits, themes: ThemeClash, projects: ProjectImportReport[]): Promise<ImportOutcome[]> {
    if (refiKind(file.name) === null) return importFiles(store, [file], { extract, limits, signal })
    if (signal.aborted) return [refusal(file.name, `${file.name} was not imported: the import was cancelled.`)]
    const { outcomes, report } = await importRefiFile(store, file, { themes, limits })
    if (report) projects.push(report)
    return outcomes
  }

  return {
    'imports:choose': ({ themes }: ParsedRequestOf<'imports:choose'>): Promise<ImportSummary> =>
      tasks.run(async (signal) => {
        const chooser = effects.dialogs?.chooseOpenPaths
        if (!chooser) throw new LibraryError('conflict', 'There is no file dialog here to choose files to import.')
        const extensions = [...Object.keys(IMPORT_EXTENSIONS), ...REFI_EXTENSIONS]
        const paths = await chooser({ title: 'Import articles', filters: [{ name: 'Articles and REFI-QDA projects', extensions }] })
        return paths === null ? NOTHING : importPaths(paths, signal, limitsFor(), themes ?? 'apart')
      }),

    'imports:paths': ({ paths, limits: override, themes }: ParsedRequestOf<'imports:paths'>): Promise<ImportSummary> =>
      tasks.run((signal) => importPaths(paths, signal, limitsFor(override), themes ?? 'apart')),

    'imports:files': ({ files, themes }: ParsedRequestOf<'imports:files'>): Promise<ImportSummary> =>
      tasks.run(async (signal) => {
        const decoded = files.map(({ name, data }) => ({ name: basename(name), bytes: Buffer.from(data, 'base64') }))
        const limits = limitsFor()
        const outcomes: ImportOutcome[] = []
        const projects: ProjectImportReport[] = []
        for (const [done, file] of decoded.entries()) {
          // Once cancelled, the files left are refused at once, without a progress event each.
          if (!signal.aborted) report(done, decoded.length)
          outcomes.push(...(await importOne(file, signal, limits, themes ?? 'apart', projects)))
        }
        report(decoded.length, decoded.length)
        return summarize(outcomes, projects)
      }),

    'imports:paste': (paste: ParsedRequestOf<'imports:paste'>): Promise<ImportSummary> =>
      tasks.run(async (signal) => {
        const content = paste.html ?? paste.text ?? ''
        // A paste has no file; its "original" is what was on the clipboard, kept as it came.
        const file: ImportFile = { name: 'The pasted text', bytes: new TextEncoder().encode(content) }
        const pasteLimits = limitsFor()
        const extract = () => extractPaste({ ...(paste.html !== undefined ? { html: paste.html } : {}), ...(paste.text !== undefined ? { text: paste.text } : {}) }, pasteLimits)
        return summarize(await importFiles(store, [file], { extract, limits: pasteLimits, signal }))
      })
  }
}

function refusal(file: string, message: string): ImportOutcome {
  return { file, status: 'refused', articleId: null, title: null, message }
}
