// Puts the same window.linerNotes on a Chromium page that the preload puts on Electron's: one function
// per contract channel, each answered by dispatch() over the real library services, so every request
// is validated exactly as main validates it. Menu commands are simulated with a DOM event.
import type { Page } from '@playwright/test'
import { CHANNELS, type AppCommand } from '../../src/shared/ipc/channels'
import { dispatch, type HandlerSource } from '../../src/main/ipc/dispatch'

export const APP_COMMAND_TEST_EVENT = 'liner-notes-test:app-command'

export async function bridgeApi(page: Page, source: HandlerSource): Promise<void> {
  await page.exposeFunction('__linerNotesInvoke', (channel: unknown, payload: unknown) => dispatch(source, channel, payload))
  await page.addInitScript(
    ({ channels, menuEvent }) => {
      type Invoke = (channel: string, payload: unknown) => Promise<unknown>
      const invoke = (window as unknown as { __linerNotesInvoke: Invoke }).__linerNotesInvoke
      const api: Record<string, unknown> = {}
      for (const channel of channels) api[channel] = (request: unknown) => invoke(channel, request)
      api.onAppCommand = (listener: (command: string) => void) => {
        const relay = (event: Event): void => listener((event as CustomEvent<string>).detail)
        window.addEventListener(menuEvent, relay)
        return () => window.removeEventListener(menuEvent, relay)
      }
      Object.defineProperty(window, 'linerNotes', { value: Object.freeze(api) })
    },
    { channels: [...CHANNELS], menuEvent: APP_COMMAND_TEST_EVENT }
  )
}

export async function sendAppCommand(page: Page, command: AppCommand): Promise<void> {
  await page.evaluate(([event, detail]) => window.dispatchEvent(new CustomEvent(event, { detail })), [APP_COMMAND_TEST_EVENT, command] as const)
}
