// Run as a child process by killed-imports.test.ts, which kills it with SIGKILL at a chosen moment: opens a
// library through the app's own handlers and makes real changes that each write several files — imports of
// two to four articles at once (a text, an original and a record each), moving articles to the Trash and
// back, highlights on them and theme merges that recode them — chosen by a seeded generator, so a run can be
// repeated. Before each change it prints `begin <json>` with what the change will touch, and once it is
// saved `ack <json>`. When another process holds the library it prints `refused <message>` and exits 3.
// stdout to a pipe is synchronous on Linux and macOS, so a printed line is in the pipe before work goes on.
import { createHash } from 'node:crypto'
import { openLibraryServices } from '../services'
import { LibraryError } from './errors'

const [dir, archiveDir, seedText] = process.argv.slice(2)
if (!dir || !archiveDir || !seedText) throw new Error('usage: import-writer <libraryDir> <archiveDir> <seed>')

/** mulberry32: a small seeded generator, so the parent's seed fixes every choice made here. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}
const random = generator(Number(seedText))
const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
const some = <T>(items: readonly T[], most: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * most) }, () => pick(items)!))]

const say = (kind: 'begin' | 'ack' | 'refused', what: object | string): void => {
  process.stdout.write(`${kind} ${typeof what === 'string' ? what : JSON.stringify(what)}\n`)
}

let services: Awaited<ReturnType<typeof openLibraryServices>>
try {
  services = await openLibraryServices(dir, { archiveDir, holder: 'import-writer' })
} catch (error) {
  if (!(error instanceof LibraryError)) throw error
  say('refused', error.message)
  process.exit(3)
}
const { store, handlers } = services
await store.whenLoaded()

const PARAGRAPH = 'The band recorded the album in a converted church, and the room is audible on every track. '
let made = 0

/** One real change, chosen among what the library allows now. */
async function change(): Promise<object> {
  const live = store.articles().map((a) => a.id)
  const trashed = store.trashed().map((t) => t.article.id)
  const themes = store.themes()
  const roll = random()
  if (roll < 0.3 || live.length < 3) {
    const files = Array.from({ length: 2 + Math.floor(random() * 3) }, () => {
      const text = `Liner note ${seedText}-${made++}\n\n${PARAGRAPH.repeat(20 + Math.floor(random() * 40))}\n`
      return { name: `note-${made}.txt`, text }
    })
    const ids = files.map((f) => `a_${createHash('sha256').update(f.text).digest('hex').slice(0, 20)}`)
    say('begin', { op: 'import', ids })
    const summary = await handlers['imports:files']({ files: files.map((f) => ({ name: f.name, data: Buffer.from(f.text).toString('base64') })) })
    return { op: 'import', ids: summary.outcomes.map((o) => o.articleId) }
  }
  if (roll < 0.45) {
    const ids = some(live, 3)
    say('begin', { op: 'trash', ids })
    await handlers['articles:trash']({ ids })
    return { op: 'trash', ids }
  }
  if (roll < 0.6 && trashed.length > 0) {
    const ids = some(trashed, 3)
    say('begin', { op: 'restore', ids })
    await handlers['trash:restore']({ ids })
    return { op: 'restore', ids }
  }
  if (roll < 0.7 || themes.length < 3) {
    const name = `t-${seedText}-${made++}`
    say('begin', { op: 'create-theme', name })
    return { op: 'create-theme', id: (await handlers['themes:create']({ name })).id }
  }
  if (roll < 0.88) {
    const article = store.article(pick(live)!)!
    const start = Math.floor(random() * Math.max(1, (article.facts?.opening.length ?? 0) - 12))
    say('begin', { op: 'create-highlight', articleId: article.id })
    const highlight = await handlers['highlights:create']({ articleId: article.id, start, end: start + 8, themeIds: [pick(themes)!.id, pick(themes)!.id] })
    return { op: 'create-highlight', id: highlight.id }
  }
  const source = pick(themes)!
  const target = pick(themes.filter((t) => t.id !== source.id))!
  say('begin', { op: 'merge', sourceId: source.id, targetId: target.id, coded: store.highlightsWithThemes([source.id]).map((h) => h.id) })
  await handlers['themes:merge']({ sourceId: source.id, targetId: target.id })
  return { op: 'merge', sourceId: source.id, targetId: target.id }
}

process.stdout.write('ready\n')
for (;;) {
  try {
    say('ack', await change())
  } catch (error) {
    // A merge the codebook refuses (a name clash, a theme inside its source) changes nothing.
    if (!(error instanceof LibraryError)) throw error
    say('ack', { op: 'refused' })
  }
}
