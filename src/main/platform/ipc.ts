// Wires the contract's channels to ipcMain. Every request goes through dispatch(), which validates it.
import { ipcMain } from 'electron'
import { CHANNELS } from '../../shared/ipc/channels'
import { dispatch, type HandlerSource } from '../../core/ipc/dispatch'

export function registerIpc(source: HandlerSource): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (_event, payload: unknown) => dispatch(source, channel, payload))
  }
}
