// A process importing several articles at once, moving them to the Trash and back, and merging themes over
// their highlights, killed with SIGKILL at moments a fixed seed chooses, 30 times over: after each kill the
// library opens with no file quarantined, every article's text and original on disk with the hashes its
// record gives, every acknowledged change in it, and the change cut short either whole or absent. And two
// processes started on one folder at the same moment: one holds it, the other is refused with a sentence
// saying who holds it, and writes nothing.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from './hash'
import { ORIGINALS_FOLDER, TEXTS_FOLDER } from './layout'
import { LibraryStore } from './store'
import { ARCHIVE_DIR, fixedNow, fixtureCommand } from './test-support'

const WRITER = join(import.meta.dirname, 'import-writer.fixture.ts')
const SEED = 20261130
const KILLS = 30
/** Kills stop once this is spent (after the first five), so the file stays well under 30 s on a slow machine. */
const BUDGET_MS = 15_000
/** Longest a writer runs after it is ready before it is killed. */
const MAX_RUN_MS = 200

interface Step {
  op: string
  ids?: string[]
  id?: string
  sourceId?: string
  targetId?: string
  coded?: string[]
}

/** mulberry32, as the writer uses: the kill moments and the writers' seeds follow from SEED. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

interface Writer {
  /** Resolves true once it holds the library and is about to write, false when it ends first. */
  ready: Promise<boolean>
  kill(): Promise<{ acked: Step[]; inFlight: Step | null }>
  /** Resolves when it has exited, with its exit code and all it printed. */
  exited: Promise<{ code: number | null; out: string; stderr: string }>
  pid: number
}

function startWriter(command: string[], dir: string, seed: number): Writer {
  const child = spawn(process.execPath, [...command, dir, ARCHIVE_DIR, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const closed = new Promise<void>((resolve) => child.stdout.on('close', () => resolve()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  const ready = new Promise<boolean>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('ready\n')) resolve(true)
    })
    void exited.then(() => resolve(false))
  })
  return {
    pid: child.pid!,
    ready,
    exited: exited.then(async ({ code }) => (await closed, { code, out, stderr })),
    async kill() {
      child.kill('SIGKILL')
      const { signal } = await exited
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
  }
}

const open = (dir: string) => LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })

type Place = 'live' | 'trashed' | 'absent'
function placeOf(store: LibraryStore, id: string): Place {
  if (store.trashed().some((t) => t.article.id === id)) return 'trashed'
  return store.article(id) ? 'live' : 'absent'
}

/** Every article, in the list or in the Trash, has its text and original on disk with the hashes its record gives. */
async function expectFilesWhole(store: LibraryStore, dir: string, when: string): Promise<void> {
  const articles = [...store.articles(), ...store.trashed().map((t) => t.article)]
  for (const article of articles) {
    if (!article.original) continue
    expect(sha256Hex(await readFile(join(dir, TEXTS_FOLDER, article.file))), `${when}: text of ${article.id}`).toBe(article.sha256)
    expect(sha256Hex(await readFile(join(dir, ORIGINALS_FOLDER, article.original.file))), `${when}: original of ${article.id}`).toBe(article.original.sha256)
  }
}

/** No highlight in the list points at a theme the codebook lacks or an article the library lacks. */
function expectCodebookWhole(store: LibraryStore, when: string): void {
  const themeIds = new Set(store.themes().map((t) => t.id))
  for (const h of store.allHighlights()) {
    for (const id of h.themeIds) expect(themeIds.has(id), `${when}: highlight ${h.id} carries ${id}, which the codebook lacks`).toBe(true)
    expect(placeOf(store, h.articleId), `${when}: highlight ${h.id} of a missing article`).not.toBe('absent')
  }
}

