// What `export` was asked to do, read from its flags before any library is opened, so a mistyped export
// is a usage error (exit 2) that loads nothing heavy and touches nothing.
import { resolve } from 'node:path'
import type { ExportFormat } from '../shared/ipc/contract'
import { UsageError, type Invocation } from './args'

/** The --format words, and the export format each stands for. */
const FORMATS = new Map<string, ExportFormat>([
  ['md', 'markdown'],
  ['csv', 'csv'],
  ['json', 'json'],
  ['qdc', 'qdc'],
  ['qdpx', 'qdpx']
])

/** What the command line asked to export, checked before any library is opened (a mistake is exit 2). */
export interface ExportRequest {
  scope: { kind: 'library' } | { kind: 'article'; articleId: string } | { kind: 'theme'; name: string } | { kind: 'note'; noteId: string }
  format: ExportFormat
  out: string
  rawCells: boolean
  /** JSON only: who is credited as each annotation's creator. */
  creator?: string
}

export function parseExportRequest({ scope, format, out, rawCells, creator }: Invocation): ExportRequest {
  const chosen = FORMATS.get(format ?? '')
  if (!chosen) throw new UsageError(`The --format flag takes md, csv, json, qdc or qdpx, not “${format}”.`)
  if (rawCells && chosen !== 'csv') throw new UsageError('The --raw-cells flag is for --format csv only.')
  if (creator !== undefined && chosen !== 'json') throw new UsageError('The --creator flag is for --format json only.')
  if (creator !== undefined && (creator.trim() === '' || creator.trim().length > 120)) throw new UsageError('The --creator flag takes a name of 1 to 120 characters.')
  if ((chosen === 'qdc' || chosen === 'qdpx') && scope !== undefined && scope !== 'library') {
    throw new UsageError(`A REFI-QDA ${chosen === 'qdc' ? 'codebook' : 'project'} (--format ${chosen}) holds the whole library; leave out --scope or give --scope library.`)
  }
  return { scope: parseScope(scope ?? 'library'), format: chosen, out: resolve(out ?? ''), rawCells, ...(creator !== undefined ? { creator: creator.trim() } : {}) }
}

function parseScope(scope: string): ExportRequest['scope'] {
  if (scope === 'library') return { kind: 'library' }
  const [, kind, rest] = /^(article|theme|note):(.*)$/s.exec(scope) ?? []
  if (kind === 'article' && rest?.trim()) return { kind: 'article', articleId: rest.trim() }
  if (kind === 'note' && rest?.trim()) return { kind: 'note', noteId: rest.trim() }
  if (kind === 'theme' && rest?.trim()) return { kind: 'theme', name: rest.trim() }
  throw new UsageError(`The --scope flag takes library, article:<articleId>, theme:<name> or note:<noteId>, not “${scope}”.`)
}
