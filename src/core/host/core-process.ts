// The core process: owns the open library and answers requests, so a long export, import or index build
// never holds up the window or the menus. Started by the app as an Electron utility process, and by the
// test harness and the bench as a plain Node child process; it speaks the protocol in protocol.ts either way.
import { dispatch } from '../ipc/dispatch'
import { openLibraryServices, type LibraryServices, type SideEffects } from '../services'
import type { PassageTarget } from '../../shared/ipc/contract'
import { LIBRARY_CHANGED_EVENT, PROGRESS_EVENT } from '../../shared/ipc/channels'
import type { EffectName, FromCore, ToCore } from './protocol'
import { sourceWorkerEntry, type WorkerEntry } from '../import/isolated-extract'
import { fileURLToPath } from 'node:url'

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort

function send(message: FromCore): void {
  if (parentPort) parentPort.postMessage(message)
  else process.send?.(message)
}

function onMessage(listener: (message: ToCore) => void): void {
  if (parentPort) parentPort.on('message', (event) => listener(event.data as ToCore))
  else process.on('message', (message) => listener(message as ToCore))
}

const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
let nextEffect = 1

/** Asks the parent to do what only it can, and waits for its answer. */
function effect<T>(name: EffectName, ...args: unknown[]): Promise<T> {
  const id = nextEffect++
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject })
    send({ type: 'effect', id, name, args })
  })
}

const effects: SideEffects = {
  dialogs: {
    chooseSavePath: (request) => effect<string | null>('chooseSavePath', request),
    chooseOpenPath: (request) => effect<string | null>('chooseOpenPath', request),
    chooseFolder: (request) => effect<string | null>('chooseFolder', request),
    chooseOpenPaths: (request) => effect<string[] | null>('chooseOpenPaths', request)
  },
  openExternal: (url) => effect<void>('openExternal', url),
  takePendingLink: () => effect<PassageTarget | null>('takePendingLink'),
  readyToClose: (close) => void effect('readyToClose', close).catch(() => undefined),
  switchLibrary: (dir) => void effect('switchLibrary', dir).catch(() => undefined),
  progress: (progress) => send({ type: 'event', name: PROGRESS_EVENT, payload: progress }),
  libraryChanged: (kinds) => send({ type: 'event', name: LIBRARY_CHANGED_EVENT, payload: { kinds } })
}

/** Imported files are read in a worker beside this script: the built extract-worker.js, or the source under tsx. */
const extractWorker: WorkerEntry = import.meta.url.endsWith('.ts')
  ? sourceWorkerEntry()
  : { file: fileURLToPath(new URL('./extract-worker.js', import.meta.url)) }

let opening: Promise<LibraryServices> | null = null
const inFlight = new Set<Promise<void>>()

onMessage((message) => {
  switch (message.type) {
    case 'open': {
      const { libraryDir, archiveDir, appVersion, holder } = message.options
      opening = openLibraryServices(libraryDir, { archiveDir, holder, extractWorker, searchAtOpen: true }, { ...effects, appVersion })
      opening.then(
        () => send({ type: 'opened' }),
        (error: Error) => send({ type: 'open-failed', message: error.message })
      )
      return
    }
    case 'request': {
      const source = () => {
        if (!opening) return Promise.reject(new Error('The library has not been opened yet.'))
        return opening.then((services) => services.handlers)
      }
      const answer = dispatch(source, message.channel, message.payload).then((result) => send({ type: 'response', id: message.id, result }))
      inFlight.add(answer)
      void answer.finally(() => inFlight.delete(answer))
      return
    }
    case 'effect-result': {
      const pending = waiting.get(message.id)
      waiting.delete(message.id)
      if (!pending) return
      if (message.ok) pending.resolve(message.value)
      else pending.reject(new Error(message.message ?? 'The app could not do that.'))
      return
    }
    case 'close': {
      // Requests already sent are answered (and their writes made) before the library is let go.
      const closing = Promise.allSettled([...inFlight]).then(() => (opening ? opening.then((services) => services.close()) : undefined))
      void closing
        .catch(() => undefined)
        .finally(() => {
          send({ type: 'closed' })
          // Let the message go out before the process ends.
          setTimeout(() => process.exit(0), 20)
        })
      return
    }
  }
})
