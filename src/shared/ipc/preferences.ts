// Preference requests: the reader's settings, read whole and changed in part.
import { Preferences } from '../model'
import { channel, Empty, type DomainContract } from './define'

export const preferencesContract = {
  'preferences:get': channel<Preferences>()(Empty),
  'preferences:update': channel<Preferences>()(Preferences.partial().strict())
} satisfies DomainContract
