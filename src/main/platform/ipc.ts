// Relays the contract's channels from the page to the core process, which validates every request where
// it enters the core and answers with a Result. Main itself holds no library state.
import { ipcMain } from 'electron'
import { CHANNELS } from '../../shared/ipc/channels'
import type { CoreClient } from '../../core/host/client'

export function registerIpc(core: CoreClient): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (_event, payload: unknown) => core.request(channel, payload))
  }
}
