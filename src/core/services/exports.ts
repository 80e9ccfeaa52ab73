// Export and backup requests: build the export from the library (pure exporters under export/), ask
// where to put it (a dialog passed in by the Electron layer), write it atomically, and report what was
// written. A restore goes into a new or empty folder the user picks.
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { ExportScope, ExportSummary, ParsedRequestOf, Progress, RestoreSummary } from '../../shared/ipc/contract'
import type { LibraryData } from '../../shared/model'
import { descendantIds } from '../../shared/theme-tree'
import {
  articleMarkdown,
  highlightsCsv,
  type CsvOptions,
  libraryMarkdown,
  libraryMarkdownFiles,
  noteMarkdown,
  themeMarkdown,
  webAnnotationJson,
  type ExportSource,
  type MarkdownFile
} from '../export'
import { atomicWriteFile } from '../library/atomic-file'
import { REFI_FILES, refiExport } from '../refi/export-file'
import { LibraryError, notFound } from '../library/errors'
import { restoreBackupFile, writeBackup } from '../library/backup-file'
import type { LibraryStore } from '../library/store'
import type { ArticleTexts } from './article-texts'
import { stopIfCancelled, Tasks } from './tasks'

export interface FileFilter {
  name: string
  extensions: string[]
}

/** The system's file dialogs; each resolves to the chosen path, or null when the user cancels. */
export interface FileDialogs {
  chooseSavePath(request: { title: string; suggestedName: string; filters: FileFilter[] }): Promise<string | null>
  chooseOpenPath(request: { title: string; filters: FileFilter[] }): Promise<string | null>
  chooseFolder(request: { title: string }): Promise<string | null>
  /** Several files at once (an import); null when the user cancels. Optional: without it, importing by dialog is refused. */
  chooseOpenPaths?(request: { title: string; filters: FileFilter[] }): Promise<string[] | null>
}

export interface ExportEffects {
  dialogs?: FileDialogs
  progress?: (progress: Progress) => void
  /** Reopens the app on another library folder (after a restore the user asked to open). */
  switchLibrary?: (dir: string) => void
  appVersion?: string
}

const FORMAT_FILES: Record<'markdown' | 'csv' | 'json', { extension: string; filter: FileFilter }> = {
  markdown: { extension: 'md', filter: { name: 'Markdown', extensions: ['md'] } },
  csv: { extension: 'csv', filter: { name: 'CSV (spreadsheet)', extensions: ['csv'] } },
  json: { extension: 'jsonld', filter: { name: 'Web Annotation (JSON-LD)', extensions: ['jsonld', 'json'] } }
}

const BACKUP_FILTER: FileFilter = { name: 'Liner Notes backup', extensions: ['zip'] }
const CANCELLED: ExportSummary = { path: null, files: 0, highlights: 0, notes: 0, bytes: 0 }

