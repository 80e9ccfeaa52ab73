// Bridges exactly the IPC contract's channels to the page, one function per channel, and the events
// main sends (app commands, passage links, progress). No logic lives here; main validates every request,
// and the page gets only event payloads of the contract's shape. Only types come from the contract, so
// zod stays out of this sandboxed bundle.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { APP_COMMAND_EVENT, CHANNELS, LIBRARY_CHANGED_EVENT, OPEN_PASSAGE_EVENT, PROGRESS_EVENT, type Channel } from '../shared/ipc/channels'
import type { LinerNotesApi } from '../shared/ipc/contract'
import { isAppCommand, isLibraryChanged, isPassageTarget, isProgress } from './event-guards'

type Requests = Pick<LinerNotesApi, Channel>

// Object.fromEntries cannot carry per-key types; each entry is the same invoke, so the cast only names
// what the map builds. The events below are checked key by key by `satisfies`.
const requests = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)])
) as unknown as Requests

/** Subscribes to one event from main, passing on only payloads of the expected shape. */
function relay<T>(event: string, accept: (payload: unknown) => payload is T) {
  return (listener: (payload: T) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, payload: unknown): void => {
      if (accept(payload)) listener(payload)
    }
    ipcRenderer.on(event, handler)
    return () => ipcRenderer.removeListener(event, handler)
  }
}

const api = {
  ...requests,
  onAppCommand: relay(APP_COMMAND_EVENT, isAppCommand),
  onOpenPassage: relay(OPEN_PASSAGE_EVENT, isPassageTarget),
  onProgress: relay(PROGRESS_EVENT, isProgress),
  onLibraryChanged: relay(LIBRARY_CHANGED_EVENT, isLibraryChanged),
  pathForFile: (file: File): string => webUtils.getPathForFile(file)
} satisfies LinerNotesApi

contextBridge.exposeInMainWorld('linerNotes', api)
