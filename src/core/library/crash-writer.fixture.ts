// Run as a child process by interrupted-write.test.ts: opens a library and saves edits as fast as it
// can until it is killed, printing "writing" once the first save is done.
import { LibraryStore } from './store'

const [dir, archiveDir] = process.argv.slice(2)
if (!dir || !archiveDir) throw new Error('usage: crash-writer <libraryDir> <archiveDir>')
const store = await LibraryStore.open(dir, { archiveDir })
for (let i = 0; ; i++) {
  await store.update((data) => {
    // Grow and shrink the file so a torn write would show as broken JSON.
    data.articles[0]!.meta.author = 'x'.repeat(i % 400)
    data.articles[1]!.meta.title = `edit ${i}`
  })
  if (i === 0) process.stdout.write('writing\n')
}
