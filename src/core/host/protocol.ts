// The messages between the app's main process (or a test harness, or the bench) and the core process that
// owns the library. Requests and their results cross as they would over IPC; the few things only the
// parent can do (show a file dialog, open a link in the browser, hand over a start-up link, let a window
// close, restart on another library) go back to it as effect calls, answered by id.
import type { Result } from '../../shared/ipc/contract'

export interface CoreOpenOptions {
  libraryDir: string
  archiveDir: string
  appVersion?: string
  /** Named in the sentence a second writer reads: "This library is open in Liner Notes (process …)". */
  holder?: string
}

export type EffectName =
  | 'chooseSavePath'
  | 'chooseOpenPath'
  | 'chooseFolder'
  | 'chooseOpenPaths'
  | 'openExternal'
  | 'takePendingLink'
  | 'readyToClose'
  | 'switchLibrary'

export type ToCore =
  | { type: 'open'; options: CoreOpenOptions }
  | { type: 'request'; id: number; channel: string; payload: unknown }
  | { type: 'effect-result'; id: number; ok: boolean; value: unknown; message?: string }
  | { type: 'close' }

export type FromCore =
  | { type: 'opened' }
  | { type: 'open-failed'; message: string }
  | { type: 'response'; id: number; result: Result<unknown> }
  | { type: 'event'; name: string; payload: unknown }
  | { type: 'effect'; id: number; name: EffectName; args: unknown[] }
  | { type: 'closed' }

type ExitListener = (code: number | null) => void

/** Remembers how a process ended, so a listener added afterwards still hears it (Transport.onExit). */
export function exitWatcher(subscribe: (listener: ExitListener) => void): (listener: ExitListener) => void {
  const listeners: ExitListener[] = []
  let exited: number | null | undefined
  subscribe((code) => {
    exited = code
    for (const listener of listeners) listener(code)
  })
  return (listener) => {
    if (exited !== undefined) listener(exited)
    else listeners.push(listener)
  }
}

/** How messages travel: a child process's IPC channel, or Electron's utility-process port. */
export interface Transport<Out, In> {
  send(message: Out): void
  onMessage(listener: (message: In) => void): void
  /** Called once if the other side goes away (exits, crashes). */
  onExit(listener: (code: number | null) => void): void
  kill(): void
}
