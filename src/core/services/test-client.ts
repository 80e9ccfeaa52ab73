// For tests of the services: a library opened in a temporary folder and a typed client that sends every
// request through dispatch(), so requests are validated exactly as they are when they come over IPC.
import type { ApiError, RequestOf, ResponseOf } from '../../shared/ipc/contract'
import type { Channel } from '../../shared/ipc/channels'
import { dispatch } from '../ipc/dispatch'
import { ARCHIVE_DIR, fixedNow, folderFingerprint } from '../library/test-support'
import type { WorkerEntry } from '../import/isolated-extract'
import { openLibraryServices, type LibraryServices, type SideEffects } from '.'

export interface TestClient {
  services: LibraryServices
  /** Sends a request and returns its answer; throws with the error's message if it was refused. */
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>
  /** Sends a request that must be refused and returns why. Takes `unknown` so tests can send bad payloads. */
  refused(channel: Channel, request: unknown): Promise<ApiError>
  /** Every file of the library folder and its hash (the lock aside): equal before and after means nothing was written. */
  fingerprint(): Promise<string>
}

export interface TestClientOptions {
  /** The clock; fixed unless a test needs time to pass. */
  now?: () => string
  effects?: SideEffects
  /** Read imported files in this worker, as the app does. */
  extractWorker?: WorkerEntry
}

export async function openTestClient(dir: string, { now = fixedNow, effects = {}, extractWorker }: TestClientOptions = {}): Promise<TestClient> {
  const services = await openLibraryServices(dir, { archiveDir: ARCHIVE_DIR, now, ...(extractWorker ? { extractWorker } : {}) }, effects)
  const source = async () => services.handlers
  return {
    services,
    async call(channel, request) {
      const result = await dispatch(source, channel, request)
      if (!result.ok) throw new Error(`${channel} was refused (${result.error.code}): ${result.error.message}`)
      // dispatch answers `unknown`; the handler that produced it is typed by the contract for this channel.
      return result.value as ResponseOf<typeof channel>
    },
    async refused(channel, request) {
      const result = await dispatch(source, channel, request)
      if (result.ok) throw new Error(`${channel} was expected to be refused but answered ${JSON.stringify(result.value)}`)
      return result.error
    },
    fingerprint: () => folderFingerprint(dir)
  }
}

export const COLLIDER = '000_ad238df8b954e232'

export { withoutRev } from '../library/test-support'

/** A clock that moves on a minute at every reading, for tests of what is newest. */
export function tickingClock(from = '2026-11-21T12:00:00.000Z'): () => string {
  let at = Date.parse(from)
  return () => new Date((at += 60_000)).toISOString()
}

/** The range of the n-th (1-based) occurrence of `phrase` in `text`. */
export function nth(text: string, phrase: string, n: number): { start: number; end: number } {
  let at = -1
  for (let i = 0; i < n; i++) {
    at = text.indexOf(phrase, at + 1)
    if (at === -1) throw new Error(`“${phrase}” occurs fewer than ${n} times`)
  }
  return { start: at, end: at + phrase.length }
}
