// App lifecycle: one instance, one window, the library opened once in the core process and wired to IPC.
// Everything the app does with data lives in the Electron-free core (src/core), in its own process.
import { join } from 'node:path'
import { app, BrowserWindow, shell } from 'electron'
import { resolveLibraryDir } from '../core/library/location'
import { startCore } from './core'
import type { CoreClient } from '../core/host/client'
import { EVENTS } from '../shared/ipc/channels'
import { guardClose, type CloseGuard } from './platform/close-guard'
import { fileDialogs } from './platform/dialogs'
import { parseLinerNotesUrl } from '../core/export/links'
import { linkInArgs, openPassageLink, registerProtocol } from './platform/protocol'
import { registerAppScheme, serveRenderer } from './platform/app-protocol'
import { APP_ENTRY_URL, APP_ORIGIN } from './platform/app-url'
import { registerIpc } from './platform/ipc'
import { PendingLinks } from './platform/pending-links'
import { installMenu } from './platform/menu'
import { lockDown } from './platform/security'
import { loadWindowState, trackWindowState } from './platform/window-state'

const RENDERER_DIR = join(import.meta.dirname, '../renderer')
let mainWindow: BrowserWindow | null = null
let closeGuard: CloseGuard | null = null
/** liner-notes:// links that arrive before the page can show them (pending-links.ts). */
const links = new PendingLinks()
/** Until the library is open there is nothing the page could save on close. */
let libraryOpen = false

// The page's own scheme must be known before the app is ready (app-protocol.ts).
registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // A link the app is started with, or one handed over (by macOS, or by a second instance) before the page
  // is ready, waits until the page asks for it with app:take-pending-link, which it does once it can show
  // a passage. A second instance started before this one's window exists keeps its link that way too.
  const startLink = linkInArgs(process.argv)
  if (startLink) links.receive(startLink)
  const received = (url: string): void => {
    const now = links.receive(url)
    if (now) openPassageLink(mainWindow, now)
  }
  app.on('second-instance', (_event, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
    const link = linkInArgs(argv)
    if (link) received(link)
  })
  app.on('open-url', (event, url) => {
    event.preventDefault()
    received(url)
  })
  void app.whenReady().then(start)
}

async function start(): Promise<void> {
  const devServerUrl = process.env.ELECTRON_RENDERER_URL
  lockDown(devServerUrl)
  serveRenderer(RENDERER_DIR)
  registerProtocol()
  const libraryDir = resolveLibraryDir(process.argv, process.env, join(app.getPath('userData'), 'library'))
  const core = startCore(
    { libraryDir, archiveDir: join(app.getAppPath(), 'archive'), appVersion: app.getVersion(), holder: 'Liner Notes' },
    {
      openExternal: (url) => shell.openExternal(url),
      readyToClose: (close) => closeGuard?.answer(close),
      dialogs: fileDialogs(() => mainWindow),
      // Only the contract's events reach the page (the preload checks their payloads again).
      event: (name, payload) => {
        if ((EVENTS as readonly string[]).includes(name)) mainWindow?.webContents.send(name, payload)
      },
      switchLibrary: (dir) => relaunchOn(dir),
      takePendingLink: () => {
        const link = links.take()
        return link ? parseLinerNotesUrl(link) : null
      }
    }
  )
  core.ready().then(
    () => (libraryOpen = true),
    () => undefined // the error is shown by the page, through the first request it makes
  )
  registerIpc(core, devServerUrl ? [APP_ORIGIN, devServerUrl] : [APP_ORIGIN])
  flushOnQuit(core)
  installMenu(() => mainWindow, libraryDir)
  await createWindow(devServerUrl)
  app.on('window-all-closed', () => app.quit())
}

async function createWindow(devServerUrl: string | undefined): Promise<void> {
  const state = await loadWindowState()
  mainWindow = new BrowserWindow({
    width: state?.width ?? 1200,
    height: state?.height ?? 820,
    ...(state ? { x: state.x, y: state.y } : {}),
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Liner Notes',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  if (state?.maximized) mainWindow.maximize()
  trackWindowState(mainWindow)
  closeGuard = guardClose(() => mainWindow, () => libraryOpen)
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => {
    mainWindow = null
    links.pageGone()
  })
  // A reloaded page has not subscribed to links yet: keep them until it asks again.
  mainWindow.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) links.pageGone()
  })
  if (devServerUrl) await mainWindow.loadURL(devServerUrl)
  else await mainWindow.loadURL(APP_ENTRY_URL)
}

/** Starts the app again on another library folder (a restored backup), after pending writes finish. */
function relaunchOn(dir: string): void {
  const args = process.argv.slice(1).filter((arg, i, all) => arg !== '--library' && all[i - 1] !== '--library' && !arg.startsWith('--library='))
  app.relaunch({ args: [...args, '--library', dir] })
  app.quit()
}

/** An edit made just before quitting is on disk after the quit: hold the quit until the core has closed. */
function flushOnQuit(core: CoreClient): void {
  let flushed = false
  app.on('before-quit', (event) => {
    if (flushed) return
    event.preventDefault()
    void core
      .close()
      .catch(() => undefined)
      .finally(() => {
        flushed = true
        app.quit()
      })
  })
}
