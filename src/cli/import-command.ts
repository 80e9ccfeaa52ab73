// liner-notes import <file|folder>...: each file becomes an article, as File › Import… does in the app; a
// REFI-QDA project (.qdpx) or codebook (.qdc) brings its themes, coded passages and notes too.
// Prints one line per file (one JSON array with --json); exit 1 when any file was refused, or a coded
// passage of a project could not be placed.
import type { ImportOutcome } from '../shared/ipc/contract'
import type { ProjectImportReport } from '../shared/ipc/imports'
import { count, type Io } from './io'
import type { Session } from './session'

export async function runImport(
  paths: string[],
  session: Session,
  io: Io,
  json: boolean,
  limits: { maxMegabytes?: number; maxSeconds?: number } = {},
  mergeThemes = false
): Promise<number> {
  const summary = await session.request('imports:paths', {
    paths,
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
    ...(mergeThemes ? { themes: 'merge' as const } : {})
  })
  const projects = summary.projects ?? []
  // The outcomes alone, as ever; with a REFI-QDA file among the files, an object that adds what it brought.
  if (json) await io.out(JSON.stringify(projects.length > 0 ? { outcomes: summary.outcomes, projects } : summary.outcomes, null, 2) + '\n')
  else {
    for (const outcome of summary.outcomes) await io.out(line(outcome) + '\n')
    for (const project of projects) await io.out(projectLines(project).join('\n') + '\n')
    await io.err(`${summary.imported} imported, ${summary.duplicates} already in the library, ${summary.refused} refused.\n`)
  }
  return summary.refused > 0 || projects.some((p) => p.unplaced.length > 0) ? 1 : 0
}

function line({ file, status, articleId, title, message }: ImportOutcome): string {
  const what = status === 'refused' ? message : `${title ? `“${title}”` : '(untitled)'} ${articleId ?? ''}${message ? ` — ${message}` : ''}`
  return `${status.padEnd(9)} ${file}: ${what}`
}

/** What a project or codebook brought, then each passage not placed and each thing not carried, one a line. */
function projectLines(project: ProjectImportReport): string[] {
  const themes = [
    `${count(project.themesCreated, 'theme')} created`,
    ...(project.themesMerged.length > 0 ? [`${project.themesMerged.length} merged into yours`] : []),
    ...(project.themesRenamed.length > 0 ? [`${project.themesRenamed.length} kept apart (${project.themesRenamed.map((r) => `“${r.to}”`).join(', ')})`] : [])
  ].join(', ')
  const brought = project.kind === 'project' ? `; ${count(project.highlights, 'highlight')}, ${count(project.notes, 'note')}` : ''
  return [
    `${project.kind.padEnd(9)} ${project.file}: “${project.name}” — ${themes}${brought}.`,
    ...project.unplaced.map((why) => `unplaced  ${why}`),
    ...project.notCarried.map((what) => `not carried  ${what}`)
  ]
}
