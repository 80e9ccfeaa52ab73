// Bridges exactly the IPC contract's channels to the page, one function per channel, and the events
// main sends (app commands, passage links, progress). No logic lives here; main validates every request.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { APP_COMMANDS, APP_COMMAND_EVENT, CHANNELS, OPEN_PASSAGE_EVENT, PROGRESS_EVENT } from '../shared/ipc/channels'

const api: Record<string, unknown> = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)])
)

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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

api.onAppCommand = relay(APP_COMMAND_EVENT, (p): p is (typeof APP_COMMANDS)[number] => (APP_COMMANDS as readonly unknown[]).includes(p))
api.onOpenPassage = relay(
  OPEN_PASSAGE_EVENT,
  (p): p is { articleId: string; highlightId: string | null } =>
    isRecord(p) && typeof p.articleId === 'string' && (p.highlightId === null || typeof p.highlightId === 'string')
)
api.onProgress = relay(
  PROGRESS_EVENT,
  (p): p is { task: string; done: number; total: number } =>
    isRecord(p) && typeof p.task === 'string' && typeof p.done === 'number' && typeof p.total === 'number'
)

contextBridge.exposeInMainWorld('linerNotes', api)
