// How an import's outcome reads: one line of counts, then every file, the refused ones first since they
// are what the user has to act on.
import type { ImportOutcome, ImportStatus, ImportSummary } from '../../../shared/ipc/contract'
import type { ProjectImportReport } from '../../../shared/ipc/imports'
import { formatCount } from '../app/format'

export const NOTHING_IMPORTED: ImportSummary = { outcomes: [], imported: 0, duplicates: 0, refused: 0 }

export function summarize(outcomes: ImportOutcome[], projects: readonly ProjectImportReport[] = []): ImportSummary {
  const count = (status: ImportStatus): number => outcomes.filter((o) => o.status === status).length
  return { outcomes, imported: count('imported'), duplicates: count('duplicate'), refused: count('refused'), ...(projects.length > 0 ? { projects: [...projects] } : {}) }
}

/** One summary of several requests (a big drop is sent in parts). */
export function mergeSummaries(a: ImportSummary, b: ImportSummary): ImportSummary {
  return summarize([...a.outcomes, ...b.outcomes], [...(a.projects ?? []), ...(b.projects ?? [])])
}

/** "296 imported, 3 already in the library, 1 refused": the imported count always, the others when there are any. */
export function headline({ imported, duplicates, refused }: ImportSummary): string {
  return [
    `${formatCount(imported)} imported`,
    ...(duplicates > 0 ? [`${formatCount(duplicates)} already in the library`] : []),
    ...(refused > 0 ? [`${formatCount(refused)} refused`] : [])
  ].join(', ')
}

export const STATUS_LABELS: Record<ImportStatus, string> = { refused: 'Refused', duplicate: 'Already in the library', imported: 'Imported' }

const RANK: Record<ImportStatus, number> = { refused: 0, duplicate: 1, imported: 2 }

/** Refused files first, then those already in the library, then the imported; each group in the order the files came. */
export function inDisplayOrder(outcomes: readonly ImportOutcome[]): ImportOutcome[] {
  return outcomes
    .map((outcome, index) => ({ outcome, index }))
    .sort((a, b) => RANK[a.outcome.status] - RANK[b.outcome.status] || a.index - b.index)
    .map(({ outcome }) => outcome)
}

/** A file the page refused itself, before sending it (too large, unreadable) or after a cancel. */
export function refusedHere(file: string, message: string): ImportOutcome {
  return { file, status: 'refused', articleId: null, title: null, message }
}
