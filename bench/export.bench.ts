// Issue figure: Markdown export time for a generated library of 10,000 highlights with notes, beside
// the other formats, against the baseline of serialising the same library to JSON (what every save of
// the library file costs).
import { createBackup } from '../src/core/export/backup'
import { highlightsCsv } from '../src/core/export/csv'
import { libraryMarkdown, libraryMarkdownFiles, themeMarkdown } from '../src/core/export/markdown'
import { largeLibrary } from '../src/core/export/test-library'
import { webAnnotationJson } from '../src/core/export/web-annotation'
import { measure, report } from './measure'

const HIGHLIGHTS = 10_000
const RUNS = 3

export function benchExport(): string {
  const source = largeLibrary(HIGHLIGHTS)
  const now = '2026-01-01T00:00:00.000Z'
  const bytes = new Map([...source.texts].map(([file, text]) => [file, new TextEncoder().encode(text)]))
  const baseline = measure('library JSON (a save)', () => JSON.stringify(source.data), RUNS, 1)
  const figures = [
    measure('Markdown, one file', () => libraryMarkdown(source, { now }), RUNS, 1),
    measure('Markdown, a folder of files', () => libraryMarkdownFiles(source, { now }), RUNS, 1),
    measure('Markdown, one theme', () => themeMarkdown(source, 'theme-heritage', { now }), RUNS, 1),
    measure('CSV', () => highlightsCsv(source), RUNS, 1),
    measure('Web Annotation JSON-LD', () => webAnnotationJson(source, { now }), RUNS, 1),
    measure('backup zip', () => createBackup(source.data, bytes, { createdAt: now, appVersion: 'bench' }), RUNS, 1)
  ]
  return report(`Exporting ${HIGHLIGHTS.toLocaleString('en')} highlights with notes`, baseline, figures)
}
