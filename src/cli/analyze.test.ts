// liner-notes analyze as scripts meet it: the real command spawned on a library with known highlights,
// its CSV read back as the table the app shows, its JSON, and its usage errors and refusals.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matrixTable } from '../shared/analysis/tables'
import type { SpeakerMatrix, ThemeMatrix } from '../shared/ipc/analysis'
import { addKnownHighlights } from '../core/analysis/test-highlights'
import { COLLIDER, openTestClient } from '../core/services/test-client'
import { run } from './main'

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'liner-notes.mjs')

let work: string
let library: string
let expectedMatrix: ThemeMatrix

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, LINER_NOTES_LIBRARY: '', XDG_CONFIG_HOME: join(work, 'xdg') }
    execFile(process.execPath, [BIN, ...args, '--library', library], { cwd: work, env, maxBuffer: 10_000_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'liner-notes-analyze-'))
  library = join(work, 'library')
  const client = await openTestClient(library)
  await addKnownHighlights(client)
  expectedMatrix = await client.call('analysis:matrix', {})
  await client.services.close()
}, 120_000)

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe.concurrent('liner-notes analyze', { timeout: 120_000 }, () => {
  it('writes the theme × article matrix as the table the app saves', async () => {
    const { code, stdout } = await cli(['analyze', 'matrix', '--format', 'csv'])
    expect(code).toBe(0)
    const read = Papa.parse<string[]>(stdout.trimEnd(), { newline: '\r\n' }).data
    const table = matrixTable(expectedMatrix)
    expect(read).toEqual([table.columns, ...table.rows.map((row) => row.map(String))])
    expect(read[1]!.slice(0, 2)).toEqual(['‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director', COLLIDER])
  })

  it('keeps one theme and its sub-themes, rolled up, for one article, as JSON', async () => {
    const { code, stdout } = await cli(['analyze', 'matrix', '--theme', 'FATHERHOOD', '--roll-up', '--article', COLLIDER, '--json'])
    expect(code).toBe(0)
    const matrix = JSON.parse(stdout) as Omit<ThemeMatrix, 'rows' | 'counts'> & { rows: (ThemeMatrix['rows'][number] & { counts: number[] })[] }
    expect(matrix.themes.map((t) => t.path)).toEqual(['fatherhood', 'fatherhood › sons'])
    expect(matrix.rows.map((r) => [r.articleId, r.counts])).toEqual([[COLLIDER, [3, 1]]])
  })

  it('lists speakers by theme, and the words of a theme’s or a speaker’s passages', async () => {
    const speakers = await cli(['analyze', 'speakers', '--format', 'json'])
    expect(speakers.code).toBe(0)
    expect((JSON.parse(speakers.stdout) as SpeakerMatrix).speakers.map((s) => s.name)).toEqual(['Anderson .Paak', 'Keshia Hannam', 'Perri Nemiroff', 'Soul Rasheed'])
    const words = await cli(['analyze', 'words', '--theme', 'heritage', '--format', 'csv'])
    expect(words.code).toBe(0)
    expect(words.stdout.split('\r\n')[0]).toBe('rank,word,count')
    expect(words.stdout).toContain(',home,1\r\n')
    const paak = await cli(['analyze', 'words', '--speaker', 'Anderson .Paak', '--format', 'csv'])
    expect(paak.stdout).toContain(',quarantine,2\r\n')
    const cooccurrence = await cli(['analyze', 'cooccurrence', '--format', 'csv'])
    expect(cooccurrence.code).toBe(0)
    expect(cooccurrence.stdout.split('\r\n')[0]).toMatch(/^theme,Black musical lineage,/)
  })

  it.each([
    [['analyze', '--format', 'csv'], 2, 'The analyze command needs matrix, cooccurrence, speakers or words.'],
    [['analyze', 'graph', '--format', 'csv'], 2, 'The analyze command has no “graph”; it has matrix, cooccurrence, speakers and words.'],
    [['analyze', 'matrix'], 2, 'The analyze command needs --format csv or --format json.'],
    [['analyze', 'matrix', '--format', 'xml'], 2, 'The analyze command writes csv or json (it was given --format xml).'],
    [['analyze', 'speakers', '--speaker', 'Soul Rasheed', '--format', 'csv'], 2, 'Only analyze words takes --speaker'],
    [['analyze', 'words', '--theme', 'heritage', '--article', COLLIDER, '--format', 'csv'], 2, 'analyze words counts one thing'],
    [['analyze', 'matrix', '--theme', 'nostalgia', '--format', 'csv'], 1, 'There is no theme called “nostalgia”.'],
    [['analyze', 'matrix', '--article', 'nope', '--format', 'csv'], 1, 'There is no article “nope” in the library.'],
    [['analyze', 'words', '--speaker', 'Nobody Here', '--format', 'csv'], 1, 'A speaker called “Nobody Here” is not in the library.']
  ])('%j exits %i saying why', async (args, status, message) => {
    // In-process: the same run() the command calls, without a process start for each case.
    const out: string[] = []
    const err: string[] = []
    const io = { out: async (text: string) => void out.push(text), err: async (text: string) => void err.push(text), progress: () => undefined }
    const code = await run([...args, '--library', library], io, {})
    expect(code).toBe(status)
    expect(out.join('')).toBe('')
    expect(err.join('')).toContain(message)
  })
})