describe('a writer of several files at once, killed 30 times', () => {
  it('always leaves a library that opens whole, with every acknowledged change and none half made', async () => {
    const work = await mkdtemp(join(tmpdir(), 'liner-notes-kill-'))
    const command = await fixtureCommand(WRITER, work)
    const random = generator(SEED)
    try {
      const dir = join(work, 'library')
      await (await open(dir)).close()
      /** Where the last acknowledged import, trash or restore left each article. */
      const expected = new Map<string, Place>()
      const merged: string[] = []
      const seen = new Set<string>()
      const deadline = Date.now() + BUDGET_MS
      let kills = 0
      while (kills < KILLS && (kills < 5 || Date.now() < deadline)) {
        const writer = startWriter(command, dir, Math.floor(random() * 2 ** 31))
        if (!(await writer.ready)) throw new Error(`the writer ended before writing: ${(await writer.exited).stderr}`)
        await new Promise((resolve) => setTimeout(resolve, random() * MAX_RUN_MS))
        const { acked, inFlight } = await writer.kill()
        kills++
        const when = `kill ${kills}`
        for (const step of acked) {
          seen.add(step.op)
          if (step.op === 'import') for (const id of step.ids!) expected.set(id, 'live')
          if (step.op === 'trash') for (const id of step.ids!) expected.set(id, 'trashed')
          if (step.op === 'restore') for (const id of step.ids!) expected.set(id, 'live')
          if (step.op === 'merge') merged.push(step.sourceId!)
        }
        const store = await open(dir)
        try {
          await store.whenLoaded()
          expect(store.quarantined, when).toEqual([])
          await expectFilesWhole(store, dir, when)
          expectCodebookWhole(store, when)
          const touched = new Set(inFlight?.ids ?? [])
          for (const [id, place] of expected) if (!touched.has(id)) expect(placeOf(store, id), `${when}: ${id}`).toBe(place)
          for (const id of merged) expect(store.theme(id), `${when}: merged theme ${id}`).toBeNull()
          if (inFlight?.op === 'trash' || inFlight?.op === 'restore') {
            // Moved together or not at all.
            const places = new Set(inFlight.ids!.map((id) => placeOf(store, id)))
            expect(places.size, `${when}: cut short ${JSON.stringify(inFlight)} left ${[...places].join(' and ')}`).toBe(1)
            for (const id of inFlight.ids!) expected.set(id, placeOf(store, id))
          }
          if (inFlight?.op === 'import') for (const id of inFlight.ids!) if (placeOf(store, id) !== 'absent') expected.set(id, 'live')
          if (inFlight?.op === 'merge' && store.theme(inFlight.sourceId!) === null) merged.push(inFlight.sourceId!)
          if (inFlight?.op === 'merge') {
            const carrying = (themeId: string) => inFlight.coded!.filter((id) => store.highlight(id)?.themeIds.includes(themeId))
            const inList = inFlight.coded!.filter((id) => store.highlight(id) !== null)
            expect(carrying(inFlight.sourceId!), `${when}: cut short ${JSON.stringify(inFlight)}`).toEqual(store.theme(inFlight.sourceId!) === null ? [] : inList)
          }
        } finally {
          await store.close()
        }
      }
      // The stream really held each kind of change, acknowledged and then built on.
      expect([...seen].sort()).toEqual(expect.arrayContaining(['import', 'merge', 'restore', 'trash']))
      expect(expected.size).toBeGreaterThan(10)
    } finally {
      await rm(work, { recursive: true, force: true })
      if (command[0]?.endsWith('.mjs')) await rm(command[0], { force: true })
    }
  }, BUDGET_MS + 30_000)
})

describe('two processes on one folder', () => {
  it('started at the same moment, one holds the library and the other is refused with who holds it, writing nothing', async () => {
    const work = await mkdtemp(join(tmpdir(), 'liner-notes-two-'))
    const command = await fixtureCommand(WRITER, work)
    try {
      const dir = join(work, 'library')
      await (await open(dir)).close()
      for (let round = 1; round <= 3; round++) {
        const writers = [startWriter(command, dir, round), startWriter(command, dir, 100 + round)]
        const ready = await Promise.all(writers.map((w) => w.ready))
        expect(ready.filter(Boolean), `round ${round}`).toHaveLength(1)
        const holder = writers[ready.indexOf(true)]!
        const refused = await writers[ready.indexOf(false)]!.exited
        expect(refused.code, `round ${round}: ${refused.stderr}`).toBe(3)
        expect(refused.out).toBe(`refused This library is open in import-writer (process ${holder.pid}). Close it first.\n`)
        await new Promise((resolve) => setTimeout(resolve, 50))
        await holder.kill()
        const store = await open(dir)
        try {
          await store.whenLoaded()
          expect(store.quarantined).toEqual([])
          await expectFilesWhole(store, dir, `round ${round}`)
        } finally {
          await store.close()
        }
      }
    } finally {
      await rm(work, { recursive: true, force: true })
      if (command[0]?.endsWith('.mjs')) await rm(command[0], { force: true })
    }
  }, 30_000)
})
