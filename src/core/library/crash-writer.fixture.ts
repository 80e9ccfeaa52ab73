// Run as a child process by interrupted-write.test.ts, which kills it with SIGKILL at a random moment: opens
// a library through the app's own handlers and makes real changes to it as fast as it can, several files
// at once among them (theme merges and deletes, coding many highlights). Before each change it prints
// `begin <json>` with what the change will touch, and once the change is saved `ack <json>` with what it
// did, so the parent knows which changes must be in the library and which one may have been cut short.
// stdout to a pipe is synchronous on Linux and macOS, so a printed line is in the pipe before work goes on.
import { openLibraryServices } from '../services'
import { LibraryError } from './errors'

const [dir, archiveDir] = process.argv.slice(2)
if (!dir || !archiveDir) throw new Error('usage: crash-writer <libraryDir> <archiveDir>')

const { store, handlers } = await openLibraryServices(dir, { archiveDir, holder: 'crash-writer' })
await store.whenLoaded()

const say = (kind: 'begin' | 'ack', what: object): void => {
  process.stdout.write(`${kind} ${JSON.stringify(what)}\n`)
}
const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(Math.random() * items.length)]
const coded = (themeId: string): string[] => store.highlightsWithThemes([themeId]).map((h) => h.id)
const MAX_HIGHLIGHTS = 80
let made = 0

/** One real change, chosen at random among what the library allows now; null when there is nothing to do. */
async function change(): Promise<object | null> {
  const themes = store.themes()
  const highlights = [...store.allHighlights()]
  const roll = Math.random()
  if (roll < 0.15 || themes.length < 3) {
    const name = `t-${process.pid}-${made++}`
    say('begin', { op: 'create-theme', name })
    const theme = await handlers['themes:create']({ name })
    return { op: 'create-theme', id: theme.id }
  }
  if (roll < 0.35 && highlights.length < MAX_HIGHLIGHTS) {
    const article = pick(store.articles())!
    const length = article.facts?.opening.length ?? 0
    const start = Math.floor(Math.random() * Math.max(1, length - 12))
    const themeIds = [pick(themes)!.id, pick(themes)!.id]
    say('begin', { op: 'create-highlight', articleId: article.id })
    const highlight = await handlers['highlights:create']({ articleId: article.id, start, end: start + 8, themeIds })
    return { op: 'create-highlight', id: highlight.id }
  }
  if (roll < 0.5 && highlights.length > 0) {
    const theme = pick(themes)!
    const ids = [...new Set(Array.from({ length: 8 }, () => pick(highlights)!.id))]
    const lacking = ids.filter((id) => !store.highlight(id)!.themeIds.includes(theme.id))
    say('begin', { op: 'bulk-themes', themeId: theme.id, ids, lacking })
    await handlers['highlights:bulk-themes']({ ids, add: [theme.id] })
    return { op: 'bulk-themes', themeId: theme.id, ids }
  }
  if (roll < 0.7) {
    const source = pick(themes)!
    const target = pick(themes.filter((t) => t.id !== source.id))!
    say('begin', { op: 'merge', sourceId: source.id, targetId: target.id, coded: coded(source.id) })
    await handlers['themes:merge']({ sourceId: source.id, targetId: target.id })
    return { op: 'merge', sourceId: source.id, targetId: target.id }
  }
  if (roll < 0.85) {
    const theme = pick(themes)!
    say('begin', { op: 'delete-theme', id: theme.id, coded: coded(theme.id) })
    await handlers['themes:delete']({ id: theme.id })
    return { op: 'delete-theme', id: theme.id }
  }
  if (roll < 0.93) {
    const note = await handlers['notes:create']({ title: `n-${process.pid}-${made++}` })
    return { op: 'create-note', id: note.id }
  }
  // Retitled with a count that only grows, so the parent can tell the newest acknowledged title.
  const article = pick(store.articles())!
  const count = Number(/^edit (\d+)$/.exec(article.meta.title)?.[1] ?? 0) + 1
  say('begin', { op: 'retitle', id: article.id, count })
  await handlers['articles:update-meta']({ id: article.id, patch: { title: `edit ${count}` } })
  return { op: 'retitle', id: article.id, count }
}

process.stdout.write('ready\n')
for (;;) {
  try {
    const done = await change()
    if (done) say('ack', done)
  } catch (error) {
    // A merge or delete the codebook refuses (a name clash, a theme inside its source) changes nothing.
    if (!(error instanceof LibraryError)) throw error
    say('ack', { op: 'refused' })
  }
}
