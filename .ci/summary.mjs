// Sums the unit (Vitest) and end-to-end (Playwright) results that `npm test` wrote under CI into one
// closing line, "N passed, N failed, N skipped", so the run's outcome reads the same in any log.
import { readFileSync } from 'node:fs'

const unit = JSON.parse(readFileSync('reports/unit.json', 'utf8'))
const e2e = JSON.parse(readFileSync('reports/e2e.json', 'utf8'))

const passed = unit.numPassedTests + e2e.stats.expected
const failed = unit.numFailedTests + e2e.stats.unexpected + e2e.stats.flaky
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped

process.stdout.write(`\nunit: ${unit.numPassedTests} passed; end-to-end: ${e2e.stats.expected} passed, ${e2e.stats.skipped} skipped\n`)
process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
