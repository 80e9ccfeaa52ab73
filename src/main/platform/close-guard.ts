// Closing the window first asks the page to save what is still pending (a note typed a moment ago).
// The page answers with app:ready-to-close: close, or stay open because a save failed and the user is
// being asked. A page that does not answer at all cannot hold the window open for ever.
import type { BrowserWindow } from 'electron'
import { APP_COMMAND_EVENT, type AppCommand } from '../../shared/ipc/channels'

/** Long enough for any save of a local file; only a page that has stopped answering waits this out. */
const ANSWER_TIMEOUT_MS = 10_000

export interface CloseGuard {
  /** The page's answer: true lets the window close; false keeps it open. */
  answer(close: boolean): void
}

/** `shouldAsk` is false when there is nothing the page could save (the library failed to open). */
export function guardClose(getWindow: () => BrowserWindow | null, shouldAsk: () => boolean): CloseGuard {
  let released = false
  let timer: NodeJS.Timeout | undefined
  const release = (): void => {
    clearTimeout(timer)
    released = true
    getWindow()?.close()
  }
  const window = getWindow()
  window?.on('close', (event) => {
    if (released || !shouldAsk()) return
    event.preventDefault()
    if (timer) return // already asked; waiting for the answer
    const command: AppCommand = 'prepare-to-close'
    window.webContents.send(APP_COMMAND_EVENT, command)
    timer = setTimeout(release, ANSWER_TIMEOUT_MS)
  })
  return {
    answer(close) {
      if (close) return release()
      clearTimeout(timer)
      timer = undefined
    }
  }
}
