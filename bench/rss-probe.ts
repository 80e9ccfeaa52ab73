// Run in a fresh child process by scale.bench.ts: opens a library, lists its articles (what the app
// does before its first screen) and prints the resident set size, so no earlier work in the bench's
// own process inflates the figure. Usage: node --import tsx bench/rss-probe.ts <library> <archive>
import { openLibraryServices } from '../src/core/services'

const [libraryDir, archiveDir] = process.argv.slice(2)
if (!libraryDir || !archiveDir) throw new Error('Usage: rss-probe.ts <library folder> <archive folder>')
const { handlers, store } = await openLibraryServices(libraryDir, { archiveDir })
await handlers['articles:list']({})
process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss }) + '\n')
await store.flush()
