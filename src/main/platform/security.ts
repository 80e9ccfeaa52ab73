// The renderer is a sandboxed page with no way out: no navigation, no new windows, no permissions, and
// no network request of any kind (only the app's own files, or the dev server while developing).
import { app, session } from 'electron'

export function lockDown(devServerUrl: string | undefined): void {
  const allowed = (url: string): boolean =>
    url.startsWith('file://') || url.startsWith('devtools://') || (devServerUrl !== undefined && url.startsWith(devServerUrl))

  session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowed(details.url) }))
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}
