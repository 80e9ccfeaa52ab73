// Search at scale: building the index of a whole library, its size on disk and in memory, query latency
// for each kind of query (a word, a prefix, a two-word phrase, a word said by one speaker), and keeping the
// index current after one import. Queries are answered exactly as the app asks them: every kind of hit,
// 20 of each, with snippets read from the library. Words are drawn from the library's own texts, so
// common and rare words come in the proportions a reader meets them.
import { execFile } from 'node:child_process'
import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import { LibraryStore } from '../src/core/library/store'
import { ArticleTexts } from '../src/core/services/article-texts'
import { openLibraryServices } from '../src/core/services'
import { wordsOf } from '../src/shared/search/fold'
import { INDEX_FILE, INDEX_FOLDER, SearchIndex } from '../src/core/search/search-index'
import { withRatios, type Figure } from './figures'
import { ARCHIVE_DIR, cachedLibrary, SIZES, workingCopy } from './library-cache'

const PROBE = join(import.meta.dirname, 'search-rss-probe.ts')
const QUERIES = 60

export interface SearchBenchOptions {
  quick: boolean
}

interface Measured {
  name: string
  buildS: number
  indexMb: number
  p50: Record<QueryType, number>
  p95: Record<QueryType, number>
  incrementalMs: number
  rssMb: number
  rssWithoutMb: number
}

type QueryType = 'word' | 'prefix' | 'phrase' | 'speaker'
const TYPES: QueryType[] = ['word', 'prefix', 'phrase', 'speaker']

export async function benchSearch({ quick }: SearchBenchOptions, log: (line: string) => void): Promise<Figure[]> {
  const sizes = SIZES.filter((s) => s.generate !== null && (!quick || s.name === 'scale1k'))
  const measured: Measured[] = []
  for (const size of sizes) measured.push(await measure({ ...size, generate: size.generate! }, log))
  return withRatios(measured.flatMap((m, i) => figuresOf(m, i === 0 ? null : measured[0]!.name)))
}

async function measure(size: (typeof SIZES)[number] & { generate: NonNullable<(typeof SIZES)[number]['generate']> }, log: (line: string) => void): Promise<Measured> {
  const name = size.name.replace(/^scale/, 'search')
  const cached = await cachedLibrary(size)
  // A working copy: the index is written into the library folder, as the app writes it.
  const dir = await workingCopy(cached.dir, name)
  try {
    // Build: from nothing to every article, highlight, note and theme indexed.
    const store = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR })
    let start = performance.now()
    // With the services' shared text reader, as the app has it.
    const index = SearchIndex.open(store, { texts: new ArticleTexts(store) })
    await index.whenCurrent()
    const buildS = (performance.now() - start) / 1000
    const indexMb = (await stat(join(dir, INDEX_FOLDER, INDEX_FILE))).size / (1024 * 1024)
    log(`${name}: index built in ${buildS.toFixed(1)} s, ${indexMb.toFixed(0)} MB on disk`)

    const queries = await sampleQueries(store, index)
    const p50 = {} as Record<QueryType, number>
    const p95 = {} as Record<QueryType, number>
    // One warm-up pass, then the measured one.
    for (const pass of [0, 1]) {
      for (const type of TYPES) {
        const times: number[] = []
        for (const { query, speaker } of queries[type]) {
          start = performance.now()
          await index.search(query, speaker ? { filters: { speaker } } : {})
          times.push(performance.now() - start)
        }
        if (pass === 1) {
          p50[type] = percentile(times, 0.5)
          p95[type] = percentile(times, 0.95)
        }
      }
    }
    await index.close()
    await store.close()

    // One import into the open library: the time from its commit until the index holds it.
    const services = await openLibraryServices(dir, { archiveDir: ARCHIVE_DIR })
    const search = await services.search.index()
    await search.whenCurrent()
    let committed = 0
    const unsubscribe = services.store.subscribe(() => (committed ||= performance.now()))
    const text = `An Imported Review\n\n${'The drummer directs with a steady hand and a soft touch. '.repeat(200)}`
    await services.handlers['imports:files']({ files: [{ name: 'imported-review.txt', data: Buffer.from(text).toString('base64') }] })
    await search.whenCurrent()
    const incrementalMs = performance.now() - committed
    unsubscribe()
    const found = await search.search('"imported review"', { kinds: ['article'] })
    if (found.groups[0]?.hits.length !== 1) throw new Error(`${name}: the imported article is not found after the update`)
    await services.close()
    log(`${name}: incremental update after one import ${incrementalMs.toFixed(0)} ms`)

    const rssMb = await probeRss(dir, true)
    const rssWithoutMb = await probeRss(dir, false)
    log(`${name}: RSS ${rssMb.toFixed(0)} MB with the index open, ${rssWithoutMb.toFixed(0)} MB without`)
    return { name, buildS, indexMb, p50, p95, incrementalMs, rssMb, rssWithoutMb }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Queries of each type, from random paragraphs of random articles; speaker queries from interview answers. */
