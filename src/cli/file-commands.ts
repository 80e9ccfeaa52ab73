// The commands that write files outside the library: export, backup and restore. Export and backup run
// the app's own handlers, with "dialogs" that answer with the path given on the command line.
import { mkdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { restoreBackupFile } from '../core/library/backup-file'
import type { FileDialogs } from '../core/services/exports'
import type { ExportScope, ExportSummary, RequestOf } from '../shared/ipc/contract'
import type { ExportRequest } from './export-request'
import { count, jsonDocument, type Io } from './io'
import { Refusal, type Session } from './session'
import { AmbiguousThemeError, findTheme } from './theme-paths'

/** File dialogs that answer every question with the one path the command line gave. */
export function answeringDialogs(path: string): FileDialogs {
  return {
    async chooseSavePath() {
      await mkdir(dirname(path), { recursive: true })
      return path
    },
    async chooseFolder() {
      return path
    },
    async chooseOpenPath() {
      return path
    }
  }
}

export async function runExport(request: ExportRequest, session: Session, io: Io, json: boolean): Promise<number> {
  const folder = request.format === 'markdown' && request.scope.kind === 'library'
  if (folder) await refuseFile(request.out)
  session.pinTime(await latestChange(session))
  const payload: RequestOf<'export:run'> = {
    scope: await resolveScope(request.scope, session),
    format: request.format,
    ...(folder ? { layout: 'folder' as const } : {}),
    ...(request.rawCells ? { rawCells: true } : {}),
    ...(request.creator ? { creator: request.creator } : {})
  }
  const summary = await session.request('export:run', payload)
  await report(summary, io, json, `Exported ${count(summary.highlights, 'highlight')} and ${count(summary.notes, 'note')}`)
  return 0
}

export async function runBackup(session: Session, io: Io, json: boolean): Promise<number> {
  const summary = await session.request('backup:create', {})
  await report(summary, io, json, `Backed up ${count(summary.highlights, 'highlight')} and ${count(summary.notes, 'note')}`)
  return 0
}

/** Restores without a library open: the target is a new or empty folder, so there is nothing to lock. */
export async function runRestore([file, dir]: string[], io: Io, json: boolean): Promise<number> {
  const source = resolve(file!)
  const target = resolve(dir!)
  // Streamed from the file and checked entry by entry; a bad backup leaves DIR as it was.
  const counts = await restoreBackupFile(source, target)
  const summary = { folder: target, articles: counts.articles, highlights: counts.highlights, notes: counts.notes, themes: counts.themes }
  if (json) await io.out(jsonDocument(summary))
  else
    await io.out(
      `Restored ${count(summary.articles, 'article')}, ${count(summary.highlights, 'highlight')}, ${count(summary.notes, 'note')} and ${count(summary.themes, 'theme')} into ${target}.\n`
    )
  return 0
}

async function resolveScope(scope: ExportRequest['scope'], session: Session): Promise<ExportScope> {
  if (scope.kind !== 'theme') return scope
  const themes = await session.request('themes:list', {})
  let theme
  try {
    theme = findTheme(themes, scope.name)
  } catch (error) {
    if (error instanceof AmbiguousThemeError) throw new Refusal(error.message)
    throw error
  }
  if (!theme) throw new Refusal(`There is no theme called “${scope.name}” in this library.`)
  return { kind: 'theme', themeId: theme.id }
}

/**
 * When the library last changed: the newest updatedAt of its articles, highlights, themes and notes. An
 * export is stamped with it rather than the clock, so running it again on an unchanged library rewrites
 * the same bytes (an Obsidian vault synced this way sees no change). The clock, for an empty library.
 */
async function latestChange(session: Session): Promise<string> {
  const stamps: string[] = []
  for (const { id } of await session.request('articles:list', {})) {
    const { article, highlights } = await session.request('articles:get', { id })
    stamps.push(article.updatedAt, ...highlights.map((h) => h.updatedAt))
  }
  stamps.push(...(await session.request('themes:list', {})).map((t) => t.updatedAt))
  stamps.push(...(await session.request('notes:list', {})).map((n) => n.updatedAt))
  return stamps.reduce((latest, stamp) => (stamp > latest ? stamp : latest), '') || new Date().toISOString()
}

/** A folder export onto an existing file would fail halfway; say so before anything is written. */
async function refuseFile(path: string): Promise<void> {
  const found = await stat(path).catch(() => null)
  if (found && !found.isDirectory()) throw new Refusal(`${path} is a file; a Markdown export of the whole library is a folder of files.`)
}

async function report(summary: ExportSummary, io: Io, json: boolean, what: string): Promise<void> {
  if (summary.path === null) throw new Refusal('Nothing was written.')
  if (json) await io.out(jsonDocument(summary))
  else await io.out(`${what} to ${summary.path} (${count(summary.files, 'file')}, ${summary.bytes} bytes).\n`)
}
