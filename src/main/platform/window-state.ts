// Remembers the main window's size and position between runs, in the app's own data folder (not the
// library, which may be shared between machines with other screens).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, screen, type BrowserWindow, type Rectangle } from 'electron'
import { z } from 'zod'
import { atomicWriteFile } from '../../core/library/atomic-file'

const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean()
})
type WindowState = z.infer<typeof WindowState>

const statePath = (): string => join(app.getPath('userData'), 'window-state.json')

export async function loadWindowState(): Promise<WindowState | null> {
  try {
    const state = WindowState.parse(JSON.parse(await readFile(statePath(), 'utf8')))
    return isOnSomeDisplay(state) ? state : null
  } catch {
    return null
  }
}

function isOnSomeDisplay(bounds: Rectangle): boolean {
  const area = screen.getDisplayMatching(bounds).workArea
  return bounds.x < area.x + area.width && bounds.x + bounds.width > area.x && bounds.y < area.y + area.height && bounds.y + bounds.height > area.y
}

export function trackWindowState(window: BrowserWindow): void {
  let timer: NodeJS.Timeout | undefined
  const save = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (window.isDestroyed()) return
      const state: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() }
      void atomicWriteFile(statePath(), JSON.stringify(state)).catch(() => undefined)
    }, 400)
  }
  window.on('resize', save)
  window.on('move', save)
  window.on('close', () => {
    clearTimeout(timer)
    const state: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() }
    void atomicWriteFile(statePath(), JSON.stringify(state)).catch(() => undefined)
  })
}
