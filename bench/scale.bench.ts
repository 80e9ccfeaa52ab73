// Issue figures: the app at 5, 1,000 and 10,000 articles. Opening until the list can be shown, memory
// after opening, each single-record edit, and the two lists that grow with the library, measured in
// interleaved rounds (every size in every round, so a slow spell of the machine hits all alike) against
// the floor: one small durable write, the least any save can cost.
import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import { atomicWriteFile } from '../src/core/library/atomic-file'
import { openLibraryServices, type Handlers, type LibraryServices } from '../src/core/services'
import type { AnchoredHighlight } from '../src/shared/ipc/contract'
import type { NoteDoc } from '../src/shared/note-doc'
import { withRatios, type Figure } from './figures'
import { ARCHIVE_DIR, cachedLibrary, SIZES, workFolder, workingCopy, type ScaleSize } from './library-cache'

const WRITES = ['highlight-create', 'note-save', 'note-update', 'theme-rename', 'article-title'] as const
const READS = ['theme-passages', 'notes-list'] as const
type Operation = (typeof WRITES)[number] | (typeof READS)[number]

/** Targets from the issue: what a single edit may cost over the floor, and how long the rest may take. */
const MAX_WRITE_RATIO = 3
const MAX_OPEN_MS = 1_000
const MAX_RSS_MB = 350
const MAX_READ_MS = 200

const PROBE = resolve(import.meta.dirname, 'rss-probe.ts')
const FLOOR_BYTES = 1024

export interface ScaleOptions {
  /** Only the 5- and 1,000-article sizes: for a quick check while developing. */
  quick: boolean
  rounds: number
}

/** One library under measurement and what its operations act on. */
interface Subject {
  size: ScaleSize
  dir: string
  /** Seconds the store took to migrate the generated schema-4 library (for scale5: to seed a new one). */
  firstOpenS: number
  bigThemeId: string
  bigThemeName: string
  articleId: string
  text: string
  highlightId: string
  noteId: string
  samples: Map<Operation | 'open' | 'loaded' | 'rss', number[]>
}

const doc = (sentence: string): NoteDoc => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: sentence }] }] })

/** A passage of about 60 characters that moves with `n`, so no two created highlights are the same. */
function rangeFor(text: string, n: number): [number, number] {
  const start = text.indexOf(' ', (n * 7_919) % (text.length - 400)) + 1
  return [start, text.indexOf(' ', start + 60)]
}

function highlightAt(h: Handlers, articleId: string, text: string, n: number, themeIds: string[] = []): Promise<AnchoredHighlight> {
  const [start, end] = rangeFor(text, n)
  return h['highlights:create']({ articleId, start, end, exact: text.slice(start, end), themeIds })
}

