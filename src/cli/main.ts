// The liner-notes command line: reads the invocation, opens the library the app would open (or the one
// named), runs one command over the app's own handlers, and answers with an exit code: 0 done, 1 done
// with problems or refused, 2 a usage error. Modules that open a library load only when one is needed,
// so `--help` and usage errors answer at once.
import { resolve } from 'node:path'
import { defaultLibraryDir, resolveLibraryDir } from '../core/library/location'
import { parseInvocation, UsageError, type Invocation } from './args'
import type { Io } from './io'

export async function run(argv: readonly string[], io: Io, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  let invocation: Invocation
  try {
    invocation = parseInvocation(argv)
    if (invocation.command === 'help') {
      await io.out((await import('./help')).HELP)
      return 0
    }
    return await execute(invocation, io, env)
  } catch (error) {
    if (error instanceof UsageError) {
      await io.err(`${error.message} See liner-notes --help.\n`)
      return 2
    }
    await io.err(`${await refusalMessage(error)}\n`)
    return 1
  }
}

async function execute(invocation: Invocation, io: Io, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  // Checked before anything heavy loads, so a mistyped export is a usage error that touches nothing.
  const exportRequest = invocation.command === 'export' ? (await import('./export-request')).parseExportRequest(invocation) : null
  const analyzeRequest = invocation.command === 'analyze' ? (await import('./analyze-command')).parseAnalyzeRequest(invocation) : null
  const files = await import('./file-commands')
  if (invocation.command === 'restore') return files.runRestore(invocation.args, io, invocation.json)
  const out = exportRequest?.out ?? invocation.out
  const [{ openReadingSession, openWritingSession }, reads] = await Promise.all([import('./session'), import('./read-commands')])
  // --library, else LINER_NOTES_LIBRARY, else the app's own folder: the app's rule, from location.ts.
  const libraryDir = invocation.library !== undefined ? resolve(invocation.library) : resolveLibraryDir([], env, defaultLibraryDir(process.platform, env))
  if (invocation.command === 'import') {
    const writing = openWritingSession(libraryDir, { progress: io.progress })
    try {
      return await (await import('./import-command')).runImport(invocation.args.map((path) => resolve(path)), writing, io, invocation.json, {
        ...(invocation.maxSize !== undefined ? { maxMegabytes: invocation.maxSize } : {}),
        ...(invocation.maxSeconds !== undefined ? { maxSeconds: invocation.maxSeconds } : {})
      }, invocation.mergeThemes)
    } finally {
      await writing.close()
    }
  }
  if (invocation.command === 'annotations') {
    // The file is read before the library is opened, so a missing file locks and seeds nothing.
    const { readAnnotationsFile, runAnnotationsImport } = await import('./annotations-command')
    const json = await readAnnotationsFile(resolve(invocation.args[1]!))
    const writing = openWritingSession(libraryDir, { progress: io.progress })
    try {
      return await runAnnotationsImport(json, invocation.article, writing, io, invocation.json)
    } finally {
      await writing.close()
    }
  }
  if (invocation.command === 'search') {
    // A library no other process holds keeps the index this search brings up to date; one the app has
    // open is searched through a copy of the app's index, read-only.
    const { lockHolder } = await import('../core/library/lock')
    const held = (await lockHolder(libraryDir).catch(() => null)) !== null
    const searching = held ? openReadingSession(libraryDir, { progress: io.progress }) : openWritingSession(libraryDir, { progress: io.progress })
    try {
      const { runSearch } = await import('./search-command')
      return await runSearch({ query: invocation.args[0]!, kind: invocation.kind, speaker: invocation.speaker, json: invocation.json }, searching, io)
    } finally {
      await searching.close()
    }
  }
  const session = openReadingSession(libraryDir, {
    dialogs: out === undefined ? undefined : files.answeringDialogs(resolve(out)),
    progress: io.progress
  })
  try {
    switch (invocation.command) {
      case 'list':
        return await reads.list(invocation, session, io)
      case 'text':
        return await reads.text(invocation, session, io)
      case 'check':
        return await reads.check(invocation, session, io)
      case 'stats':
        return await reads.stats(invocation, session, io)
      case 'analyze':
        return await (await import('./analyze-command')).runAnalyze(analyzeRequest!, session, io)
      case 'export':
        return await files.runExport(exportRequest!, session, io, invocation.json)
      case 'backup':
        return await files.runBackup(session, io, invocation.json)
      default:
        throw new Error(`The ${invocation.command} command has no runner.`)
    }
  } finally {
    await session.close()
  }
}

/** The sentence to print for a command that could not finish. */
async function refusalMessage(error: unknown): Promise<string> {
  const [{ Refusal }, { LibraryError }] = await Promise.all([import('./session'), import('../core/library/errors')])
  if (error instanceof Refusal || error instanceof LibraryError) return error.message
  return `Something went wrong in liner-notes: ${error instanceof Error ? error.message : String(error)}`
}
