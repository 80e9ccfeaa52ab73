// liner-notes analyze matrix|cooccurrence|speakers|words [--theme NAME] [--article ID] [--speaker NAME]
// [--roll-up] --format csv|json: the Analysis view's tables from the command line, through the same
// requests, so the CSV is the one the app saves.
import { cellsOf, cooccurrenceTable, matrixTable, speakerTable, tableCsv, wordsTable, type AnalysisTable } from '../shared/analysis/tables'
import type { WordScope } from '../shared/ipc/analysis'
import { UsageError, type AnalysisName, type Invocation } from './args'
import { jsonDocument, type Io } from './io'
import { Refusal, type Session } from './session'
import { AmbiguousThemeError, findTheme } from './theme-paths'

export interface AnalyzeRequest {
  analysis: AnalysisName
  format: 'csv' | 'json'
  theme: string | undefined
  article: string | undefined
  speaker: string | undefined
  rollUp: boolean
}

/** Words listed by `analyze words`: enough for any chart, short enough to read. */
const WORDS = 1_000

/** Checked before the library is opened, so a mistyped request is a usage error that touches nothing. */
export function parseAnalyzeRequest(invocation: Invocation): AnalyzeRequest {
  const analysis = invocation.args[0] as AnalysisName
  const format = invocation.format ?? (invocation.json ? 'json' : undefined)
  if (format === undefined) throw new UsageError('The analyze command needs --format csv or --format json.')
  if (format !== 'csv' && format !== 'json') throw new UsageError(`The analyze command writes csv or json (it was given --format ${format}).`)
  if (invocation.json && format !== 'json') throw new UsageError('--json asks for JSON, but --format asks for csv; give one of them.')
  if (invocation.speaker !== undefined && analysis !== 'words') throw new UsageError('Only analyze words takes --speaker (the speakers analysis lists every speaker).')
  if (analysis === 'words' && [invocation.theme, invocation.article, invocation.speaker].filter((v) => v !== undefined).length > 1) {
    throw new UsageError('analyze words counts one thing: give --theme, --article or --speaker, not several.')
  }
  return { analysis, format, theme: invocation.theme, article: invocation.article, speaker: invocation.speaker, rollUp: invocation.rollUp }
}

export async function runAnalyze(request: AnalyzeRequest, session: Session, io: Io): Promise<number> {
  const themeId = request.theme === undefined ? undefined : await themeIdNamed(request.theme, session)
  if (request.article !== undefined) {
    const articles = await session.request('articles:list', {})
    if (!articles.some((a) => a.id === request.article)) throw new Refusal(`There is no article “${request.article}” in the library.`)
  }
  const common = {
    rollUp: request.rollUp,
    ...(themeId !== undefined ? { themeId } : {}),
    ...(request.article !== undefined ? { filters: { articleId: request.article } } : {})
  }
  let result: unknown
  let table: AnalysisTable
  if (request.analysis === 'matrix') {
    const matrix = await session.request('analysis:matrix', common)
    // In JSON each row carries its own counts, as a script reads them most easily.
    const { counts: _cells, ...rest } = matrix
    result = { ...rest, rows: matrix.rows.map((row, i) => ({ ...row, counts: [...cellsOf(matrix, i)] })) }
    table = matrixTable(matrix)
  } else if (request.analysis === 'cooccurrence') {
    const matrix = await session.request('analysis:cooccurrence', { ...common, overlapping: true })
    result = matrix
    table = cooccurrenceTable(matrix)
  } else if (request.analysis === 'speakers') {
    const matrix = await session.request('analysis:speakers', common)
    result = matrix
    table = speakerTable(matrix)
  } else {
    const scope: WordScope =
      themeId !== undefined
        ? { kind: 'theme', themeId }
        : request.article !== undefined
          ? { kind: 'article', articleId: request.article }
          : request.speaker !== undefined
            ? { kind: 'speaker', name: request.speaker }
            : { kind: 'library' }
    const words = await session.request('analysis:words', { scope, rollUp: request.rollUp, limit: WORDS })
    result = words
    table = wordsTable(words)
  }
  await io.out(request.format === 'json' ? jsonDocument(result) : tableCsv(table))
  return 0
}

async function themeIdNamed(name: string, session: Session): Promise<string> {
  const themes = await session.request('themes:list', {})
  try {
    const theme = findTheme(themes, name)
    if (theme === null) throw new Refusal(`There is no theme called “${name.trim()}”.`)
    return theme.id
  } catch (error) {
    if (error instanceof AmbiguousThemeError) throw new Refusal(error.message)
    throw error
  }
}