const OPERATIONS: Record<Operation, (h: Handlers, s: Subject, n: number) => Promise<unknown>> = {
  'highlight-create': (h, s, n) => highlightAt(h, s.articleId, s.text, n),
  'note-save': (h, s, n) => h['highlights:set-note']({ id: s.highlightId, note: doc(`A second reading, take ${n}.`) }),
  'note-update': (h, s, n) => h['notes:update']({ id: s.noteId, doc: doc(`The outline, revised for the ${n}th time.`) }),
  'theme-rename': (h, s, n) => h['themes:update']({ id: s.bigThemeId, name: `${s.bigThemeName} ${n}` }),
  'article-title': (h, s, n) => h['articles:update-meta']({ id: s.articleId, patch: { title: `A retitled article, draft ${n}` } }),
  // The first page, as the passages view shows it.
  'theme-passages': (h, s) => h['highlights:by-theme']({ themeId: s.bigThemeId, limit: 100 }),
  'notes-list': (h) => h['notes:list']({})
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  return performance.now() - start
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

/** Waits for every write to be on disk and lets the store go, whichever store version this is. */
async function closeLibrary({ store }: LibraryServices): Promise<void> {
  await store.flush()
  const closable: { close?: () => Promise<void> } = store
  await closable.close?.()
}

/** Highlights given to the 5-article library, which starts with none. */
const SEEDED_HIGHLIGHTS = 60

/** Gives the seeded 5-article library highlights (a tenth on one theme), highlight notes and notes. */
async function populateSeeded(h: Handlers): Promise<void> {
  const articles = await h['articles:list']({})
  const themes = await h['themes:list']({})
  const texts = new Map<string, string>()
  for (let i = 0; i < SEEDED_HIGHLIGHTS; i++) {
    const articleId = articles[i % articles.length]!.id
    if (!texts.has(articleId)) texts.set(articleId, (await h['articles:get']({ id: articleId })).text ?? '')
    const themeIds = [themes[1 + (i % (themes.length - 1))]!.id, ...(i % 10 === 0 ? [themes[0]!.id] : [])]
    const created = await highlightAt(h, articleId, texts.get(articleId)!, i, themeIds)
    if (i % 3 === 0) await h['highlights:set-note']({ id: created.id, note: doc(`First thoughts on passage ${i}.`) })
  }
  for (let i = 0; i < 10; i++) await h['notes:create']({ title: `Essay draft ${i}`, doc: doc('Start from the mother.') })
}

/** Opens the library for the first time (migrating or seeding it) and picks what the operations act on. */
async function prepare(size: ScaleSize, log: (line: string) => void): Promise<Subject> {
  let dir: string
  let migrateS: number | null = null
  if (size.generate === null) {
    dir = await workFolder(size.name)
  } else {
    const cached = await cachedLibrary({ ...size, generate: size.generate })
    const generated = cached.generatedS === null ? 'cached' : `generated in ${cached.generatedS.toFixed(1)} s`
    log(`${size.name}: ${size.generate.articles} articles, ${size.generate.highlights} highlights, ${size.generate.notes} notes; ${generated}; ${(cached.bytes / 1e6).toFixed(0)} MB on disk (${cached.dir})`)
    dir = await workingCopy(cached.dir, size.name)
    migrateS = cached.migrateS
  }
  const start = performance.now()
  const services = await openLibraryServices(dir, { archiveDir: ARCHIVE_DIR })
  const list = await services.handlers['articles:list']({})
  const firstOpenS = migrateS ?? (performance.now() - start) / 1000
  const h = services.handlers
  if (size.generate === null) await populateSeeded(h)

  // The theme nearest to a tenth of all highlights: big enough that rewriting its highlights would show.
  const themes = await h['themes:list']({})
  const tenth = (size.generate?.highlights ?? SEEDED_HIGHLIGHTS) / 10
  const big = themes.reduce((a, b) => (Math.abs(b.highlightCount - tenth) < Math.abs(a.highlightCount - tenth) ? b : a))
  const articleId = list[0]!.id
  const detail = await h['articles:get']({ id: articleId })
  if (detail.text === null) throw new Error(`${size.name}: the text of ${articleId} is missing`)
  const highlightId = detail.highlights[0]?.id ?? (await highlightAt(h, articleId, detail.text, 0)).id
  const noteId = (await h['notes:list']({}))[0]?.id ?? (await h['notes:create']({ title: 'Bench note' })).id
  await closeLibrary(services)
  log(`${size.name}: first open ${firstOpenS.toFixed(2)} s; big theme “${big.name}” on ${big.highlightCount} highlights`)
  return { size, dir, firstOpenS, bigThemeId: big.id, bigThemeName: big.name, articleId, text: detail.text, highlightId, noteId, samples: new Map() }
}

async function probeRss(dir: string): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', PROBE, dir, ARCHIVE_DIR], { maxBuffer: 1 << 20 })
  const { rss } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { rss: number }
  return rss / (1024 * 1024)
}

const record = (s: Subject, key: Operation | 'open' | 'loaded' | 'rss', value: number): void => {
  s.samples.set(key, [...(s.samples.get(key) ?? []), value])
}

