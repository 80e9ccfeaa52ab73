// Reader preferences (text size, light/dark), kept in the library so they travel with it.
import type { ParsedRequestOf } from '../../shared/ipc/contract'
import type { Preferences } from '../../shared/model'
import type { LibraryStore } from '../library/store'
import { definedOnly } from '../../shared/objects'

export function preferenceServices(store: LibraryStore) {
  return {
    'preferences:get': async (): Promise<Preferences> => store.data.preferences,
    'preferences:update': async (patch: ParsedRequestOf<'preferences:update'>): Promise<Preferences> =>
      store.update((data) => {
        data.preferences = { ...data.preferences, ...definedOnly(patch) }
        return data.preferences
      })
  }
}
