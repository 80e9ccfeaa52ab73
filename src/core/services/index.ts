// Every request handler of the app, built over one open library. The handler map's type is checked
// against the IPC contract, so a channel without a handler (or with the wrong answer type) fails to build.
import type { ParsedRequestOf, PassageTarget, ResponseOf } from '../../shared/ipc/contract'
import type { ChangeKind, Channel } from '../../shared/ipc/channels'
import { LibraryStore, type OpenOptions } from '../library/store'
import { ArticleTexts } from './article-texts'
import { articleServices } from './articles'
import { AnchorCache } from './highlight-anchors'
import { highlightServices } from './highlights'
import { exportServices, type ExportEffects } from './exports'
import { importServices } from './imports'
import { reextractServices } from './reextract'
import { annotationServices } from './annotations'
import { Tasks } from './tasks'
import { isolatedExtractor, type WorkerEntry } from '../import/isolated-extract'
import { extractFile } from '../import/formats'
import { linkServices, type OpenExternal } from './links'
import { noteServices } from './notes'
import { preferenceServices } from './preferences'
import { quotableHighlightServices } from './quotable-highlights'
import { themeServices } from './themes'
import { searchServices, type SearchServices } from './search'
import { analysisServices } from './analysis'
import type { LibraryAnalysis } from '../analysis/library-analysis'

export type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> }

export interface LibraryServices {
  store: LibraryStore
  handlers: Handlers
  search: SearchServices
  /** The library's analyses, following its changes. */
  analysis: LibraryAnalysis
  /** Settles when the background checks after opening (every record's schema, every text's hash) are done. */
  checked: Promise<void>
  /** Waits for pending writes, stops background work and lets go of the library folder. */
  close(): Promise<void>
}

/**
 * What the services may do outside the library folder, passed in by the Electron layer so the domain
 * never imports electron. Each is optional: without it, the request that needs it is refused readably.
 */
export interface SideEffects extends ExportEffects {
  /** Opens a checked web or e-mail address in the system's browser or mail program. */
  openExternal?: OpenExternal
  /** The passage a liner-notes:// link named when the app was started with it, handed over once. */
  takePendingLink?: () => PassageTarget | null | Promise<PassageTarget | null>
  /** Tells the page that the library changed without its asking (texts checked in the background). */
  libraryChanged?: (kinds: ChangeKind[]) => void
  /** The page's answer to a closing window: go (true) or stay open (false). */
  readyToClose?: (close: boolean) => void
}

export interface ServiceOptions extends OpenOptions {
  /**
   * The worker script imported files are read in, stopped when one takes longer than the time limit.
   * Without it files are read on the core's own thread (the extractors' own checks of the clock apply).
   */
  extractWorker?: WorkerEntry
  /** Open the search index with the library (the app), rather than at the first search. */
  searchAtOpen?: boolean
}

export async function openLibraryServices(libraryDir: string, options: ServiceOptions, effects: SideEffects = {}): Promise<LibraryServices> {
  const { extractWorker, searchAtOpen, ...openOptions } = options
  const store = await LibraryStore.open(libraryDir, openOptions)
  const isolated = extractWorker ? isolatedExtractor(extractWorker) : null
  const extract = isolated?.extract ?? extractFile
  // Originals are checked against their hashes once everything has loaded, a few at a time.
  const background = new AbortController()
  const validated = store.whenLoaded().then(() => store.validate())
  validated.catch(() => undefined)
  const checked = validated
    .then(() => store.verifyTexts(undefined, background.signal))
    .then(() => {
      if (!background.signal.aborted) effects.libraryChanged?.(['text-status'])
    })
    .catch(() => undefined)

  // One reader of article texts for all services, so each original is read from disk once.
  const texts = new ArticleTexts(store)
  // One long task at a time (an export, a backup, an import), each cancellable with tasks:cancel.
  const tasks = new Tasks()
  const search = searchServices(store, texts, effects)
  if (searchAtOpen) void search.index()
  const analysis = analysisServices(store, texts, effects)
  const handlers: Handlers = {
    ...articleServices(store, texts, new AnchorCache()),
    ...highlightServices(store, texts),
    ...quotableHighlightServices(store, texts, search.index),
    ...noteServices(store),
    ...themeServices(store),
    ...preferenceServices(store),
    ...linkServices(effects.openExternal),
    ...exportServices(store, texts, effects, tasks),
    ...importServices(store, effects, tasks, extract),
    ...reextractServices(store, texts, extract),
    ...annotationServices(store, effects),
    ...search.handlers,
    ...analysis.handlers,
    'articles:texts-checked': async () => {
      await checked
      return null
    },
    'app:take-pending-link': async () => (await effects.takePendingLink?.()) ?? null,
    'app:library-problems': async () => {
      await validated.catch(() => undefined)
      return store.problems()
    },
    'app:ready-to-close': async ({ close }) => {
      if (close) await store.flush()
      effects.readyToClose?.(close)
      return null
    }
  }
  return {
    store,
    handlers,
    search,
    analysis: analysis.analysis,
    checked,
    close: async () => {
      background.abort()
      await isolated?.close()
      await search.close()
      analysis.analysis.close()
      await store.close()
    }
  }
}
