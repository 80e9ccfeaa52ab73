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

/** What each file-system failure a person can act on means, in words; `path` is where it happened. */
const FS_PROBLEMS: Record<string, (path: string) => string> = {
  EACCES: (path) => `Liner Notes is not allowed to use ${path}: check the permissions of that file or folder.`,
  EPERM: (path) => `Liner Notes is not allowed to use ${path}: check the permissions of that file or folder.`,
  EROFS: (path) => `${path} is on a disk that can only be read, so nothing can be saved there.`,
  ENOSPC: (path) => `The disk holding ${path} is full: free some space, then try again.`,
  EDQUOT: (path) => `Your disk quota is used up, so ${path} cannot be written: free some space, then try again.`,
  EISDIR: (path) => `${path} is a folder where Liner Notes keeps a file.`,
  ENOTDIR: (path) => `Part of ${path} is a file where Liner Notes keeps a folder.`,
  EIO: (path) => `The disk reported an error reading or writing ${path}.`,
  ENAMETOOLONG: (path) => `The path ${path} is longer than this system allows.`,
  EMFILE: (path) => `Too many files are open to use ${path} now; try again in a moment.`
}

/** A sentence saying what went wrong with a file and where; any other error keeps its own message. */
export function describeFsError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  const known = code ? FS_PROBLEMS[code] : undefined
  if (known) return known(path)
  return `${path} could not be used: ${error instanceof Error ? error.message : String(error)}`
}

/** A file-system failure as an error the page shows as it is; LibraryErrors pass through unchanged. */
export function fsError(error: unknown, path: string): LibraryError {
  if (error instanceof LibraryError) return error
  return new LibraryError('library-unreadable', describeFsError(error, path))
}