export function exportServices(store: LibraryStore, texts: ArticleTexts, effects: ExportEffects, tasks: Tasks = new Tasks()) {
  const dialogs = (): FileDialogs => {
    if (!effects.dialogs) throw new LibraryError('conflict', 'There is no file dialog here to choose where the export goes.')
    return effects.dialogs
  }
  const report = (task: string, done: number, total: number): void => effects.progress?.({ task, done, total })

  /** The library, with the originals of just the articles the scope quotes (all of them for the library). */
  async function source(scope: ExportScope, signal: AbortSignal): Promise<{ all: ExportSource; scoped: ExportSource }> {
    const data = await store.snapshot()
    const scoped = scopeSource({ data, texts: new Map() }, scope)
    const needed = new Set(scoped.data.highlights.map((h) => h.articleId))
    if (scope.kind === 'article') needed.add(scope.articleId)
    const originals = new Map<string, string>()
    const articles = data.articles.filter((a) => scope.kind === 'library' || needed.has(a.id))
    for (const [done, article] of articles.entries()) {
      if (done % 200 === 0) report('Reading texts', done, articles.length)
      stopIfCancelled(signal, 'The export was cancelled; nothing was written.')
      const { text } = await texts.original(article)
      if (text !== null) originals.set(article.file, text)
    }
    return { all: { data, texts: originals }, scoped: { data: scoped.data, texts: originals } }
  }

  async function runExport(request: ParsedRequestOf<'export:run'>, signal: AbortSignal): Promise<ExportSummary> {
    const { scope, format } = request
    // Refused before the save dialog opens, so the user is not asked for a file that will not be written.
    if (scope.kind === 'note' && format !== 'markdown') {
      throw new LibraryError('invalid-request', 'A note is exported as Markdown only; choose Markdown.')
    }
    if (format === 'qdc' || format === 'qdpx') {
      const file = REFI_FILES[format]
      return refiExport(format, scope, {
        snapshot: async () => (await source(scope, signal)).all,
        chooseSavePath: () => dialogs().chooseSavePath({ title: 'Export', suggestedName: `liner-notes-library.${file.extension}`, filters: [file.filter] }),
        now: store.now(),
        report,
        signal
      })
    }
    const name = await scopeName(store, texts, scope)
    // A folder (a file per article and note) is a whole-library layout; other scopes are one file.
    const folder = format === 'markdown' && scope.kind === 'library' && request.layout === 'folder'
    const destination = folder
      ? await dialogs().chooseFolder({ title: 'Export into folder' })
      : await dialogs().chooseSavePath({
          title: 'Export',
          suggestedName: `${name}.${FORMAT_FILES[format].extension}`,
          filters: [FORMAT_FILES[format].filter]
        })
    if (destination === null) return CANCELLED
    report('Preparing the export', 0, 1)
    const { all, scoped } = await source(scope, signal)
    const options = { now: store.now(), citationStyle: request.citationStyle, includeNotes: request.includeNotes ?? true, ...(request.creator ? { creator: request.creator } : {}) }
    const counts = { highlights: scoped.data.highlights.length, notes: request.includeNotes === false ? 0 : countNotes(scoped.data, scope) }

    if (folder) {
      const files = libraryMarkdownFiles(scoped, options)
      const bytes = await writeFiles(destination, files, (done) => {
        report('Writing files', done, files.length)
        stopIfCancelled(signal, `The export was cancelled after ${done} of ${files.length} files; those stay in ${destination}.`)
      })
      return { path: destination, files: files.length, bytes, ...counts }
    }
    stopIfCancelled(signal, 'The export was cancelled; nothing was written.')
    const content = render(format, scope, all, scoped, options, { byteOrderMark: request.byteOrderMark ?? false, escapeFormulae: !(request.rawCells ?? false) })
    stopIfCancelled(signal, 'The export was cancelled; nothing was written.')
    report('Writing the file', 0, 1)
    await atomicWriteFile(destination, content)
    report('Writing the file', 1, 1)
    return { path: destination, files: 1, bytes: Buffer.byteLength(content), ...counts }
  }

  async function createBackupFile(signal: AbortSignal): Promise<ExportSummary> {
    const day = store.now().slice(0, 10)
    const destination = await dialogs().chooseSavePath({ title: 'Back up library', suggestedName: `liner-notes-backup-${day}.zip`, filters: [BACKUP_FILTER] })
    if (destination === null) return CANCELLED
    const written = await writeBackup(store, destination, {
      createdAt: store.now(),
      appVersion: effects.appVersion ?? 'unknown',
      progress: (done, total) => report('Backing up', done, total),
      signal
    })
    return { path: destination, files: 1, highlights: written.highlights, notes: written.notes, bytes: written.bytes }
  }

  return {
    'export:run': (request: ParsedRequestOf<'export:run'>): Promise<ExportSummary> => tasks.run((signal) => runExport(request, signal)),

    'backup:create': (): Promise<ExportSummary> => tasks.run((signal) => createBackupFile(signal)),

    'tasks:cancel': async (): Promise<{ cancelled: boolean }> => ({ cancelled: tasks.cancel() }),

    'backup:restore': async ({ openAfterRestore }: ParsedRequestOf<'backup:restore'>): Promise<RestoreSummary> => {
      const none: RestoreSummary = { folder: null, articles: 0, highlights: 0, notes: 0, themes: 0 }
      const file = await dialogs().chooseOpenPath({ title: 'Restore from backup', filters: [BACKUP_FILTER] })
      if (file === null) return none
      const folder = await dialogs().chooseFolder({ title: 'Restore into a new or empty folder' })
      if (folder === null) return none
      const counts = await restoreBackupFile(file, folder)
      if (openAfterRestore) effects.switchLibrary?.(folder)
      return { folder, ...counts }
    }
  }
}

