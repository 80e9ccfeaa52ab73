// Run in a fresh child process by scale.bench.ts: opens a library, lists its articles (what the app
// does before its first screen), waits until every highlight and note is loaded and indexed, then prints
// the resident set size, so the figure is the core with the whole library in memory and no earlier work
// in the bench's own process inflates it. Usage: node --import tsx bench/rss-probe.ts <library> <archive>
import { openLibraryServices } from '../src/core/services'

const [libraryDir, archiveDir] = process.argv.slice(2)
if (!libraryDir || !archiveDir) throw new Error('Usage: rss-probe.ts <library folder> <archive folder>')
const { handlers, store } = await openLibraryServices(libraryDir, { archiveDir })
await handlers['articles:list']({})
await store.whenLoaded()
process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss }) + '\n')
await store.close()
