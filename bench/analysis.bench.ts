// Analysis at scale: how long the theme × article matrix, theme co-occurrence and the library's word
// frequencies take to answer on the generated 1,000- and 10,000-article libraries (10 highlights an
// article), each asked right after a change (a highlight made), as the view asks them while a user works.
// The matrix figure counts everything before its first screen can be drawn: the core's answer, the trip
// to the page (two structured-clone copies, as the core process hands it to main and main to the page)
// and the page's ordering of it. First-use costs are
// reported apart: the first matrix (every article's contribution worked out) and the first reading of
// every text (words and speakers).
import { rm } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { deserialize, serialize } from 'node:v8'
import { LibraryAnalysis } from '../src/core/analysis/library-analysis'
import { LibraryStore } from '../src/core/library/store'
import { ArticleTexts } from '../src/core/services/article-texts'
import { orderMatrix, NATURAL_ORDER } from '../src/renderer/src/analysis/order'
import { withRatios, type Figure } from './figures'
import { ARCHIVE_DIR, cachedLibrary, SIZES, workingCopy } from './library-cache'

const ROUNDS = 7

interface Measured {
  name: string
  matrixColdMs: number
  matrixMs: number
  cooccurrenceMs: number
  textsS: number
  wordsMs: number
  rows: number
}

export async function benchAnalysis({ quick }: { quick: boolean }, log: (line: string) => void): Promise<Figure[]> {
  const sizes = SIZES.filter((s) => s.generate !== null && (!quick || s.name === 'scale1k'))
  const measured: Measured[] = []
  for (const size of sizes) measured.push(await measure({ ...size, generate: size.generate! }, log))
  return withRatios(measured.flatMap((m, i) => figuresOf(m, i === 0 ? null : measured[0]!.name)))
}

async function measure(size: (typeof SIZES)[number] & { generate: NonNullable<(typeof SIZES)[number]['generate']> }, log: (line: string) => void): Promise<Measured> {
  const name = size.name.replace(/^scale/, 'analysis')
  const cached = await cachedLibrary(size)
  const dir = await workingCopy(cached.dir, name)
  try {
    const store = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR })
    await store.whenLoaded()
    const texts = new ArticleTexts(store)
    const analysis = new LibraryAnalysis(store, { readText: async (article) => (await texts.shown(article)).text })
    const articles = store.articles()
    let seed = 11
    const random = (n: number): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n
    const themeIds = store.themes().map((t) => t.id)
    /** One change, as a user makes them: a highlight coded with a theme, added to a random article. */
    const change = async (): Promise<void> => {
      const article = articles[random(articles.length)]!
      const existing = store.highlightsOfArticle(article.id)[0]
      if (!existing) return
      await store.transact((tx) =>
        tx.putHighlight({ ...existing, id: `bench-${random(1e9)}`, themeIds: [themeIds[random(themeIds.length)]!], rev: 0 })
      )
    }

    let start = performance.now()
    let matrix = await analysis.matrix({})
    const matrixColdMs = performance.now() - start
    const matrixTimes: number[] = []
    const cooccurrenceTimes: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      await change()
      start = performance.now()
      matrix = await analysis.matrix({})
      const shown = orderMatrix(deserialize(serialize(deserialize(serialize(matrix)))) as typeof matrix, NATURAL_ORDER)
      if (shown.rows.length === 0) throw new Error(`${name}: the matrix is empty`)
      matrixTimes.push(performance.now() - start)
      await change()
      start = performance.now()
      await analysis.cooccurrence({ overlapping: true, rollUp: true })
      cooccurrenceTimes.push(performance.now() - start)
    }
    log(`${name}: matrix of ${matrix.rows.length} articles × ${matrix.themes.length} themes, first ${matrixColdMs.toFixed(0)} ms, then p50 ${median(matrixTimes).toFixed(1)} ms`)

    start = performance.now()
    await analysis.whenTextsRead()
    const textsS = (performance.now() - start) / 1000
    log(`${name}: every text read for words and speakers in ${textsS.toFixed(1)} s`)
    const wordTimes: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      await change()
      start = performance.now()
      const words = await analysis.words({ kind: 'library' }, { limit: 100 })
      if (words.words.length === 0) throw new Error(`${name}: no words counted`)
      wordTimes.push(performance.now() - start)
    }
    log(`${name}: library word frequencies p50 ${median(wordTimes).toFixed(1)} ms`)
    analysis.close()
    await store.close()
    return { name, matrixColdMs, matrixMs: median(matrixTimes), cooccurrenceMs: median(cooccurrenceTimes), textsS, wordsMs: median(wordTimes), rows: matrix.rows.length }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function figuresOf(m: Measured, baseline: string | null): Omit<Figure, 'ratio'>[] {
  const base = (suffix: string): string | null => (baseline === null ? null : `${baseline}.${suffix}`)
  return [
    { id: `${m.name}.matrix-ms`, value: m.matrixMs, unit: 'ms', baseline: base('matrix-ms'), target: 'first screen < 200 ms', met: m.matrixMs < 200 },
    { id: `${m.name}.matrix-first-ms`, value: m.matrixColdMs, unit: 'ms', baseline: base('matrix-first-ms') },
    { id: `${m.name}.cooccurrence-ms`, value: m.cooccurrenceMs, unit: 'ms', baseline: base('cooccurrence-ms') },
    { id: `${m.name}.texts-s`, value: m.textsS, unit: 's', baseline: base('texts-s') },
    { id: `${m.name}.words-ms`, value: m.wordsMs, unit: 'ms', baseline: base('words-ms') }
  ]
}