function render(
  format: keyof typeof FORMAT_FILES,
  scope: ExportScope,
  all: ExportSource,
  scoped: ExportSource,
  options: { now: string; citationStyle?: ExportOptionsStyle; includeNotes: boolean; creator?: string },
  csv: CsvOptions
): string {
  if (format === 'csv') return highlightsCsv(scoped, csv)
  if (format === 'json') return webAnnotationJson(scoped, options)
  const markdown =
    scope.kind === 'note'
      ? noteMarkdown(all, scope.noteId, options)
      : scope.kind === 'article'
      ? articleMarkdown(all, scope.articleId, options)
      : scope.kind === 'theme'
        ? themeMarkdown(all, scope.themeId, options)
        : libraryMarkdown(all, options)
  if (markdown === null) throw notFound('The export’s subject')
  return markdown
}

type ExportOptionsStyle = ParsedRequestOf<'export:run'>['citationStyle']

/** The library cut down to the scope's highlights (a theme's include its sub-themes'). */
function scopeSource(source: ExportSource, scope: ExportScope): ExportSource {
  const { data } = source
  if (scope.kind === 'library') return source
  if (scope.kind === 'note') {
    if (!data.notes.some((n) => n.id === scope.noteId)) throw notFound(`Note “${scope.noteId}”`)
    return { ...source, data: { ...data, highlights: [], notes: data.notes.filter((n) => n.id === scope.noteId) } }
  }
  if (scope.kind === 'article') {
    if (!data.articles.some((a) => a.id === scope.articleId)) throw notFound(`Article “${scope.articleId}”`)
    return { ...source, data: { ...data, highlights: data.highlights.filter((h) => h.articleId === scope.articleId), notes: [] } }
  }
  if (!data.themes.some((t) => t.id === scope.themeId)) throw notFound(`Theme “${scope.themeId}”`)
  const ids = new Set([scope.themeId, ...descendantIds(data.themes, scope.themeId)])
  return { ...source, data: { ...data, highlights: data.highlights.filter((h) => h.themeIds.some((id) => ids.has(id))), notes: [] } }
}

/** Notes the export carries: highlights' notes, plus memos and free-standing notes where in scope. */
function countNotes(scoped: LibraryData, scope: ExportScope): number {
  const onHighlights = scoped.highlights.filter((h) => h.note !== null).length
  if (scope.kind === 'note') return 1
  if (scope.kind === 'theme') return onHighlights
  const memos = scoped.articles.filter((a) => a.memo !== null && (scope.kind === 'library' || a.id === scope.articleId)).length
  return onHighlights + memos + (scope.kind === 'library' ? scoped.notes.length : 0)
}

async function scopeName(store: LibraryStore, texts: ArticleTexts, scope: ExportScope): Promise<string> {
  if (scope.kind === 'library') return 'liner-notes-library'
  if (scope.kind === 'note') {
    const note = store.note(scope.noteId)
    if (!note) throw notFound(`Note “${scope.noteId}”`)
    return `note-${slug(note.title || note.facts?.opening || 'untitled') || 'untitled'}`
  }
  if (scope.kind === 'theme') {
    const theme = store.theme(scope.themeId)
    if (!theme) throw notFound(`Theme “${scope.themeId}”`)
    return `theme-${slug(theme.name)}`
  }
  const article = store.article(scope.articleId)
  if (!article) throw notFound(`Article “${scope.articleId}”`)
  return slug(await texts.titleOf(article))
}

function slug(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
  return cleaned.slice(0, 60).replace(/-+$/, '') || 'export'
}

async function writeFiles(folder: string, files: MarkdownFile[], progress: (done: number) => void): Promise<number> {
  let bytes = 0
  for (const [done, file] of files.entries()) {
    progress(done)
    const path = join(folder, ...file.path.split('/'))
    await mkdir(dirname(path), { recursive: true })
    await atomicWriteFile(path, file.content)
    bytes += Buffer.byteLength(file.content)
  }
  progress(files.length)
  return bytes
}
