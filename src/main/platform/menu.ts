// The application menu. Commands that belong to the page are sent to it as menu events.
import { Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { APP_COMMAND_EVENT, type AppCommand } from '../../shared/ipc/channels'

export function installMenu(getWindow: () => BrowserWindow | null, libraryDir: string): void {
  const send = (command: AppCommand) => () => getWindow()?.webContents.send(APP_COMMAND_EVENT, command)
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: send('import') },
        { label: 'New Article from Clipboard', accelerator: 'CmdOrCtrl+Alt+V', click: send('paste-article') },
        { label: 'Import Annotations…', click: send('import-annotations') },
        { type: 'separator' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { label: 'Back Up Library…', click: send('backup') },
        { label: 'Restore from Backup…', click: send('restore') },
        { type: 'separator' },
        { label: 'Show Library Folder', click: () => void shell.openPath(libraryDir) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Library', accelerator: 'CmdOrCtrl+L', click: send('show-library') },
        { type: 'separator' },
        { label: 'Larger Text', accelerator: 'CmdOrCtrl+=', click: send('text-larger') },
        { label: 'Smaller Text', accelerator: 'CmdOrCtrl+-', click: send('text-smaller') },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(process.env.ELECTRON_RENDERER_URL ? [{ role: 'toggleDevTools' as const }] : [])
      ]
    },
    {
      label: 'Go',
      submenu: [
        { label: 'Previous Article', accelerator: 'CmdOrCtrl+[', click: send('previous-article') },
        { label: 'Next Article', accelerator: 'CmdOrCtrl+]', click: send('next-article') }
      ]
    },
    { role: 'windowMenu' }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
