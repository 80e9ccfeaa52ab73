// Relays the contract's channels from the page to the core process, which validates every request where
// it enters the core and answers with a Result. Main itself holds no library state. Before relaying, each
// message's sender is checked (trusted-sender.ts): only the main frame of the app's own page is heard.
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../../shared/ipc/channels'
import type { Result } from '../../shared/ipc/result'
import type { CoreClient } from '../../core/host/client'
import { isTrustedSender, UNTRUSTED_SENDER_MESSAGE } from './trusted-sender'

/** `allowedOrigins`: app://liner-notes, and the dev server's origin while developing. */
export function registerIpc(core: CoreClient, allowedOrigins: readonly string[]): void {
  const refused: Result<never> = { ok: false, error: { code: 'invalid-request', message: UNTRUSTED_SENDER_MESSAGE } }
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!fromTrustedFrame(event, allowedOrigins)) return refused
      return core.request(channel, payload)
    })
  }
}

function fromTrustedFrame(event: IpcMainInvokeEvent, allowedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame
  if (!frame || frame.isDestroyed()) return false
  const isMainFrame = frame === event.sender.mainFrame && frame.parent === null
  return isTrustedSender({ url: frame.url, isMainFrame }, allowedOrigins)
}
