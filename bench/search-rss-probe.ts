// Run in a fresh child process by search.bench.ts: opens a library as the app does, waits until everything
// is loaded, and with `search` also opens its (already built) search index and answers one query, then
// prints the resident set size; `plain` gives the same without the index, the figure it is compared with.
// Usage: node --import tsx bench/search-rss-probe.ts <library> <archive> search|plain
import { openLibraryServices } from '../src/core/services'

const [libraryDir, archiveDir, mode] = process.argv.slice(2)
if (!libraryDir || !archiveDir || (mode !== 'search' && mode !== 'plain')) throw new Error('Usage: search-rss-probe.ts <library folder> <archive folder> search|plain')
const services = await openLibraryServices(libraryDir, { archiveDir })
await services.handlers['articles:list']({})
await services.store.whenLoaded()
if (mode === 'search') {
  const index = await services.search.index()
  await index.whenCurrent()
  await index.search('drummer', {})
}
global.gc?.()
process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss }) + '\n')
await services.close()
