// liner-notes export --format qdc|qdpx and import of a .qdpx, run as a person runs them: the bin spawned on
// fresh library folders. The grammar's own cases are checked without spawning.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { COLLIDER, openTestClient } from '../core/services/test-client'
import { parseInvocation, UsageError } from './args'
import { parseExportRequest } from './export-request'

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'liner-notes.mjs')

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, LINER_NOTES_LIBRARY: '' }, maxBuffer: 10_000_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    )
  })
}

describe('the REFI-QDA flags', () => {
  it('exports a codebook or project with no --scope, or --scope library, and refuses any other scope', () => {
    const request = (...args: string[]) => parseExportRequest(parseInvocation(['export', ...args, '--out', '/tmp/x']))
    expect(request('--format', 'qdpx')).toEqual({ scope: { kind: 'library' }, format: 'qdpx', out: '/tmp/x', rawCells: false })
    expect(request('--format', 'qdc', '--scope', 'library').format).toBe('qdc')
    expect(() => request('--format', 'qdc', '--scope', 'theme:heritage')).toThrow(
      new UsageError('A REFI-QDA codebook (--format qdc) holds the whole library; leave out --scope or give --scope library.')
    )
    // The other formats still need --scope.
    expect(() => parseInvocation(['export', '--format', 'md', '--out', '/tmp/x'])).toThrow(new UsageError('The export command needs --scope.'))
  })

  it('takes --merge-themes on import only', () => {
    expect(parseInvocation(['import', 'a.qdpx', '--merge-themes']).mergeThemes).toBe(true)
    expect(parseInvocation(['import', 'a.qdpx']).mergeThemes).toBe(false)
    expect(() => parseInvocation(['list', '--merge-themes'])).toThrow(new UsageError('The list command takes no --merge-themes flag.'))
  })
})

describe('liner-notes export --format qdpx, then import', () => {
  it('writes a codebook and a project, and another library imports the project with its themes kept apart or merged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'liner-notes-refi-'))
    const library = join(dir, 'library')
    try {
      // A library with one highlight, coded and with a note.
      const client = await openTestClient(library)
      const fatherhood = (await client.call('themes:list', {})).find((t) => t.name === 'fatherhood')!
      const { text } = await client.call('articles:get', { id: COLLIDER })
      const start = text!.indexOf('Anderson .Paak')
      await client.call('highlights:create', { articleId: COLLIDER, start, end: start + 'Anderson .Paak'.length, themeIds: [fatherhood.id] })
      await client.services.close()

      const qdpx = join(dir, 'out', 'library.qdpx')
      const exported = await cli(['export', '--format', 'qdpx', '--out', qdpx, '--json', '--library', library])
      expect(exported.stderr).toBe('')
      expect(exported.code).toBe(0)
      expect(JSON.parse(exported.stdout)).toMatchObject({ path: qdpx, files: 1, highlights: 1, notes: 0 })
      const files = unzipSync(await readFile(qdpx))
      expect(Object.keys(files).filter((f) => f.startsWith('sources/'))).toHaveLength(5)
      expect(new TextDecoder().decode(files['project.qde'])).toContain('<PlainTextSelection ')

      const qdc = join(dir, 'codes.qdc')
      const codebook = await cli(['export', '--format', 'qdc', '--out', qdc, '--library', library])
      expect(codebook.code).toBe(0)
      expect(codebook.stdout).toMatch(/^Exported 0 highlights and 0 notes to .*codes\.qdc \(1 file, \d+ bytes\)\.\n$/)
      expect(await readFile(qdc, 'utf8')).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"')

      // Another library: its texts are the same five, so the passage lands on its copy of the interview.
      const other = join(dir, 'other')
      const apart = await cli(['import', qdpx, '--library', other])
      expect(apart.code).toBe(0)
      expect(apart.stdout).toMatch(/^duplicate .*library\.qdpx › /m)
      expect(apart.stdout).toMatch(/^project\s+.*library\.qdpx: “Liner Notes library” — 7 themes created, 7 kept apart \(“.+ \(imported\)”.*\); 1 highlight, 0 notes\.$/m)
      const merged = await cli(['import', qdpx, '--merge-themes', '--json', '--library', join(dir, 'third')])
      expect(merged.code).toBe(0)
      const summary = JSON.parse(merged.stdout)
      expect(summary.outcomes).toHaveLength(5)
      expect(summary.projects[0]).toMatchObject({ kind: 'project', themesCreated: 0, themesMerged: expect.arrayContaining(['fatherhood']), highlights: 1, unplaced: [], notCarried: [] })

      const check = await openTestClient(join(dir, 'third'))
      const { highlights } = await check.call('articles:get', { id: COLLIDER })
      expect(highlights.map((h) => h.quote.exact)).toEqual(['Anderson .Paak'])
      expect(highlights[0]?.themeIds).toEqual([(await check.call('themes:list', {})).find((t) => t.name === 'fatherhood')!.id])
      await check.services.close()

      const broken = await cli(['import', qdc.replace('codes.qdc', 'missing.qdpx'), '--library', other])
      expect(broken.code).toBe(1)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
