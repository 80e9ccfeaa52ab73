// The preload's hand-written event guards and the contract's zod schemas must agree on every payload:
// the page gets from Electron exactly what the end-to-end bridge (which checks with zod) lets through.
import { describe, expect, it } from 'vitest'
import { APP_COMMAND_EVENT, EVENTS, OPEN_PASSAGE_EVENT, PROGRESS_EVENT, type EventName } from '../shared/ipc/channels'
import { events } from '../shared/ipc/contract'
import { EVENT_GUARDS } from './event-guards'

const cases: [EventName, unknown, boolean][] = [
  [APP_COMMAND_EVENT, 'export', true],
  [APP_COMMAND_EVENT, 'prepare-to-close', true],
  [APP_COMMAND_EVENT, 'text-smaller', true],
  [APP_COMMAND_EVENT, 'Export', false],
  [APP_COMMAND_EVENT, 'quit', false],
  [APP_COMMAND_EVENT, '', false],
  [APP_COMMAND_EVENT, ['export'], false],
  [APP_COMMAND_EVENT, { command: 'export' }, false],
  [APP_COMMAND_EVENT, null, false],
  [APP_COMMAND_EVENT, undefined, false],
  [OPEN_PASSAGE_EVENT, { articleId: 'a-1', highlightId: 'hl-1' }, true],
  [OPEN_PASSAGE_EVENT, { articleId: 'a-1', highlightId: null }, true],
  [OPEN_PASSAGE_EVENT, { articleId: 'a-1' }, false],
  [OPEN_PASSAGE_EVENT, { articleId: '', highlightId: null }, false],
  [OPEN_PASSAGE_EVENT, { articleId: 'a-1', highlightId: '' }, false],
  [OPEN_PASSAGE_EVENT, { articleId: 7, highlightId: null }, false],
  [OPEN_PASSAGE_EVENT, { articleId: 'a-1', highlightId: 7 }, false],
  [OPEN_PASSAGE_EVENT, { articleId: 'a-1', highlightId: null, extra: true }, false],
  [OPEN_PASSAGE_EVENT, ['a-1', null], false],
  [OPEN_PASSAGE_EVENT, 'a-1', false],
  [OPEN_PASSAGE_EVENT, null, false],
  [PROGRESS_EVENT, { task: 'Writing files', done: 0, total: 12 }, true],
  [PROGRESS_EVENT, { task: '', done: 12, total: 12 }, true],
  [PROGRESS_EVENT, { task: 'Writing files', done: 1.5, total: 12 }, false],
  [PROGRESS_EVENT, { task: 'Writing files', done: -1, total: 12 }, false],
  [PROGRESS_EVENT, { task: 'Writing files', done: Number.NaN, total: 12 }, false],
  [PROGRESS_EVENT, { task: 'Writing files', done: 1, total: Number.POSITIVE_INFINITY }, false],
  [PROGRESS_EVENT, { task: 'Writing files', done: '1', total: 12 }, false],
  [PROGRESS_EVENT, { task: null, done: 1, total: 12 }, false],
  [PROGRESS_EVENT, { task: 'Writing files', done: 1 }, false],
  [PROGRESS_EVENT, { task: 'Writing files', done: 1, total: 12, eta: 3 }, false],
  [PROGRESS_EVENT, [], false],
  [PROGRESS_EVENT, 42, false]
]

describe('preload event guards', () => {
  it.each(cases)('%s %j: accepted %s by guard and schema alike', (event, payload, accepted) => {
    expect(EVENT_GUARDS[event](payload)).toBe(accepted)
    expect(events[event].safeParse(payload).success).toBe(accepted)
  })

  it('has a guard for every event', () => {
    expect(Object.keys(EVENT_GUARDS).sort()).toEqual([...EVENTS].sort())
  })
})
