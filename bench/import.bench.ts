// Import figures: 1,000 generated files of every text format and a few PDFs, imported into a fresh library
// through the app's own request (imports:paths, one file at a time as the app does), with files per second
// and the peak resident memory sampled while it runs; and the extraction of one 300-page, two-column PDF.
// Baselines in the same run: reading the same files from disk, and typesetting the PDF.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { makeLongPdf, writeArticlePdf } from '../src/core/import/fixtures/make-pdf'
import { extractPdf } from '../src/core/import/formats/pdf'
import { openLibraryServices } from '../src/core/services'
import { sourceWorkerEntry } from '../src/core/import/isolated-extract'
import { seededRandom } from '../src/core/testing/prose'
import { withRatios, type Figure } from './figures'
import { ARCHIVE_DIR, workFolder } from './library-cache'

const FILES = 1_000

function paragraphs(random: () => number, count: number): string[] {
  const words = ['the', 'film', 'drummer', 'director', 'Seoul', 'heritage', 'father', 'son', 'stage', 'K-pop', 'album', 'critic', 'scene', 'camera', 'memory', 'music', 'culture', 'story', 'light', 'rhythm']
  return Array.from({ length: count }, () => {
    const length = 30 + Math.floor(random() * 60)
    const sentence = Array.from({ length }, () => words[Math.floor(random() * words.length)]!).join(' ')
    return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.'
  })
}

/** Writes the mixed files: 45% text, 30% Markdown with front matter, 23% saved web pages, 2% PDFs. */
async function writeFiles(dir: string): Promise<number> {
  const random = seededRandom(9)
  let bytes = 0
  for (let i = 0; i < FILES; i++) {
    const body = paragraphs(random, 8 + Math.floor(random() * 20))
    let name: string
    let content: string | Uint8Array
    const roll = i % 100
    if (roll < 45) {
      name = `note-${i}.txt`
      content = body.join('\r\n\r\n')
    } else if (roll < 75) {
      name = `review-${i}.md`
      content = `---\ntitle: Review ${i}\nauthor: Critic ${i % 17}\ndate: 2024-0${1 + (i % 9)}-1${i % 10}\n---\n\n# Review ${i}\n\n${body.join('\n\n')}\n`
    } else if (roll < 98) {
      name = `page-${i}.html`
      content = `<!doctype html><html lang="en"><head><title>Feature ${i}</title><meta property="og:site_name" content="Outlet ${i % 11}"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Feature ${i}</h1>${body.map((p) => `<p>${p}</p>`).join('')}</article><aside>Related: <a href="/x">More stories</a></aside><footer>© Outlet</footer></body></html>`
    } else {
      name = `print-${i}.pdf`
      content = (await writeArticlePdf({ paragraphs: body.map((text) => ({ text })), columns: 2, pageNumbers: true, runningHeader: `Journal ${i}` })).bytes
    }
    await writeFile(join(dir, name), content)
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength
  }
  return bytes
}

export async function benchImport(log: (line: string) => void): Promise<Figure[]> {
  const work = await workFolder('import')
  const source = join(work, 'files')
  await mkdir(source)
  try {
    const bytes = await writeFiles(source)
    // Baseline: reading the same files, as the import must.
    let start = performance.now()
    for (let i = 0; i < FILES; i++) {
      const roll = i % 100
      const name = roll < 45 ? `note-${i}.txt` : roll < 75 ? `review-${i}.md` : roll < 98 ? `page-${i}.html` : `print-${i}.pdf`
      await readFile(join(source, name))
    }
    const readS = (performance.now() - start) / 1000

    // Files are read in the extraction worker, as the app reads them (its memory counts: it is a thread).
    const services = await openLibraryServices(join(work, 'library'), { archiveDir: ARCHIVE_DIR, extractWorker: sourceWorkerEntry() })
    await services.store.whenLoaded()
    let peak = process.memoryUsage().rss
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25)
    start = performance.now()
    const summary = await services.handlers['imports:paths']({ paths: [source] })
    const importS = (performance.now() - start) / 1000
    clearInterval(sampler)
    await services.close()
    log(`import: ${summary.imported} imported, ${summary.duplicates} duplicates, ${summary.refused} refused of ${FILES} files (${(bytes / 1e6).toFixed(1)} MB) in ${importS.toFixed(1)} s`)
    if (summary.refused > 0) log(`import: first refusal: ${summary.outcomes.find((o) => o.status === 'refused')?.message ?? ''}`)

    start = performance.now()
    const pdf = await makeLongPdf(300)
    const typesetS = (performance.now() - start) / 1000
    start = performance.now()
    const extracted = await extractPdf({ name: 'long.pdf', bytes: pdf })
    const pdfS = (performance.now() - start) / 1000
    log(`pdf: 300 pages (${(pdf.byteLength / 1e6).toFixed(1)} MB) typeset in ${typesetS.toFixed(1)} s, extracted in ${pdfS.toFixed(1)} s: ${extracted.text.length.toLocaleString('en')} characters`)

    return withRatios([
      { id: 'import.read-files-per-s', value: FILES / readS, unit: 'files/s', baseline: null },
      { id: 'import.files-per-s', value: FILES / importS, unit: 'files/s', baseline: 'import.read-files-per-s' },
      { id: 'import.peak-rss-mb', value: peak / (1024 * 1024), unit: 'MB', baseline: null },
      { id: 'import.pdf300-typeset-s', value: typesetS, unit: 's', baseline: null },
      { id: 'import.pdf300-extract-s', value: pdfS, unit: 's', baseline: 'import.pdf300-typeset-s' }
    ])
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
