// Bridges exactly the IPC contract's channels to the page, one function per channel, and the menu
// event. No logic lives here; main validates everything that arrives.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNELS, APP_COMMANDS, APP_COMMAND_EVENT, type AppCommand } from '../shared/ipc/channels'

const api: Record<string, unknown> = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)])
)

api.onAppCommand = (listener: (command: AppCommand) => void): (() => void) => {
  const relay = (_event: IpcRendererEvent, command: unknown): void => {
    if ((APP_COMMANDS as readonly unknown[]).includes(command)) listener(command as AppCommand)
  }
  ipcRenderer.on(APP_COMMAND_EVENT, relay)
  return () => ipcRenderer.removeListener(APP_COMMAND_EVENT, relay)
}

contextBridge.exposeInMainWorld('linerNotes', api)
