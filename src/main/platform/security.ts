// The renderer is a sandboxed page with no way out: no navigation, no new windows, no permissions, and
// no network request of any kind (only the app's own files, or the dev server while developing).
import { sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, session } from 'electron'

/** `rendererDir` is the built page's folder: the only files the page may load. */
export function lockDown(devServerUrl: string | undefined, rendererDir: string): void {
  const ownFiles = pathToFileURL(rendererDir + sep).href
  const allowed = (url: string): boolean =>
    url.startsWith(ownFiles) || url.startsWith('devtools://') || (devServerUrl !== undefined && url.startsWith(devServerUrl))

  session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowed(details.url) }))
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}
