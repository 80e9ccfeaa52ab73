// `npm run bench`: prints each benchmark's figures and their ratio to a baseline measured in the same run,
// and writes the scale and responsiveness figures to reports/bench.json.
// `npm run bench -- --quick` (or BENCH_QUICK=1): the 5- and 1,000-article libraries only, and not the
// in-memory export figures (two minutes on their own).
// BENCH_ROUNDS=n: rounds of the scale figures (default 5; 3 when quick).
// BENCH_ONLY=import (or search, or analysis): only the import (search, analysis) figures, merged into an existing
// reports/bench.json.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { benchAnchoring } from './anchoring.bench'
import { benchExport } from './export.bench'
import { figureTable, writeFigures, type Figure } from './figures'
import { REPORTS_DIR, SIZES } from './library-cache'
import { benchMainPing } from './main-ping.bench'
import { benchImport } from './import.bench'
import { benchScale } from './scale.bench'
import { benchSearch } from './search.bench'
import { benchAnalysis } from './analysis.bench'

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1'
const rounds = Number(process.env.BENCH_ROUNDS ?? (quick ? 3 : 5))
const log = (line: string): void => void process.stdout.write(`  ${line}\n`)

if (process.env.BENCH_ONLY === 'search') {
  const searched = await benchSearch({ quick }, log)
  process.stdout.write(figureTable('Search: index build, size, memory, query latency, one import', searched) + '\n')
  const path = join(REPORTS_DIR, 'bench.json')
  const earlier = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { figures: Figure[] }).figures.filter((f) => !f.id.startsWith('search')) : []
  await writeFigures(path, [...earlier, ...searched])
  process.exit(0)
}

if (process.env.BENCH_ONLY === 'analysis') {
  const analysed = await benchAnalysis({ quick }, log)
  process.stdout.write(figureTable('Analysis: matrix, co-occurrence and word frequencies after a change', analysed) + '\n')
  const path = join(REPORTS_DIR, 'bench.json')
  const earlier = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { figures: Figure[] }).figures.filter((f) => !f.id.startsWith('analysis')) : []
  await writeFigures(path, [...earlier, ...analysed])
  process.exit(0)
}

if (process.env.BENCH_ONLY === 'import') {
  const imported = await benchImport(log)
  process.stdout.write(figureTable('Import: 1,000 mixed files, and a 300-page PDF', imported) + '\n')
  const path = join(REPORTS_DIR, 'bench.json')
  const earlier = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { figures: Figure[] }).figures.filter((f) => !f.id.startsWith('import.')) : []
  await writeFigures(path, [...earlier, ...imported])
  process.exit(0)
}

const seed = readFileSync(new URL('../archive/000_ad238df8b954e232.txt', import.meta.url), 'utf8')
process.stdout.write(benchAnchoring(seed) + '\n')
if (!quick) process.stdout.write(benchExport() + '\n')

process.stdout.write(`\nScale (${quick ? 'quick: 5 and 1k articles' : '5, 1k and 10k articles'}, ${rounds} rounds)\n`)
const scale = await benchScale({ quick, rounds }, log)
process.stdout.write(figureTable('Scale: open, memory, single-record edits and lists', scale) + '\n')

// The figure: a Markdown export of 10,000 highlights (the 1,000-article library holds 10,000).
const pingSize = SIZES.find((s) => s.name === 'scale1k')
if (!pingSize?.generate) throw new Error('No generated size to export')
const ping = await benchMainPing({ ...pingSize, generate: pingSize.generate }, 'export10k', log)
process.stdout.write(figureTable('Main process responsiveness during a library export', ping) + '\n')

const imported = await benchImport(log)
process.stdout.write(figureTable('Import: 1,000 mixed files, and a 300-page PDF', imported) + '\n')

const searched = await benchSearch({ quick }, log)
process.stdout.write(figureTable('Search: index build, size, memory, query latency, one import', searched) + '\n')

const analysed = await benchAnalysis({ quick }, log)
process.stdout.write(figureTable('Analysis: matrix, co-occurrence and word frequencies after a change', analysed) + '\n')

const path = join(REPORTS_DIR, 'bench.json')
await writeFigures(path, [...scale, ...ping, ...imported, ...searched, ...analysed])
process.stdout.write(`\nFigures written to ${path}\n`)
