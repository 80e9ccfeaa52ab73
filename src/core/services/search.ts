// Search requests, answered from the library's search index. The index is opened with the library in the
// app (so it is current before the first query) and on the first query elsewhere (the command line,
// tests), so a library that is only read or exported never gets one written beside it.
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ParsedRequestOf } from '../../shared/ipc/contract'
import type { SearchResult, SearchStatus } from '../../shared/ipc/search'
import type { LibraryStore } from '../library/store'
import { INDEX_FILE, INDEX_FOLDER, SearchIndex } from '../search/search-index'
import type { ArticleTexts } from './article-texts'
import type { ExportEffects } from './exports'

export interface SearchServices {
  handlers: {
    'search:query': (request: ParsedRequestOf<'search:query'>) => Promise<SearchResult>
    'search:status': () => Promise<SearchStatus>
    'search:speakers': () => Promise<string[]>
  }
  /** The index, opened now if it was not yet. */
  index(): Promise<SearchIndex>
  close(): Promise<void>
}

export function searchServices(store: LibraryStore, texts: ArticleTexts, effects: ExportEffects): SearchServices {
  let opening: Promise<SearchIndex> | null = null
  let scratch: string | null = null
  const progress = (status: SearchStatus): void => effects.progress?.({ task: 'Indexing', done: status.done, total: status.total })

  const index = (): Promise<SearchIndex> =>
    (opening ??= (async () => {
      if (!store.readOnly) return SearchIndex.open(store, { progress, texts })
      // A library open elsewhere is only read: its index is copied aside and brought up to date there.
      scratch = await mkdtemp(join(tmpdir(), 'liner-notes-search-'))
      const own = join(store.dir, INDEX_FOLDER, INDEX_FILE)
      if (existsSync(own)) {
        await copyFile(own, join(scratch, INDEX_FILE)).catch(() => undefined)
      }
      return SearchIndex.open(store, { progress, texts, path: join(scratch, INDEX_FILE) })
    })())

  return {
    index,
    handlers: {
      'search:query': async ({ query, kinds, filters, limit }) =>
        (await index()).search(query, { ...(kinds ? { kinds } : {}), ...(filters ? { filters } : {}), ...(limit !== undefined ? { limit } : {}) }),
      'search:status': async () => (await index()).state,
      'search:speakers': async () => (await index()).speakerNames()
    },
    close: async () => {
      if (opening) await (await opening).close()
      if (scratch !== null) await rm(scratch, { recursive: true, force: true })
    }
  }
}
