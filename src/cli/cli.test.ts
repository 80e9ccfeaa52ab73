// The liner-notes command as scripts meet it: the real bin/liner-notes.mjs spawned on real temporary
// folders, its stdout, --json documents and exit codes checked. One library is seeded by the first
// command and given a themed highlight in-process; tests that break it work on copies.
import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COLLIDER, openTestClient } from '../core/services/test-client'

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'liner-notes.mjs')

interface Outcome {
  code: number
  stdout: string
  stderr: string
}

let work: string
let library: string

/** Runs the command from an unrelated folder, so nothing may depend on the working directory. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const clean = { ...process.env, LINER_NOTES_LIBRARY: '', XDG_CONFIG_HOME: join(work, 'xdg'), ...env }
    execFile(process.execPath, [BIN, ...args], { cwd: work, env: clean, maxBuffer: 10_000_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = new Map<string, string>()
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name)
    files.set(relative(dir, path), await readFile(path, 'utf8'))
  }
  return files
}

let seeded: Outcome

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'liner-notes-cli-'))
  library = join(work, 'library')
  // A folder with no library: the first command creates and seeds it.
  seeded = await cli(['list', '--json'], { LINER_NOTES_LIBRARY: library })
  // One highlight coded "fatherhood", so themes, stats and exports have something to count.
  const client = await openTestClient(library)
  const themes = await client.call('themes:list', {})
  const fatherhood = themes.find((t) => t.name === 'fatherhood')!
  const { text } = await client.call('articles:get', { id: COLLIDER })
  const start = text!.indexOf('Anderson .Paak')
  await client.call('highlights:create', { articleId: COLLIDER, start, end: start + 'Anderson .Paak'.length, themeIds: [fatherhood.id] })
  await client.services.store.close()
}, 120_000)

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

// Each test reads the shared library or works on its own copy, so they run side by side; a spawned
// command is slow on a loaded machine, hence the generous time limit.
describe.concurrent('liner-notes', { timeout: 120_000 }, () => {
  it('seeds a new folder with the bundled archive and lists its five articles as JSON', () => {
    expect(seeded.code).toBe(0)
    const articles = JSON.parse(seeded.stdout) as Record<string, unknown>[]
    expect(articles).toHaveLength(5)
    expect(Object.keys(articles[0]!).sort()).toEqual(['author', 'date', 'id', 'kind', 'outlet', 'textStatus', 'title', 'wordCount'])
    expect(articles.map((a) => a.textStatus)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok'])
    expect(articles[0]).toMatchObject({ id: COLLIDER, outlet: 'Collider', date: '2024-09-27' })
  })

  it('lists articles one a line for a person', async () => {
    const { code, stdout } = await cli(['list', '--library', library])
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(5)
    expect(lines[0]).toMatch(new RegExp(`^${COLLIDER}\t2024-09-27\tCollider\t‘K-Pops!’`))
  })

  it('prints the reader text of an article, the stored original when it has no correction', async () => {
    const { code, stdout } = await cli(['text', COLLIDER, '--library', library])
    expect(code).toBe(0)
    expect(stdout).toBe(await readFile(join(library, 'texts', `${COLLIDER}.txt`), 'utf8'))
  })

  it('searches for a phrase and a speaker’s words, with the article, offsets and marked snippet of each hit', async () => {
    const phrase = await cli(['search', '"master conductor"', '--kind', 'article', '--json', '--library', library])
    expect(phrase.code).toBe(0)
    const hits = JSON.parse(phrase.stdout) as { kind: string; articleId: string; start: number; end: number; snippet: string; marks: [number, number][] }[]
    expect(hits.map((h) => [h.kind, h.articleId])).toEqual([['article', COLLIDER]])
    const text = JSON.parse((await cli(['text', COLLIDER, '--json', '--library', library])).stdout).text as string
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe('Master Conductor')
    expect(hits[0]!.snippet.slice(...hits[0]!.marks[0]!)).toBe('Master Conductor')

    const soul = await cli(['search', 'dad', '--speaker', 'Soul Rasheed', '--library', library])
    expect(soul.code).toBe(0)
    expect(soul.stdout.trim().split('\n').every((line) => line.includes('\tSoul Rasheed: '))).toBe(true)
    expect(soul.stdout).toContain('motivated by his [dad]')
  })

  it('counts the library', async () => {
    const { code, stdout } = await cli(['stats', '--json', '--library', library])
    expect(code).toBe(0)
    const stats = JSON.parse(stdout)
    expect(stats).toMatchObject({ articles: 5, highlights: 1, themes: 7, notes: 0 })
    expect(stats.words).toBeGreaterThan(1000)
    expect(stats.highlightsPerTheme).toContainEqual(expect.objectContaining({ name: 'fatherhood', highlights: 1 }))
    expect(stats.highlightsPerTheme).toContainEqual(expect.objectContaining({ name: 'heritage', highlights: 0 }))
  })

  it('exports the library as a Markdown folder, the same files every time', async () => {
    const out = join(work, 'vault')
    const first = await cli(['export', '--scope', 'library', '--format', 'md', '--out', out, '--json', '--library', library])
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ path: out, files: 6, highlights: 1 })
    const before = await filesUnder(out)
    expect([...before.keys()].filter((p) => p.endsWith('.md'))).toHaveLength(6)

    const second = await cli(['export', '--scope', 'library', '--format', 'md', '--out', out, '--library', library])
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/^Exported 1 highlight and 0 notes to .*vault \(6 files, \d+ bytes\)\.\n$/)
    expect(await filesUnder(out)).toEqual(before)
  })

  it('exports highlights as CSV and as Web Annotation JSON, one file each', async () => {
    const csv = join(work, 'out', 'highlights.csv')
    const json = join(work, 'out', 'collider.jsonld')
    const [a, b] = await Promise.all([
      cli(['export', '--scope', 'library', '--format', 'csv', '--out', csv, '--library', library]),
      cli(['export', '--scope', `article:${COLLIDER}`, '--format', 'json', '--out', json, '--library', library])
    ])
    expect([a.code, b.code]).toEqual([0, 0])
    const rows = (await readFile(csv, 'utf8')).trim().split(/\r?\n/)
    expect(rows).toHaveLength(2)
    expect(rows[1]).toContain('Anderson .Paak')
    expect(JSON.stringify(JSON.parse(await readFile(json, 'utf8')))).toContain('Anderson .Paak')
  })

  it('exports a theme named in any case, and refuses a theme that is not there', async () => {
    const out = join(work, 'fatherhood.md')
    const found = await cli(['export', '--scope', 'theme:FATHERHOOD', '--format', 'md', '--out', out, '--library', library])
    expect(found.code).toBe(0)
    expect(await readFile(out, 'utf8')).toContain('Anderson .Paak')

    const missing = await cli(['export', '--scope', 'theme:opera', '--format', 'md', '--out', out, '--library', library])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe('There is no theme called “opera” in this library.\n')
  })

  it('backs up, restores into an empty folder, and lists the restored library', async () => {
    const zip = join(work, 'backup.zip')
    const backup = await cli(['backup', '--out', zip, '--json', '--library', library])
    expect(backup.code).toBe(0)
    expect(JSON.parse(backup.stdout)).toMatchObject({ path: zip, files: 1, highlights: 1 })

    const target = join(work, 'restored')
    await mkdir(target)
    const restore = await cli(['restore', zip, target, '--json'])
    expect(restore.code).toBe(0)
    expect(JSON.parse(restore.stdout)).toEqual({ folder: target, articles: 5, highlights: 1, notes: 0, themes: 7 })

    const again = await cli(['restore', zip, target])
    expect(again.code).toBe(1)

    const list = await cli(['list', '--json', '--library', target])
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toEqual(JSON.parse(seeded.stdout))
  })

  it('finds no problems in a sound library, and names a text changed outside the app', async () => {
    const clean = await cli(['check', '--library', library])
    expect(clean).toMatchObject({ code: 0, stdout: '' })
    expect(clean.stderr).toMatch(/^No problems: 5 articles and 1 highlight checked\.\n$/)

    const broken = join(work, 'broken')
    await cp(library, broken, { recursive: true })
    await writeFile(join(broken, 'texts', `${COLLIDER}.txt`), 'Someone rewrote this file.\n')
    const human = await cli(['check', '--library', broken])
    expect(human.code).toBe(1)
    expect(human.stdout).toContain(`text-altered\t${COLLIDER}\t`)
    expect(human.stdout).toContain(`texts/${COLLIDER}.txt`)

    const json = await cli(['check', '--json', '--library', broken])
    expect(json.code).toBe(1)
    const { problems } = JSON.parse(json.stdout)
    expect(problems.map((p: { kind: string }) => p.kind)).toEqual(['text-altered', 'highlight-unanchored'])
    expect(problems[1]).toMatchObject({ articleId: COLLIDER, highlightId: expect.any(String) })
  })

  it('names a record file it could not load, and leaves it where it is', async () => {
    const broken = join(work, 'torn')
    await cp(library, broken, { recursive: true })
    await writeFile(join(broken, 'highlights', `${COLLIDER}.json`), '{"articleId": "torn')
    const json = await cli(['check', '--json', '--library', broken])
    expect(json.code).toBe(1)
    const { problems } = JSON.parse(json.stdout)
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'file-set-aside', message: expect.stringMatching(new RegExp(`^The library file highlights/${COLLIDER}\\.json could not be read \\(it is not a highlights file\\); it is left as it is`)) })
    ])
    expect(await readFile(join(broken, 'highlights', `${COLLIDER}.json`), 'utf8')).toBe('{"articleId": "torn')
  })

  it('reads the library named by LINER_NOTES_LIBRARY, else the app’s own folder', async () => {
    const fromEnv = await cli(['stats', '--json'], { LINER_NOTES_LIBRARY: library })
    expect(JSON.parse(fromEnv.stdout).highlights).toBe(1)
    if (process.platform === 'linux') {
      const fromDefault = await cli(['list'])
      expect(fromDefault.code).toBe(0)
      expect(await readdir(join(work, 'xdg', 'liner-notes', 'library', 'texts'))).toHaveLength(5)
    }
  })

  // The full table of usage errors is args.test.ts; these check that the command exits 2 and says so.
  it.each([
    [[], 'No command was given.'],
    [['list', '--verbose'], 'There is no flag called “--verbose”.'],
    [['export', '--scope', 'library', '--format', 'pdf', '--out', 'x'], 'The --format flag takes md, csv, json, qdc or qdpx, not “pdf”.']
  ])('refuses %j as a usage error', async (args, sentence) => {
    const { code, stdout, stderr } = await cli(args)
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `${sentence} See liner-notes --help.\n` })
  })

  it('shows the help, which documents every command, the JSON shapes and the exit codes', async () => {
    const { code, stdout } = await cli(['--help'])
    expect(code).toBe(0)
    for (const word of ['list', 'text <articleId>', 'export --scope', 'backup --out', 'restore FILE DIR', 'check', 'stats', '--library', '--json', 'Exit codes']) {
      expect(stdout).toContain(word)
    }
    expect((await cli(['help'])).stdout).toBe(stdout)
  })
})
