// The system's file dialogs, handed to the export services as plain functions so the domain never
// imports electron. Each resolves to the chosen path, or null when the user cancels.
import { join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import type { FileDialogs } from '../../core/services/exports'

export function fileDialogs(getWindow: () => BrowserWindow | null): FileDialogs {
  const parent = (): BrowserWindow | undefined => getWindow() ?? undefined
  return {
    async chooseSavePath({ title, suggestedName, filters }) {
      const options = { title, defaultPath: join(app.getPath('documents'), suggestedName), filters }
      const window = parent()
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseOpenPath({ title, filters }) {
      const options = { title, filters, properties: ['openFile' as const] }
      const window = parent()
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseOpenPaths({ title, filters }) {
      const options = { title, filters, properties: ['openFile' as const, 'multiSelections' as const] }
      const window = parent()
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
    },
    async chooseFolder({ title }) {
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] }
      const window = parent()
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    }
  }
}