/** One round for one library: open, every operation `repeats` times interleaved, close, then memory. */
async function round(s: Subject, repeats: number, counter: { n: number }): Promise<void> {
  const start = performance.now()
  const open = await openLibraryServices(s.dir, { archiveDir: ARCHIVE_DIR })
  await open.handlers['articles:list']({})
  record(s, 'open', performance.now() - start)
  // Highlights and notes load in the background after the list is shown; edits made before then wait
  // for it. The figures below are each edit's own cost, once the library is loaded.
  await open.store.whenLoaded()
  record(s, 'loaded', performance.now() - start)
  // And the background checks of records and texts are over, so they do not share the disk with the edits.
  await open.checked
  for (let r = 0; r < repeats; r++) {
    for (const op of [...WRITES, ...READS]) {
      const n = ++counter.n
      // A write counts until it is on disk, even for a store that answers before it writes.
      record(s, op, await timed(async () => {
        await OPERATIONS[op](open.handlers, s, n)
        await open.store.flush()
      }))
    }
  }
  await closeLibrary(open)
  record(s, 'rss', await probeRss(s.dir))
}

export async function benchScale(options: ScaleOptions, log: (line: string) => void): Promise<Figure[]> {
  const sizes = options.quick ? SIZES.filter((s) => s.name !== 'scale10k') : SIZES
  const subjects: Subject[] = []
  for (const size of sizes) subjects.push(await prepare(size, log))
  const floorDir = await workFolder('floor')
  const floor: number[] = []
  const payload = JSON.stringify({ note: 'x'.repeat(FLOOR_BYTES - 12) })
  const counter = { n: 0 }
  try {
    for (let r = 0; r < options.rounds; r++) {
      for (const s of subjects) {
        for (let i = 0; i < 3; i++) floor.push(await timed(() => atomicWriteFile(join(floorDir, 'floor.json'), payload)))
        await round(s, s.size.name === 'scale10k' ? 2 : 3, counter)
      }
      log(`round ${r + 1} of ${options.rounds} done`)
    }
  } finally {
    await Promise.all([floorDir, ...subjects.map((s) => s.dir)].map((dir) => rm(dir, { recursive: true, force: true })))
  }
  return withRatios([{ id: 'floor.small-write', value: median(floor), unit: 'ms', baseline: null }, ...subjects.flatMap(figuresOf)]).map(judge)
}

function figuresOf(s: Subject): Omit<Figure, 'ratio'>[] {
  const name = s.size.name
  const m = (key: Operation | 'open' | 'loaded' | 'rss'): number => median(s.samples.get(key) ?? [])
  return [
    { id: `${name}.migrate-s`, value: s.firstOpenS, unit: 's', baseline: null },
    { id: `${name}.open`, value: m('open'), unit: 'ms', baseline: 'scale5.open' },
    { id: `${name}.loaded`, value: m('loaded'), unit: 'ms', baseline: 'scale5.loaded' },
    { id: `${name}.rss-mb`, value: m('rss'), unit: 'MB', baseline: 'scale5.rss-mb' },
    ...WRITES.map((op) => ({ id: `${name}.${op}`, value: m(op), unit: 'ms' as const, baseline: 'floor.small-write' })),
    ...READS.map((op) => ({ id: `${name}.${op}`, value: m(op), unit: 'ms' as const, baseline: `scale5.${op}` }))
  ]
}

/** Attaches each figure's target and whether this run met it. */
function judge(f: Figure): Figure {
  const kind = f.id.split('.')[1] ?? ''
  if (f.baseline === 'floor.small-write') return { ...f, target: `≤ ${MAX_WRITE_RATIO}× floor`, met: (f.ratio ?? Infinity) <= MAX_WRITE_RATIO }
  if (kind === 'open') return { ...f, target: `≤ ${MAX_OPEN_MS} ms`, met: f.value <= MAX_OPEN_MS }
  if (kind === 'rss-mb') return { ...f, target: `≤ ${MAX_RSS_MB} MB`, met: f.value <= MAX_RSS_MB }
  if ((READS as readonly string[]).includes(kind)) return { ...f, target: `≤ ${MAX_READ_MS} ms`, met: f.value <= MAX_READ_MS }
  return f
}
