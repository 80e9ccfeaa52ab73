// Starts the core (library, services, exports) in an Electron utility process, so the window and the
// menus never wait on a long export or a large library; main relays requests to it (platform/ipc.ts).
import { join } from 'node:path'
import { utilityProcess } from 'electron'
import { CoreClient, type ParentEffects } from '../core/host/client'
import type { CoreOpenOptions, FromCore, ToCore, Transport } from '../core/host/protocol'

export function startCore(options: CoreOpenOptions, effects: ParentEffects): CoreClient {
  const child = utilityProcess.fork(join(import.meta.dirname, 'core.js'), [], { serviceName: 'Liner Notes library', stdio: 'inherit' })
  const exitListeners: ((code: number | null) => void)[] = []
  let exited: number | null | undefined
  child.on('exit', (code) => {
    exited = code
    for (const listener of exitListeners) listener(code)
  })
  const transport: Transport<ToCore, FromCore> = {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: FromCore) => listener(message)),
    onExit: (listener) => {
      if (exited !== undefined) listener(exited)
      else exitListeners.push(listener)
    },
    kill: () => void child.kill()
  }
  return new CoreClient(transport, options, effects)
}
