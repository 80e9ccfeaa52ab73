// liner-notes annotations import FILE [--article ID]: W3C Web Annotations or a Hypothesis export become
// highlights, as annotations:import makes them in the app. Prints what was not placed, one line each (the
// summary as JSON with --json); exit 1 when any annotation was not placed or the file was refused.
import { readFile, stat } from 'node:fs/promises'
import type { AnnotationImportSummary } from '../shared/ipc/contract'
import { jsonDocument, type Io } from './io'
import { Refusal, type Session } from './session'

/** The contract's cap on the text of one import. */
const MAX_BYTES = 200 * 1024 * 1024

/** The file's text; a file that cannot be read, is empty or too large is refused with one sentence. */
export async function readAnnotationsFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => null)
  if (info === null) throw new Refusal(`There is no file at ${path}.`)
  if (info.isDirectory()) throw new Refusal(`${path} is a folder; annotations import reads one JSON file.`)
  if (info.size > MAX_BYTES) throw new Refusal(`${path} is larger than 200 MB, more than one import of annotations takes.`)
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new Refusal(`${path} could not be read (${error instanceof Error ? error.message : String(error)}).`)
  })
  if (text.trim() === '') throw new Refusal(`${path} is empty, so it holds no annotations.`)
  return text
}

export async function runAnnotationsImport(json: string, articleId: string | undefined, session: Session, io: Io, asJson: boolean): Promise<number> {
  const summary = await session.request('annotations:import', articleId === undefined ? { json } : { json, articleId })
  if (asJson) await io.out(jsonDocument(summary))
  else {
    for (const { annotation, reason } of summary.unplaced) await io.out(`unplaced  ${annotation}: ${reason}\n`)
    await io.err(`${counts(summary)}\n`)
  }
  return summary.unplaced.length > 0 ? 1 : 0
}

function counts({ highlights, themesCreated, notes, unplaced }: AnnotationImportSummary): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  return (
    `${plural(highlights, 'highlight', 'highlights')} imported, with ${plural(notes, 'note', 'notes')}; ` +
    `${plural(themesCreated, 'new theme', 'new themes')}; ${unplaced.length} not placed.`
  )
}
