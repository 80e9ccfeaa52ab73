// Hand-written checks of the events main sends, for the sandboxed preload, which is bundled without zod.
// They must accept exactly what the contract's event schemas accept (src/shared/ipc/app.ts);
// event-guards.test.ts runs both over the same payloads.
import { APP_COMMANDS, APP_COMMAND_EVENT, CHANGE_KINDS, LIBRARY_CHANGED_EVENT, OPEN_PASSAGE_EVENT, PROGRESS_EVENT, type AppCommand, type EventName } from '../shared/ipc/channels'
import type { LibraryChanged, PassageTarget, Progress } from '../shared/ipc/contract'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
/** The schemas are strict: a payload with keys besides these is refused. */
const hasOnlyKeys = (value: Record<string, unknown>, keys: readonly string[]): boolean => Object.keys(value).every((key) => keys.includes(key))
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== ''
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0

export function isAppCommand(payload: unknown): payload is AppCommand {
  return (APP_COMMANDS as readonly unknown[]).includes(payload)
}

export function isPassageTarget(payload: unknown): payload is PassageTarget {
  return (
    isRecord(payload) &&
    hasOnlyKeys(payload, ['articleId', 'highlightId']) &&
    isNonEmptyString(payload.articleId) &&
    (payload.highlightId === null || isNonEmptyString(payload.highlightId))
  )
}

export function isProgress(payload: unknown): payload is Progress {
  return (
    isRecord(payload) &&
    hasOnlyKeys(payload, ['task', 'done', 'total']) &&
    typeof payload.task === 'string' &&
    isCount(payload.done) &&
    isCount(payload.total)
  )
}

export function isLibraryChanged(payload: unknown): payload is LibraryChanged {
  return (
    isRecord(payload) &&
    hasOnlyKeys(payload, ['kinds']) &&
    Array.isArray(payload.kinds) &&
    payload.kinds.length >= 1 &&
    payload.kinds.length <= CHANGE_KINDS.length &&
    payload.kinds.every((kind) => (CHANGE_KINDS as readonly unknown[]).includes(kind))
  )
}

/** The guard for each event, keyed like the contract's `events`. */
export const EVENT_GUARDS = {
  [APP_COMMAND_EVENT]: isAppCommand,
  [OPEN_PASSAGE_EVENT]: isPassageTarget,
  [PROGRESS_EVENT]: isProgress,
  [LIBRARY_CHANGED_EVENT]: isLibraryChanged
} satisfies Record<EventName, (payload: unknown) => boolean>
