// Starts the core (library, services, exports) in an Electron utility process, so the window and the
// menus never wait on a long export or a large library; main relays requests to it (platform/ipc.ts).
import { join } from 'node:path'
import { utilityProcess } from 'electron'
import { CoreClient, type ParentEffects } from '../core/host/client'
import { exitWatcher, type CoreOpenOptions, type FromCore, type ToCore, type Transport } from '../core/host/protocol'

export function startCore(options: CoreOpenOptions, effects: ParentEffects): CoreClient {
  const child = utilityProcess.fork(join(import.meta.dirname, 'core.js'), [], { serviceName: 'Liner Notes library', stdio: 'inherit' })
  const transport: Transport<ToCore, FromCore> = {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: FromCore) => listener(message)),
    onExit: exitWatcher((listener) => child.on('exit', listener)),
    kill: () => void child.kill()
  }
  return new CoreClient(transport, options, effects)
}
