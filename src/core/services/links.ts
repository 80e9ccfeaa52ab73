// Opening a link from a note in the system browser or mail program. The opener is passed in (Electron's
// shell in the app, none under tests or the browser harness), so this stays plain Node and testable; the
// address is checked again here because main does not take the page's word that a link is harmless.
import type { ParsedRequestOf } from '../../shared/ipc/contract'
import { LibraryError } from '../library/errors'

/** Hands a checked address to the system; resolves once the system has taken it. */
export type OpenExternal = (url: string) => Promise<void>

/** The web and e-mail, as a note's links may be: never javascript:, file:, data: or an app's own scheme. */
const OPENABLE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * The URL parser silently drops tabs and line breaks and trims spaces, so "https://a.example\n@b.example"
 * would be checked as written yet open b.example. Such an address is refused rather than repaired.
 */
const HIDDEN_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/

/** The address parsed as a browser would, or a readable refusal. Its `href` is exactly what may be opened. */
export function openableUrl(value: string): URL {
  if (HIDDEN_CHARACTERS.test(value)) {
    throw new LibraryError('invalid-request', `The address ${JSON.stringify(value)} holds spaces, line breaks or invisible characters, so it is not opened: it could lead somewhere other than it reads.`)
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new LibraryError('invalid-request', `“${value}” is not a complete web or e-mail address, so it cannot be opened.`)
  }
  if (!OPENABLE_PROTOCOLS.has(url.protocol)) {
    throw new LibraryError('invalid-request', `Only web (http, https) and e-mail links can be opened; “${value}” is a ${url.protocol} link.`)
  }
  // "https://collider.com@evil.example" names evil.example; a note's link never needs a user name or password.
  if (url.username !== '' || url.password !== '') {
    throw new LibraryError('invalid-request', `The address “${value}” carries a user name before its host (${url.host}), so it is not opened: it reads as another site than it leads to.`)
  }
  return url
}

export function linkServices(openExternal: OpenExternal | undefined) {
  return {
    'links:open': async ({ url }: ParsedRequestOf<'links:open'>): Promise<null> => {
      // The parsed form is what was checked, so it is what the system gets.
      const { href } = openableUrl(url)
      if (!openExternal) {
        throw new LibraryError('conflict', `Links cannot be opened from here: there is no system browser to hand them to. The address is ${href}`)
      }
      try {
        await openExternal(href)
      } catch (error) {
        throw new LibraryError('internal', `The system could not open ${href}: ${error instanceof Error ? error.message : String(error)}`)
      }
      return null
    }
  }
}