async function sampleQueries(store: LibraryStore, index: SearchIndex): Promise<Record<QueryType, { query: string; speaker?: string }[]>> {
  let seed = 42
  const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
  const articles = store.articles()
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const out: Record<QueryType, { query: string; speaker?: string }[]> = { word: [], prefix: [], phrase: [], speaker: [] }
  const speakers = await index.speakerNames()
  while (out.word.length < QUERIES) {
    const article = pick(articles)
    const text = (await store.readOriginal(article)).text ?? ''
    const words = wordsOf(pick(text.split('\n').filter((line) => line.length > 80))).filter((w) => w.word.length >= 4)
    if (words.length < 3) continue
    const at = Math.floor(random() * (words.length - 1))
    out.word.push({ query: words[at]!.word })
    out.prefix.push({ query: words[at]!.word.slice(0, 3 + Math.floor(random() * 2)) })
    out.phrase.push({ query: `"${text.slice(words[at]!.start, words[at + 1]!.end)}"` })
    out.speaker.push({ query: words[at]!.word, speaker: pick(speakers) })
  }
  return out
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
}

async function probeRss(dir: string, withIndex: boolean): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', PROBE, dir, ARCHIVE_DIR, withIndex ? 'search' : 'plain'], { maxBuffer: 1 << 20 })
  const { rss } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { rss: number }
  return rss / (1024 * 1024)
}

function figuresOf(m: Measured, baseline: string | null): Omit<Figure, 'ratio'>[] {
  const base = (suffix: string): string | null => (baseline === null ? null : `${baseline}.${suffix}`)
  const query = (type: QueryType): Omit<Figure, 'ratio'>[] => {
    const id = type === 'speaker' ? 'filtered' : type
    return [
      { id: `${m.name}.p50-${id}`, value: m.p50[type], unit: 'ms', baseline: base(`p50-${id}`) },
      { id: `${m.name}.p95-${id}`, value: m.p95[type], unit: 'ms', baseline: base(`p95-${id}`), target: 'p95 < 30 ms', met: m.p95[type] < 30 }
    ]
  }
  return [
    { id: `${m.name}.build-s`, value: m.buildS, unit: 's', baseline: base('build-s') },
    { id: `${m.name}.index-mb`, value: m.indexMb, unit: 'MB', baseline: base('index-mb') },
    ...TYPES.flatMap(query),
    { id: `${m.name}.incremental-ms`, value: m.incrementalMs, unit: 'ms', baseline: base('incremental-ms'), target: '< 100 ms', met: m.incrementalMs < 100 },
    { id: `${m.name}.rss-mb`, value: m.rssMb, unit: 'MB', baseline: `${m.name}.rss-without-index-mb` },
    { id: `${m.name}.rss-without-index-mb`, value: m.rssWithoutMb, unit: 'MB', baseline: null }
  ]
}
