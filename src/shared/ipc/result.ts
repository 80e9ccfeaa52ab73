// What every request answers across IPC: its value, or an error a person can read. Errors are wrapped
// into a Result before they cross, so the page never sees a bare rejection.
export const ERROR_CODES = ['invalid-request', 'not-found', 'library-unreadable', 'conflict', 'cancelled', 'internal'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]
export interface ApiError {
  code: ErrorCode
  /** A sentence a person can read. */
  message: string
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }
