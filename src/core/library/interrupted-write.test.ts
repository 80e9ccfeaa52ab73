// A write that fails part-way must leave the library as it was, on disk and in memory; a process killed
// in the middle of a stream of changes (several files at once among them) must leave a library that opens
// with every file valid, every acknowledged change in it, and no change half made.
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Highlight } from '../../shared/model'
import { LibraryStore } from './store'
import { ARCHIVE_DIR, fixedNow, fixtureCommand, folderFingerprint, withTempDir } from './test-support'

/** `failRename`: the how-many-th rename from now fails (1 = the next one); 0 = none. */
const control = vi.hoisted(() => ({ failRename: 0 }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (control.failRename > 0 && --control.failRename === 0) throw Object.assign(new Error('disk unplugged'), { code: 'EIO' })
      return actual.rename(from, to)
    }
  }
})

const COLLIDER = '000_ad238df8b954e232'
const INTERVIEW = '002_28dc0072aca979dd'
const open = (dir: string) => LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })

function highlight(id: string, articleId: string, themeIds: string[]): Highlight {
  return {
    id,
    articleId,
    quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 1 },
    color: null,
    themeIds,
    note: null,
    createdAt: fixedNow(),
    updatedAt: fixedNow()
  }
}

async function tempsIn(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { recursive: true })) if (entry.includes('.tmp-')) found.push(entry)
  return found
}

describe('interrupted writes', () => {
  it('a write to one file that fails before its rename leaves the files and the memory as they were', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      const before = await folderFingerprint(dir)
      control.failRename = 1
      await expect(
        store.transact((tx) => {
          const article = tx.requireArticle(COLLIDER)
          tx.putArticle({ ...article, meta: { ...article.meta, title: 'Never saved' } })
        })
      ).rejects.toThrow(/^The disk reported an error reading or writing \S+\.json\.$/)
      expect(await folderFingerprint(dir)).toBe(before)
      expect(store.article(COLLIDER)?.meta.title).not.toBe('Never saved')
      expect(await tempsIn(dir)).toEqual([])
      await store.transact((tx) => {
        const article = tx.requireArticle(COLLIDER)
        tx.putArticle({ ...article, meta: { ...article.meta, title: 'Saved later' } })
      })
      await store.close()
      expect((await open(dir)).article(COLLIDER)?.meta.title).toBe('Saved later')
    }))

  // Fails today: commitFiles (journal.ts) writes the intent, renames the first file into place, and when a
  // later rename fails it throws with the intent still in journal/. The change is refused, memory keeps the
  // old records, but one file already holds the new ones, and the next open replays the intent: a change the
  // user was told failed comes back, over whatever was saved after it. Reported, not fixed here.
  it('a change to several files whose second rename fails leaves files and memory as they were, and does not come back on the next open', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      await store.transact((tx) => {
        tx.putHighlight(highlight('hl-1', COLLIDER, ['theme-heritage']))
        tx.putHighlight(highlight('hl-2', INTERVIEW, ['theme-heritage']))
      })
      const before = await folderFingerprint(dir)
      // The intent's own rename is the first; the second is the first record file's; the third fails.
      control.failRename = 3
      await expect(
        store.transact((tx) => {
          for (const h of tx.highlightsWithTheme('theme-heritage')) tx.putHighlight({ ...h, themeIds: [] })
          tx.removeTheme('theme-heritage')
        })
      ).rejects.toThrow(/^The disk reported an error reading or writing \S+\.json\.$/)
      expect(store.theme('theme-heritage')).not.toBeNull()
      expect(store.highlight('hl-1')?.themeIds).toEqual(['theme-heritage'])
      expect(await folderFingerprint(dir)).toBe(before)
      // A later change, then a fresh start: the later change is there, the failed one is not.
      await store.transact((tx) => tx.putHighlight(highlight('hl-3', COLLIDER, ['theme-identity'])))
      await store.close()
      const reopened = await open(dir)
      await reopened.whenLoaded()
      expect(reopened.theme('theme-heritage')).not.toBeNull()
      expect(reopened.highlight('hl-1')?.themeIds).toEqual(['theme-heritage'])
      expect(reopened.highlight('hl-3')).not.toBeNull()
    }))

  it('a writer killed at random moments, ~100 times, always leaves a library that opens whole, with every acknowledged change', async () => {
    const work = await mkdtemp(join(tmpdir(), 'liner-notes-crash-'))
    const command = await fixtureCommand(WRITER, work)
    try {
      const dir = join(work, 'library')
      await (await open(dir)).close()
      const history: Step[] = []
      const deadline = Date.now() + CRASH_BUDGET_MS
      let kills = 0
      let killsMidStream = 0
      // At least a few kills whatever the machine's speed, then as many as the budget allows.
      while (kills < CRASH_KILLS && (kills < 5 || Date.now() < deadline)) {
        const run = await killWriter(command, dir)
        kills++
        if (run.acked.length > 0) killsMidStream++
        history.push(...run.acked)
        const store = await open(dir)
        try {
          await store.whenLoaded()
          expect(store.quarantined, `kill ${kills}`).toEqual([])
          expectWhole(store, `kill ${kills}`)
          for (const step of history) expectAcknowledged(store, step, `kill ${kills}`)
          if (run.inFlight) expectAllOrNothing(store, run.inFlight, `kill ${kills}`)
        } finally {
          await store.close()
        }
      }
      // The stream really held changes to several files at once, acknowledged and then built on.
      expect(killsMidStream).toBeGreaterThan(0)
      expect(history.some((s) => s.op === 'merge') && history.some((s) => s.op === 'delete-theme')).toBe(true)
    } finally {
      await rm(work, { recursive: true, force: true })
      if (command[0]?.endsWith('.mjs')) await rm(command[0], { force: true })
    }
  }, CRASH_BUDGET_MS + 60_000)
})

