// Errors the library raises on purpose, each with a code the IPC layer passes on and a sentence a
// person can read. Anything else that escapes is a bug and is reported as "internal".
import type { ErrorCode } from '../../shared/ipc/contract'

export class LibraryError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'LibraryError'
  }
}

export const notFound = (what: string): LibraryError => new LibraryError('not-found', `${what} is not in the library.`)
