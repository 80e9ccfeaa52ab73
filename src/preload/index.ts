// Bridges exactly the IPC contract's channels to the page, one function per channel, and the menu
// event. No logic lives here; main validates everything that arrives.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNELS, MENU_COMMANDS, MENU_EVENT, type MenuCommand } from '../shared/ipc/channels'

const api: Record<string, unknown> = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)])
)

api.onMenuCommand = (listener: (command: MenuCommand) => void): (() => void) => {
  const relay = (_event: IpcRendererEvent, command: unknown): void => {
    if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand)
  }
  ipcRenderer.on(MENU_EVENT, relay)
  return () => ipcRenderer.removeListener(MENU_EVENT, relay)
}

contextBridge.exposeInMainWorld('linerNotes', api)
