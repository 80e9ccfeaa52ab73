// Malformed requests over every channel, generated from a fixed seed: wrong types, huge strings, deep
// nesting, `__proto__` keys, out-of-range offsets, ids of nothing, theme cycles. Each must be refused with
// a sentence a person can read (never "internal"), nothing may leak onto Object.prototype, and the
// library's files must be byte for byte what they were before the first request.
import { describe, expect, it, vi } from 'vitest'
import { CHANNELS, type Channel } from '../../shared/ipc/channels'
import type { ApiError } from '../../shared/ipc/contract'
import type { OpenExternal } from '../services/links'
import { withTempDir } from '../library/test-support'
import { COLLIDER, openTestClient, type TestClient } from '../services/test-client'

const SEED = 0x11ae5
/** At least this many requests, spread over every channel. */
const REQUESTS = 2_400

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function deep(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value }
  return value
}

/** A document nested past any limit, as the editor's JSON would be. */
function deepDoc(depth: number): unknown {
  let node: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] }
  for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] }
  return { type: 'doc', content: [node] }
}

/** Objects whose own keys try to reach the prototype, as JSON.parse (and structured clone) make them. */
const PROTO_KEYS = [
  () => JSON.parse('{"__proto__": {"polluted": "yes"}}') as object,
  () => ({ constructor: { prototype: { polluted: 'yes' } } }),
  () => JSON.parse('{"prototype": {"polluted": "yes"}}') as object
]

interface Ids {
  article: string
  highlight: string
  note: string
  parent: string
  child: string
  textLength: number
}

/** A request each channel would accept as it is; never sent unchanged, only mutated into malformed ones. */
function bases(ids: Ids): Partial<Record<Channel, Record<string, unknown>>> {
  const quote = { highlightId: ids.highlight, articleId: ids.article, quote: 'q', articleTitle: 't', outlet: 'o', date: '' }
  return {
    'articles:get': { id: ids.article },
    'articles:update-meta': { id: ids.article, patch: { title: 'x' } },
    'articles:correct-text': { id: ids.article, text: 'A corrected text.' },
    'articles:set-memo': { id: ids.article, memo: { type: 'doc', content: [{ type: 'paragraph' }] } },
    'articles:trash': { ids: [ids.article] },
    'articles:reextract': { id: ids.article },
    'highlights:create': { articleId: ids.article, start: 0, end: 5 },
    'highlights:update': { id: ids.highlight, color: 'green', themeIds: [ids.parent] },
    'highlights:delete': { id: ids.highlight },
    'highlights:reattach': { id: ids.highlight, start: 0, end: 5 },
    'highlights:bulk-themes': { ids: [ids.highlight], add: [ids.parent] },
    'highlights:by-theme': { themeId: ids.parent, includeChildren: true, offset: 0, limit: 10 },
    'highlights:context': { id: ids.highlight, chars: 40 },
    'highlights:set-note': { id: ids.highlight, note: { type: 'doc', content: [{ type: 'highlightQuote', attrs: quote }] } },
    'highlights:search': { query: 'x', limit: 5 },
    'notes:get': { id: ids.note },
    'notes:create': { title: 'x', doc: { type: 'doc', content: [{ type: 'paragraph' }] } },
    'notes:update': { id: ids.note, title: 'x' },
    'notes:delete': { id: ids.note },
    'themes:create': { name: 'x', color: '#aabbcc', parentId: ids.parent },
    'themes:update': { id: ids.child, name: 'y', description: 'd' },
    'themes:merge': { sourceId: ids.child, targetId: ids.parent },
    'themes:delete': { id: ids.child },
    'preferences:update': { textSize: 20, appearance: 'dark' },
    'links:open': { url: 'https://example.org/' },
    'app:ready-to-close': { close: true },
    'annotations:import': { json: '{"type": "Annotation"}', articleId: ids.article }
  }
}

/** Fields that name a record: a well-formed id of nothing there must be refused as not found. */
const TARGETS: Partial<Record<Channel, string[]>> = {
  'articles:get': ['id'],
  'articles:update-meta': ['id'],
  'articles:correct-text': ['id'],
  'articles:set-memo': ['id'],
  'articles:reextract': ['id'],
  'highlights:create': ['articleId'],
  'highlights:update': ['id'],
  'highlights:delete': ['id'],
  'highlights:reattach': ['id'],
  'highlights:context': ['id'],
  'highlights:set-note': ['id'],
  'notes:get': ['id'],
  'notes:update': ['id'],
  'notes:delete': ['id'],
  'themes:create': ['parentId'],
  'themes:update': ['id'],
  'themes:merge': ['sourceId', 'targetId'],
  'themes:delete': ['id']
}

/** Values of another type than `value`, each one the field cannot take. */
function wrongTypes(value: unknown, next: () => number): unknown[] {
  const huge = 'x'.repeat(1_000_000 + Math.floor(next() * 1000))
  const nested = deep(5_000, 'x', next() < 0.5)
  if (typeof value === 'string') return [42, true, {}, [], [value], nested, PROTO_KEYS[0]!()]
  if (typeof value === 'number') return [String(value), true, {}, [value], -1, value + 0.5, Number.NaN, Number.POSITIVE_INFINITY, -Number.MAX_VALUE, huge]
  if (typeof value === 'boolean') return ['true', 1, {}, [value], huge]
  if (Array.isArray(value)) return [huge, 7, {}, [7], [''], [huge], nested, PROTO_KEYS[1]!()]
  return [huge, 7, [], nested, deepDoc(2_000), { ...(value as object), ...PROTO_KEYS[0]!(), zzz: 1 }]
}

/** Every generic malformation: payloads no channel's schema takes (they all take objects). */
function generic(next: () => number): unknown[] {
  return [
    0,
    -1,
    Number.NaN,
    'x'.repeat(2_000_000),
    '',
    true,
    [],
    [{}],
    deep(10_000, {}, true),
    deep(10_000, 1, false),
    { ...PROTO_KEYS[Math.floor(next() * PROTO_KEYS.length)]!(), [`junk${Math.floor(next() * 1e6)}`]: 'x' },
    { ['x'.repeat(100_000)]: 1 }
  ]
}

/** Requests that are well-formed but mean something impossible. */
function semantic(ids: Ids): [Channel, unknown][] {
  const past = ids.textLength
  return [
    ['highlights:create', { articleId: ids.article, start: past + 10, end: past + 20 }],
    ['highlights:create', { articleId: ids.article, start: 50, end: 40 }],
    ['highlights:create', { articleId: ids.article, start: 5, end: 5 }],
    ['highlights:create', { articleId: ids.article, start: 0, end: 2 ** 53 - 1 }],
    ['highlights:create', { articleId: ids.article, start: 0, end: 5, exact: 'not these words' }],
    ['highlights:create', { articleId: ids.article, start: 0, end: 5, themeIds: ['nothing-there'] }],
    ['highlights:reattach', { id: ids.highlight, start: past, end: past + 1 }],
    ['highlights:reattach', { id: ids.highlight, start: 9, end: 3 }],
    ['highlights:update', { id: ids.highlight, themeIds: ['nothing-there'] }],
    ['highlights:bulk-themes', { ids: [ids.highlight], add: ['nothing-there'] }],
    ['highlights:bulk-themes', { ids: ['nothing-there'], add: [ids.parent] }],
    ['highlights:by-theme', { themeId: 'nothing-there' }],
    ['articles:trash', { ids: ['nothing-there'] }],
    ['trash:restore', { ids: [ids.article] }],
    ['trash:restore', { ids: ['nothing-there'] }],
    // Theme cycles: a theme under its own child, under itself; a merge into itself.
    ['themes:update', { id: ids.parent, parentId: ids.child }],
    ['themes:update', { id: ids.parent, parentId: ids.parent }],
    ['themes:update', { id: ids.child, parentId: ids.child }],
    ['themes:merge', { sourceId: ids.parent, targetId: ids.parent }],
    ['themes:create', { name: 'x', parentId: 'nothing-there' }],
    ['notes:create', { doc: deepDoc(150) }],
    ['notes:update', { id: ids.note, doc: { type: 'doc', content: [{ type: 'doc', content: [{ type: 'paragraph' }] }] } }],
    ['notes:update', { id: ids.note, doc: { type: 'doc', content: [{ type: 'text', text: 'loose' }] } }],
    ['articles:set-memo', { id: ids.article, memo: deepDoc(10_000) }],
    ['links:open', { url: 'https://collider.com\n@evil.example/' }],
    ['links:open', { url: 'javascript:alert(1)' }],
    ['articles:correct-text', { id: ids.article, text: '' }]
  ]
}

/** The request, short, for a failure message (a payload too deep to stringify is said to be). */
function summary(channel: string, payload: unknown): string {
  try {
    return `${channel} ${String(JSON.stringify(payload)).slice(0, 160)}`
  } catch {
    return `${channel} (a payload nested too deeply to print)`
  }
}

function isReadable(error: ApiError): boolean {
  return error.code !== 'internal' && /^[A-Z“"‘]/.test(error.message) && error.message.length <= 2_000 && !/Something went wrong/.test(error.message)
}

describe('IPC fuzzing over every channel', () => {
  it(`refuses ${REQUESTS.toLocaleString('en')} malformed requests readably, leaving the library's files as they were`, () =>
    withTempDir(async (dir) => {
      const openExternal = vi.fn<OpenExternal>(async () => undefined)
      const client: TestClient = await openTestClient(dir, { effects: { openExternal } })
      // Records to aim at, made before the library's fingerprint is taken.
      const text = (await client.call('articles:get', { id: COLLIDER })).text!
      const highlight = await client.call('highlights:create', { articleId: COLLIDER, start: 0, end: 8 })
      const note = await client.call('notes:create', { title: 'Target' })
      const parent = await client.call('themes:create', { name: 'Fuzz parent' })
      const child = await client.call('themes:create', { name: 'Fuzz child', parentId: parent.id })
      const ids: Ids = { article: COLLIDER, highlight: highlight.id, note: note.id, parent: parent.id, child: child.id, textLength: text.length }
      await client.services.checked
      await client.services.store.flush()
      const before = await client.fingerprint()

      const next = random(SEED)
      const requests: [Channel | string, unknown][] = [...semantic(ids)]
      for (const name of ['__proto__', 'constructor', 'toString', 'articles:drop', '']) requests.push([name, {}])
      const withBase = bases(ids)
      for (let round = 0; requests.length < REQUESTS; round++) {
        for (const channel of CHANNELS) {
          const all = generic(next)
          requests.push([channel, all[Math.floor(next() * all.length)]!])
          const base = withBase[channel]
          if (!base) continue
          const fields = Object.keys(base)
          const field = fields[Math.floor(next() * fields.length)]!
          const values = wrongTypes(base[field], next)
          requests.push([channel, { ...base, [field]: values[Math.floor(next() * values.length)] }])
          const target = TARGETS[channel]?.[round % (TARGETS[channel]?.length ?? 1)]
          if (target && round < 3) requests.push([channel, { ...base, [target]: `nothing-${round}` }])
          if (round === 0) requests.push([channel, { ...base, [`extra${Math.floor(next() * 100)}`]: 1 }])
        }
      }

      const started = performance.now()
      const accepted: string[] = []
      const unreadable: string[] = []
      const { dispatch } = await import('./dispatch')
      for (const [channel, payload] of requests) {
        const result = await dispatch(async () => client.services.handlers, channel, payload)
        if (result.ok) accepted.push(summary(channel, payload))
        else if (!isReadable(result.error)) unreadable.push(`${summary(channel, payload)} → ${result.error.code}: ${result.error.message.slice(0, 300)}`)
      }
      const seconds = (performance.now() - started) / 1000

      expect(accepted).toEqual([])
      expect(unreadable).toEqual([])
      expect(openExternal).not.toHaveBeenCalled()
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined()
      await client.services.store.flush()
      expect(await client.fingerprint()).toBe(before)
      expect(requests.length).toBeGreaterThanOrEqual(2_000)
      expect(new Set(requests.map(([channel]) => channel))).toEqual(new Set([...CHANNELS, '__proto__', 'constructor', 'toString', 'articles:drop', '']))
      // Bounded: a few seconds on a shared machine.
      expect(seconds).toBeLessThan(60)
      await client.services.close()
    }), 120_000)
})
