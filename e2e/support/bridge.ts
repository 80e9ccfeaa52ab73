// Puts the same window.linerNotes on a Chromium page that the preload puts on Electron's: one function
// per contract channel, each relayed to the real core process (as main relays it), which validates every
// request where it enters the core. Events main would send (app commands, passage links,
// progress) are delivered as DOM events, and only when their payload passes the contract's schema, as
// the preload passes on only payloads its guards accept.
import type { Page } from '@playwright/test'
import {
  API_EVENTS,
  APP_COMMAND_EVENT,
  CHANNELS,
  EVENT_OF_API,
  OPEN_PASSAGE_EVENT,
  PROGRESS_EVENT,
  type AppCommand,
  type EventName
} from '../../src/shared/ipc/channels'
import { events, type PassageTarget, type Progress } from '../../src/shared/ipc/contract'
import type { Result } from '../../src/shared/ipc/contract'

/** Sends one request to the core process, as main's IPC relay does. */
export type Invoke = (channel: string, payload: unknown) => Promise<Result<unknown>>

const EVENT_PREFIX = 'liner-notes-test:'
/** The key that marks a Uint32Array in an answer's JSON text. */
const TYPED_MARK = '__linerNotesUint32Array'

export async function bridgeApi(page: Page, invoke: Invoke): Promise<void> {
  // Answers cross as JSON text: Playwright hands a value back to the page through a protocol that gives
  // up on one nested about 200 levels deep (a note at the nesting limit), where Electron's structured
  // clone has no such limit. A Uint32Array (the analysis matrix's counts) is marked so the page gets one
  // back, as structured clone gives it. The requests themselves cross as values.
  await page.exposeFunction('__linerNotesInvoke', async (channel: unknown, payload: unknown) =>
    JSON.stringify(await invoke(String(channel), payload), (_key, value: unknown) => (value instanceof Uint32Array ? { [TYPED_MARK]: [...value] } : value))
  )
  await page.addInitScript(
    ({ channels, subscriptions, prefix, typedMark }) => {
      type Invoke = (channel: string, payload: unknown) => Promise<unknown>
      const invoke = (window as unknown as { __linerNotesInvoke: Invoke }).__linerNotesInvoke
      const api: Record<string, unknown> = {}
      const revive = (_key: string, value: unknown): unknown => {
        const marked = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[typedMark] : undefined
        return Array.isArray(marked) ? Uint32Array.from(marked as number[]) : value
      }
      for (const channel of channels) api[channel] = async (request: unknown) => JSON.parse((await invoke(channel, request)) as string, revive) as unknown
      const subscribe = (name: string) => (listener: (payload: unknown) => void) => {
        const relay = (event: Event): void => listener((event as CustomEvent<unknown>).detail)
        window.addEventListener(prefix + name, relay)
        return () => window.removeEventListener(prefix + name, relay)
      }
      for (const [method, event] of subscriptions) api[method] = subscribe(event)
      // A page's File has no place on disk; Electron's webUtils answers '' for such a file too.
      api.pathForFile = () => ''
      Object.defineProperty(window, 'linerNotes', { value: Object.freeze(api) })
    },
    { channels: [...CHANNELS], subscriptions: API_EVENTS.map((method) => [method, EVENT_OF_API[method]] as const), prefix: EVENT_PREFIX, typedMark: TYPED_MARK }
  )
}

/**
 * Sends an event to the page as main's webContents.send would. A payload the contract's schema refuses
 * never reaches the page, as the preload's guards would drop it.
 */
export async function sendEvent(page: Page, event: EventName, payload: unknown): Promise<void> {
  if (!events[event].safeParse(payload).success) return
  await page.evaluate(([name, detail]) => window.dispatchEvent(new CustomEvent(name, { detail })), [EVENT_PREFIX + event, payload] as const)
}

export const sendAppCommand = (page: Page, command: AppCommand): Promise<void> => sendEvent(page, APP_COMMAND_EVENT, command)
export const sendOpenPassage = (page: Page, target: PassageTarget): Promise<void> => sendEvent(page, OPEN_PASSAGE_EVENT, target)
export const sendProgress = (page: Page, progress: Progress): Promise<void> => sendEvent(page, PROGRESS_EVENT, progress)
