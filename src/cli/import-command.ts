// liner-notes import <file|folder>...: each file becomes an article, as File › Import… does in the app.
// Prints one line per file (one JSON array with --json); exit 1 when any file was refused.
import type { ImportOutcome } from '../shared/ipc/contract'
import type { Io } from './io'
import type { Session } from './session'

export async function runImport(paths: string[], session: Session, io: Io, json: boolean, limits: { maxMegabytes?: number; maxSeconds?: number } = {}): Promise<number> {
  const summary = await session.request('imports:paths', { paths, ...(Object.keys(limits).length > 0 ? { limits } : {}) })
  if (json) await io.out(JSON.stringify(summary.outcomes, null, 2) + '\n')
  else {
    for (const outcome of summary.outcomes) await io.out(line(outcome) + '\n')
    await io.err(`${summary.imported} imported, ${summary.duplicates} already in the library, ${summary.refused} refused.\n`)
  }
  return summary.refused > 0 ? 1 : 0
}

function line({ file, status, articleId, title, message }: ImportOutcome): string {
  const what = status === 'refused' ? message : `${title ? `“${title}”` : '(untitled)'} ${articleId ?? ''}${message ? ` — ${message}` : ''}`
  return `${status.padEnd(9)} ${file}: ${what}`
}
