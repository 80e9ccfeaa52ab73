// Reader preferences (text size, light/dark), kept in the library so they travel with it.
import type { ParsedRequestOf } from '../../shared/ipc/contract'
import type { Preferences } from '../../shared/model'
import type { LibraryStore } from '../library/store'
import { definedOnly } from '../../shared/objects'

export function preferenceServices(store: LibraryStore) {
  return {
    'preferences:get': async (): Promise<Preferences> => store.preferences,
    'preferences:update': async (patch: ParsedRequestOf<'preferences:update'>): Promise<Preferences> =>
      store.transact((tx) => {
        const preferences = { ...tx.preferences(), ...definedOnly(patch) }
        tx.setPreferences(preferences)
        return preferences
      })
  }
}