const CRASH_KILLS = 100
/** How long the crash test keeps killing writers, so the whole unit run stays within a few minutes. */
const CRASH_BUDGET_MS = 50_000
const WRITER = join(import.meta.dirname, 'crash-writer.fixture.ts')

/** What the writer printed about one change. */
interface Step {
  op: string
  id?: string
  ids?: string[]
  lacking?: string[]
  themeId?: string
  sourceId?: string
  targetId?: string
  coded?: string[]
  count?: number
}

/** Starts a writer, kills it with SIGKILL at a random moment once it is writing, and reads what it printed. */
async function killWriter(command: string[], dir: string): Promise<{ acked: Step[]; inFlight: Step | null }> {
  const child = spawn(process.execPath, [...command, dir, ARCHIVE_DIR], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const closed = new Promise<void>((resolve) => child.stdout.on('close', () => resolve()))
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
  const ready = new Promise<boolean>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('ready\n')) resolve(true)
    })
    void exited.then(() => resolve(false))
  })
  if (!(await ready)) throw new Error(`the writer exited before writing: ${stderr}`)
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 250))
  child.kill('SIGKILL')
  const signal = await exited
  await closed
  if (signal !== 'SIGKILL') throw new Error(`the writer stopped on its own: ${stderr}`)
  const acked: Step[] = []
  let inFlight: Step | null = null
  for (const line of out.split('\n')) {
    if (line.startsWith('begin ')) inFlight = JSON.parse(line.slice(6)) as Step
    if (line.startsWith('ack ')) {
      acked.push(JSON.parse(line.slice(4)) as Step)
      inFlight = null
    }
  }
  return { acked, inFlight }
}

/** No record points at a theme the codebook lacks: a merge or delete is never half made. */
function expectWhole(store: LibraryStore, when: string): void {
  const themeIds = new Set(store.themes().map((t) => t.id))
  for (const h of store.allHighlights()) {
    for (const id of h.themeIds) expect(themeIds.has(id), `${when}: highlight ${h.id} carries ${id}, which the codebook lacks`).toBe(true)
    expect(store.article(h.articleId), `${when}: highlight ${h.id} of a missing article`).not.toBeNull()
  }
  for (const t of store.themes()) if (t.parentId !== null) expect(themeIds.has(t.parentId), `${when}: theme ${t.id} under a missing parent`).toBe(true)
}

function removed(store: LibraryStore, themeId: string): boolean {
  return store.theme(themeId) === null && store.tombstones().themes.some((t) => t.id === themeId)
}

/** What an acknowledged change must have left, whatever came after it (ids are never reused). */
function expectAcknowledged(store: LibraryStore, step: Step, when: string): void {
  const what = `${when}: acknowledged ${JSON.stringify(step)}`
  switch (step.op) {
    case 'create-theme':
      // Present, unless a later merge or delete took it away (and left its tombstone).
      expect(store.theme(step.id!) !== null || removed(store, step.id!), what).toBe(true)
      break
    case 'create-highlight':
      expect(store.highlight(step.id!), what).not.toBeNull()
      break
    case 'create-note':
      expect(store.note(step.id!), what).not.toBeNull()
      break
    case 'bulk-themes':
      for (const id of step.ids!) expect(store.highlight(id)!.themeIds.includes(step.themeId!) || removed(store, step.themeId!), what).toBe(true)
      break
    case 'merge':
      expect(removed(store, step.sourceId!), what).toBe(true)
      expect(store.highlightsWithThemes([step.sourceId!]), what).toEqual([])
      break
    case 'delete-theme':
      expect(removed(store, step.id!), what).toBe(true)
      expect(store.highlightsWithThemes([step.id!]), what).toEqual([])
      break
    case 'retitle':
      expect(Number(/^edit (\d+)$/.exec(store.article(step.id!)!.meta.title)?.[1] ?? 0), what).toBeGreaterThanOrEqual(step.count!)
      break
  }
}

/** The change cut short by the kill is either wholly in the library or wholly absent. */
function expectAllOrNothing(store: LibraryStore, step: Step, when: string): void {
  const what = `${when}: cut short ${JSON.stringify(step)}`
  const carrying = (ids: readonly string[], themeId: string) => ids.filter((id) => store.highlight(id)!.themeIds.includes(themeId))
  switch (step.op) {
    case 'merge': {
      const coded = step.coded!
      if (store.theme(step.sourceId!) !== null) expect(carrying(coded, step.sourceId!), what).toEqual(coded)
      else {
        expect(carrying(coded, step.sourceId!), what).toEqual([])
        expect(carrying(coded, step.targetId!), what).toEqual(coded)
      }
      break
    }
    case 'delete-theme':
      expect(carrying(step.coded!, step.id!), what).toEqual(store.theme(step.id!) !== null ? step.coded! : [])
      break
    case 'bulk-themes': {
      const now = carrying(step.lacking!, step.themeId!)
      expect(now.length === 0 || now.length === step.lacking!.length, what).toBe(true)
      break
    }
  }
}
