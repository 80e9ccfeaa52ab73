// Every request handler of the app, built over one open library. The handler map's type is checked
// against the IPC contract, so a channel without a handler (or with the wrong answer type) fails to build.
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract'
import type { Channel } from '../../shared/ipc/channels'
import { LibraryStore, type OpenOptions } from '../library/store'
import { ArticleTexts } from './article-texts'
import { articleServices } from './articles'
import { AnchorCache } from './highlight-anchors'
import { highlightServices } from './highlights'
import { preferenceServices } from './preferences'
import { themeServices } from './themes'

export type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> }

export interface LibraryServices {
  store: LibraryStore
  handlers: Handlers
}

export async function openLibraryServices(libraryDir: string, options: OpenOptions): Promise<LibraryServices> {
  const store = await LibraryStore.open(libraryDir, options)
  // One reader of article texts for all services, so each original is read from disk once.
  const texts = new ArticleTexts(store)
  const handlers: Handlers = {
    ...articleServices(store, texts, new AnchorCache()),
    ...highlightServices(store, texts),
    ...themeServices(store),
    ...preferenceServices(store)
  }
  return { store, handlers }
}
