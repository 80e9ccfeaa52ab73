// Puts the same window.linerNotes on a Chromium page that the preload puts on Electron's: one function
// per contract channel, each answered by dispatch() over the real library services, so every request
// is validated exactly as main validates it. Events main would send (app commands, passage links,
// progress) are delivered as DOM events.
import type { Page } from '@playwright/test'
import { APP_COMMAND_EVENT, CHANNELS, OPEN_PASSAGE_EVENT, PROGRESS_EVENT, type AppCommand } from '../../src/shared/ipc/channels'
import type { PassageTarget, Progress } from '../../src/shared/ipc/contract'
import { dispatch, type HandlerSource } from '../../src/core/ipc/dispatch'

const EVENT_PREFIX = 'liner-notes-test:'

export async function bridgeApi(page: Page, source: HandlerSource): Promise<void> {
  await page.exposeFunction('__linerNotesInvoke', (channel: unknown, payload: unknown) => dispatch(source, channel, payload))
  await page.addInitScript(
    ({ channels, events, prefix }) => {
      type Invoke = (channel: string, payload: unknown) => Promise<unknown>
      const invoke = (window as unknown as { __linerNotesInvoke: Invoke }).__linerNotesInvoke
      const api: Record<string, unknown> = {}
      for (const channel of channels) api[channel] = (request: unknown) => invoke(channel, request)
      const subscribe = (name: string) => (listener: (payload: unknown) => void) => {
        const relay = (event: Event): void => listener((event as CustomEvent<unknown>).detail)
        window.addEventListener(prefix + name, relay)
        return () => window.removeEventListener(prefix + name, relay)
      }
      api.onAppCommand = subscribe(events.command)
      api.onOpenPassage = subscribe(events.passage)
      api.onProgress = subscribe(events.progress)
      Object.defineProperty(window, 'linerNotes', { value: Object.freeze(api) })
    },
    { channels: [...CHANNELS], events: { command: APP_COMMAND_EVENT, passage: OPEN_PASSAGE_EVENT, progress: PROGRESS_EVENT }, prefix: EVENT_PREFIX }
  )
}

/** Sends an event to the page as main's webContents.send would. */
export async function sendEvent(page: Page, event: string, payload: unknown): Promise<void> {
  await page.evaluate(([name, detail]) => window.dispatchEvent(new CustomEvent(name, { detail })), [EVENT_PREFIX + event, payload] as const)
}

export const sendAppCommand = (page: Page, command: AppCommand): Promise<void> => sendEvent(page, APP_COMMAND_EVENT, command)
export const sendOpenPassage = (page: Page, target: PassageTarget): Promise<void> => sendEvent(page, OPEN_PASSAGE_EVENT, target)
export const sendProgress = (page: Page, progress: Progress): Promise<void> => sendEvent(page, PROGRESS_EVENT, progress)
