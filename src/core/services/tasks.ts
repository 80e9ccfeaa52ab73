// Long work (an export, a backup) runs as a task that the page can cancel: one at a time, each with an
// AbortSignal its loops check between steps. A cancelled task ends with a 'cancelled' error that says what
// was, and was not, written.
import { LibraryError } from '../library/errors'

export class Tasks {
  private current: AbortController | null = null

  /** Runs `work` as the current task; a second long task while one runs is refused. */
  async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.current) throw new LibraryError('conflict', 'Another export, backup or import is still running. Wait for it to finish, or cancel it.')
    const controller = new AbortController()
    this.current = controller
    try {
      return await work(controller.signal)
    } finally {
      this.current = null
    }
  }

  /** Asks the running task to stop at its next step. */
  cancel(): boolean {
    if (!this.current) return false
    this.current.abort()
    return true
  }
}

/** Throws the 'cancelled' error, with `what` saying what was left behind, when the task was cancelled. */
export function stopIfCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new LibraryError('cancelled', what)
}
