// Analysis requests, answered by the library's analyses (analysis/library-analysis.ts), which follow
// every change as it is made; and saving a chart or table the page drew, to a place the user chooses.
import { Buffer } from 'node:buffer'
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract'
import { LibraryAnalysis } from '../analysis/library-analysis'
import { atomicWriteFile } from '../library/atomic-file'
import { LibraryError } from '../library/errors'
import type { LibraryStore } from '../library/store'
import type { ArticleTexts } from './article-texts'
import type { ExportEffects, FileFilter } from './exports'

const FILES: Record<ParsedRequestOf<'analysis:save'>['format'], FileFilter> = {
  csv: { name: 'CSV (spreadsheet)', extensions: ['csv'] },
  svg: { name: 'SVG image', extensions: ['svg'] },
  png: { name: 'PNG image', extensions: ['png'] }
}

export interface AnalysisServices {
  analysis: LibraryAnalysis
  handlers: {
    'analysis:matrix': (request: ParsedRequestOf<'analysis:matrix'>) => Promise<ResponseOf<'analysis:matrix'>>
    'analysis:cooccurrence': (request: ParsedRequestOf<'analysis:cooccurrence'>) => Promise<ResponseOf<'analysis:cooccurrence'>>
    'analysis:speakers': (request: ParsedRequestOf<'analysis:speakers'>) => Promise<ResponseOf<'analysis:speakers'>>
    'analysis:words': (request: ParsedRequestOf<'analysis:words'>) => Promise<ResponseOf<'analysis:words'>>
    'analysis:passages': (request: ParsedRequestOf<'analysis:passages'>) => Promise<ResponseOf<'analysis:passages'>>
    'analysis:speaker-names': () => Promise<string[]>
    'analysis:save': (request: ParsedRequestOf<'analysis:save'>) => Promise<ResponseOf<'analysis:save'>>
  }
}

export function analysisServices(store: LibraryStore, texts: ArticleTexts, effects: ExportEffects): AnalysisServices {
  const analysis = new LibraryAnalysis(store, {
    readText: async (article) => (await texts.shown(article)).text,
    progress: (done, total) => effects.progress?.({ task: 'Reading texts for analysis', done, total })
  })
  return {
    analysis,
    handlers: {
      'analysis:matrix': (request) => analysis.matrix(request),
      'analysis:cooccurrence': (request) => analysis.cooccurrence(request),
      'analysis:speakers': (request) => analysis.speakers(request),
      'analysis:words': ({ scope, rollUp, limit }) => analysis.words(scope, { ...(rollUp !== undefined ? { rollUp } : {}), ...(limit !== undefined ? { limit } : {}) }),
      'analysis:passages': ({ cell, ...options }) => analysis.passages(cell, options),
      'analysis:speaker-names': () => analysis.speakerNames(),
      'analysis:save': async ({ name, format, content }) => {
        if (!effects.dialogs) throw new LibraryError('conflict', 'There is no file dialog here to choose where the file goes.')
        const path = await effects.dialogs.chooseSavePath({ title: `Save as ${format.toUpperCase()}`, suggestedName: `${name}.${format}`, filters: [FILES[format]] })
        if (path === null) return { path: null, bytes: 0 }
        const bytes = format === 'png' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8')
        if (format === 'png' && !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new LibraryError('invalid-request', 'The image to save is not a PNG.')
        await atomicWriteFile(path, bytes)
        return { path, bytes: bytes.length }
      }
    }
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
