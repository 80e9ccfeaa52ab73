// Closing the window first asks the page to save what is still pending (a note typed a moment ago);
// the page answers with app:ready-to-close. A page that does not answer cannot hold the window open.
import type { BrowserWindow } from 'electron'
import { APP_COMMAND_EVENT, type AppCommand } from '../../shared/ipc/channels'

const ANSWER_TIMEOUT_MS = 3000

export interface CloseGuard {
  /** Called when the page has saved: lets the window close. */
  release(): void
}

export function guardClose(getWindow: () => BrowserWindow | null): CloseGuard {
  let released = false
  const release = (): void => {
    released = true
    getWindow()?.close()
  }
  const window = getWindow()
  window?.on('close', (event) => {
    if (released) return
    event.preventDefault()
    const command: AppCommand = 'prepare-to-close'
    window.webContents.send(APP_COMMAND_EVENT, command)
    setTimeout(release, ANSWER_TIMEOUT_MS)
  })
  return { release }
}
