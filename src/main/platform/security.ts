// The renderer is a sandboxed page with no way out: no navigation, no new windows, no permissions, and
// no network request of any kind (only the app's own files over app://, or the dev server while
// developing; file:// URLs are refused, the page included).
import { app, session } from 'electron'
import { APP_ORIGIN } from './app-url'

export function lockDown(devServerUrl: string | undefined): void {
  const allowed = (url: string): boolean =>
    url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('devtools://') || (devServerUrl !== undefined && url.startsWith(devServerUrl))

  session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowed(details.url) }))
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}
