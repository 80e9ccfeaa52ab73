// `npm run bench`: prints each benchmark's figures and their ratio to a baseline measured in the same run.
import { readFileSync } from 'node:fs'
import { benchAnchoring } from './anchoring.bench'
import { benchExport } from './export.bench'

const seed = readFileSync(new URL('../archive/000_ad238df8b954e232.txt', import.meta.url), 'utf8')
process.stdout.write(benchAnchoring(seed) + '\n')
process.stdout.write(benchExport() + '\n')
