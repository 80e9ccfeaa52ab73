// liner-notes annotations import, run as a person runs it: the bin spawned on a fresh library folder.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseInvocation, UsageError } from './args'

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'liner-notes.mjs')
const COLLIDER = '000_ad238df8b954e232'

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, LINER_NOTES_LIBRARY: '' } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    )
  })
}

describe('liner-notes annotations import', () => {
  it('imports a file onto the named article, prints the summary as JSON, and exits 1 for an annotation not placed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'liner-notes-annotations-'))
    const library = join(dir, 'library')
    const file = join(dir, 'hypothesis.json')
    const row = (id: string, exact: string, tags: string[]) => ({
      id,
      uri: 'https://example.com/elsewhere',
      text: 'Noted.',
      tags,
      target: [{ source: 'https://example.com/elsewhere', selector: [{ type: 'TextQuoteSelector', exact }] }]
    })
    await writeFile(file, JSON.stringify({ rows: [row('h1', 'Master Conductor', ['craft/tempo']), row('h2', 'never in this review at all, anywhere', [])] }))
    try {
      const run = await cli(['annotations', 'import', file, '--article', COLLIDER, '--json', '--library', library])
      expect(run.code).toBe(1)
      expect(JSON.parse(run.stdout)).toEqual({
        highlights: 1,
        themesCreated: 2,
        notes: 1,
        unplaced: [{ annotation: 'h2', quote: 'never in this review at all, anywhere', reason: expect.stringMatching(/^its words are not in “.+”$/) }]
      })

      const notJson = join(dir, 'notes.txt')
      await writeFile(notJson, 'just some notes')
      const refused = await cli(['annotations', 'import', notJson, '--library', library])
      expect(refused.code).toBe(1)
      expect(refused.stderr).toMatch(/^This file is not JSON \(.+\), so it cannot hold annotations\.\n$/)

      const usage = await cli(['annotations', 'export', file, '--library', library])
      expect(usage.code).toBe(2)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('the annotations command line grammar', () => {
  it('reads annotations import FILE with --article', () => {
    expect(parseInvocation(['annotations', 'import', 'a.json', '--article', 'a1', '--json'])).toMatchObject({
      command: 'annotations',
      args: ['import', 'a.json'],
      article: 'a1',
      json: true
    })
  })

  it.each([
    [['annotations'], 'The annotations command needs import (annotations import FILE).'],
    [['annotations', 'export', 'a.json'], 'The annotations command has no “export”; it has import (annotations import FILE).'],
    [['annotations', 'import'], 'The annotations command needs a file.'],
    [['annotations', 'import', 'a.json', 'b.json'], 'The annotations command was given too many arguments (“b.json”).'],
    [['annotations', 'import', 'a.json', '--article='], 'The --article flag needs an article id.'],
    [['list', '--article', 'a1'], 'The list command takes no --article flag.']
  ])('refuses %j', (argv, sentence) => {
    expect(() => parseInvocation(argv)).toThrow(new UsageError(sentence))
  })
})
