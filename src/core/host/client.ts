// The parent's side of the core process: sends requests and relays their results, answers the core's
// effect calls with the parent's own dialogs and browser, and passes events (progress) on. The app's main
// process uses it over an Electron utility process; the test harness and the bench over a Node child.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Result } from '../../shared/ipc/contract'
import type { FileDialogs } from '../services/exports'
import type { PassageTarget } from '../../shared/ipc/contract'
import { exitWatcher, type CoreOpenOptions, type EffectName, type FromCore, type ToCore, type Transport } from './protocol'

/** What the parent does for the core: the side effects the core cannot do itself. */
export interface ParentEffects {
  dialogs?: FileDialogs
  openExternal?: (url: string) => Promise<void>
  takePendingLink?: () => PassageTarget | null
  readyToClose?: (close: boolean) => void
  switchLibrary?: (dir: string) => void
  /** Events the core sends (progress), to pass on to the page. */
  event?: (name: string, payload: unknown) => void
}

export class CoreClient {
  private nextId = 1
  private readonly pending = new Map<number, (result: Result<unknown>) => void>()
  private readonly opened: Promise<void>
  private closing: Promise<void> | null = null
  private gone: string | null = null

  constructor(
    private readonly transport: Transport<ToCore, FromCore>,
    options: CoreOpenOptions,
    private readonly effects: ParentEffects = {}
  ) {
    let opened: () => void = () => undefined
    let failed: (error: Error) => void = () => undefined
    this.opened = new Promise<void>((resolve, reject) => {
      opened = resolve
      failed = reject
    })
    this.opened.catch(() => undefined)
    transport.onMessage((message) => {
      switch (message.type) {
        case 'opened':
          return opened()
        case 'open-failed':
          return failed(new Error(message.message))
        case 'response': {
          const settle = this.pending.get(message.id)
          this.pending.delete(message.id)
          return settle?.(message.result)
        }
        case 'event':
          return this.effects.event?.(message.name, message.payload)
        case 'effect':
          return void this.runEffect(message.id, message.name, message.args)
        case 'closed':
          return
      }
    })
    transport.onExit((code) => {
      this.gone = code === 0 ? 'The library has been closed.' : `The library’s process stopped unexpectedly (exit code ${String(code)}).`
      failed(new Error(this.gone))
      for (const settle of this.pending.values()) settle({ ok: false, error: { code: 'internal', message: this.gone } })
      this.pending.clear()
    })
    transport.send({ type: 'open', options })
  }

  /** Resolves when the library is open; rejects with the reason it could not be opened. */
  ready(): Promise<void> {
    return this.opened
  }

  /** Sends one request; the core validates it and answers with a Result, as over IPC. */
  request(channel: string, payload: unknown): Promise<Result<unknown>> {
    if (this.gone !== null) return Promise.resolve({ ok: false, error: { code: 'internal', message: this.gone } })
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      this.transport.send({ type: 'request', id, channel, payload })
    })
  }

  /** Asks the core to finish its writes and let go of the library, then waits for the process to end. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.gone !== null) return resolve()
      const timer = setTimeout(() => {
        this.transport.kill()
        resolve()
      }, 30_000)
      this.transport.onExit(() => {
        clearTimeout(timer)
        resolve()
      })
      this.transport.send({ type: 'close' })
    })
    return this.closing
  }

  private async runEffect(id: number, name: EffectName, args: unknown[]): Promise<void> {
    try {
      const value = await this.perform(name, args)
      this.transport.send({ type: 'effect-result', id, ok: true, value: value ?? null })
    } catch (error) {
      this.transport.send({ type: 'effect-result', id, ok: false, value: null, message: (error as Error).message })
    }
  }

  private async perform(name: EffectName, args: unknown[]): Promise<unknown> {
    const { dialogs } = this.effects
    const arg = args[0] as never
    switch (name) {
      case 'chooseSavePath':
        return dialogs ? dialogs.chooseSavePath(arg) : unavailable()
      case 'chooseOpenPath':
        return dialogs ? dialogs.chooseOpenPath(arg) : unavailable()
      case 'chooseFolder':
        return dialogs ? dialogs.chooseFolder(arg) : unavailable()
      case 'chooseOpenPaths':
        return dialogs?.chooseOpenPaths ? dialogs.chooseOpenPaths(arg) : unavailable()
      case 'openExternal':
        if (!this.effects.openExternal) throw new Error('There is no browser here to open links in.')
        return this.effects.openExternal(arg)
      case 'takePendingLink':
        return this.effects.takePendingLink?.() ?? null
      case 'readyToClose':
        return this.effects.readyToClose?.(arg)
      case 'switchLibrary':
        return this.effects.switchLibrary?.(arg)
    }
  }
}

function unavailable(): never {
  throw new Error('There is no file dialog here to choose a file.')
}

/** Where the core process's entry is: the built one beside the app's main, or the TypeScript source under tsx. */
export const CORE_SOURCE_ENTRY = fileURLToPath(new URL('./core-process.ts', import.meta.url))

/**
 * Starts the core in a Node child process (the test harness's and the bench's stand-in for Electron's
 * utility process). `entry` is a built core-process.js, or the TypeScript source, run through tsx.
 */
export function forkCore(options: CoreOpenOptions, effects: ParentEffects = {}, entry: string = CORE_SOURCE_ENTRY): CoreClient {
  const execArgv = entry.endsWith('.ts') ? ['--import', 'tsx'] : []
  const child = fork(entry, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' })
  const transport: Transport<ToCore, FromCore> = {
    send: (message) => {
      if (child.connected) child.send(message)
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromCore)),
    onExit: exitWatcher((listener) => child.on('exit', listener)),
    kill: () => child.kill('SIGKILL')
  }
  return new CoreClient(transport, options, effects)
}
