// liner-notes:// links (written into every Markdown export) open the app at the passage they name. The
// system hands the link over as an open-url event (macOS) or on the command line (Windows, Linux, and a
// second instance); either way the page is told which passage to show, or that it is gone.
import { app, type BrowserWindow } from 'electron'
import { OPEN_PASSAGE_EVENT } from '../../shared/ipc/channels'
import { parseLinerNotesUrl } from '../../core/export/links'

export const PROTOCOL = 'liner-notes'

export function registerProtocol(): void {
  // While developing, the app runs as `electron .`, so the launcher needs the app's path too.
  if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient(PROTOCOL, process.execPath, [process.argv[1]])
  else app.setAsDefaultProtocolClient(PROTOCOL)
}

/** The liner-notes:// link among command-line arguments, if any. */
export function linkInArgs(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.startsWith(`${PROTOCOL}://`)) ?? null
}

export function openPassageLink(window: BrowserWindow | null, url: string): void {
  const target = parseLinerNotesUrl(url)
  if (!window || !target) return
  if (window.isMinimized()) window.restore()
  window.focus()
  window.webContents.send(OPEN_PASSAGE_EVENT, target)
}
