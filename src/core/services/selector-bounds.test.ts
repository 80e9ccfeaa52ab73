// Highlights' quotes and context are bounded, and every way a highlight enters the library holds it to the
// same schema as a live request: a change through the store, an annotation import, a restored backup.
// (A 200,000-character context made its article take 18 seconds to open.)
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { Highlight, MAX_CONTEXT_LENGTH, MAX_QUOTE_LENGTH } from '../../shared/model'
import { restoreBackupFile, writeBackup } from '../library/backup-file'
import { highlightsFile } from '../library/layout'
import { fixedNow, withTempDir } from '../library/test-support'
import { COLLIDER, openTestClient } from './test-client'

const GOOD: Highlight = {
  id: 'hl-1',
  articleId: COLLIDER,
  quote: { type: 'TextQuoteSelector', exact: 'Master Conductor', prefix: 'the ', suffix: ' of' },
  position: { type: 'TextPositionSelector', start: 10, end: 26 },
  color: null,
  themeIds: [],
  note: null,
  createdAt: fixedNow(),
  updatedAt: fixedNow()
}

const BAD: [string, Highlight, RegExp][] = [
  ['a context longer than the bound', { ...GOOD, quote: { ...GOOD.quote, prefix: 'x'.repeat(200_000) } }, /at most 1,000 characters of context/],
  ['a quote longer than the bound', { ...GOOD, quote: { ...GOOD.quote, exact: 'x'.repeat(MAX_QUOTE_LENGTH + 1) } }, /quotes at most 100,000 characters/],
  ['a position that ends before it starts', { ...GOOD, position: { ...GOOD.position, start: 30, end: 20 } }, /must end after it starts/],
  ['an empty position', { ...GOOD, position: { ...GOOD.position, start: 20, end: 20 } }, /must end after it starts/],
  ['a time that is not one', { ...GOOD, createdAt: 'yesterday' }, /ISO 8601/],
  ['a time not on the calendar', { ...GOOD, updatedAt: '2026-13-45T99:00:00.000Z' }, /not on the calendar/],
  ['an id longer than a request may name', { ...GOOD, id: 'h'.repeat(201) }, /.+/],
  ['an empty theme id', { ...GOOD, themeIds: [''] }, /.+/]
]

describe('the highlight schema', () => {
  it('keeps the limits generous for real passages', () => {
    expect(Highlight.safeParse({ ...GOOD, quote: { ...GOOD.quote, exact: 'x'.repeat(MAX_QUOTE_LENGTH), prefix: 'p'.repeat(MAX_CONTEXT_LENGTH) } }).success).toBe(true)
  })

  it.each(BAD)('refuses %s', (_what, highlight, message) => {
    const parsed = Highlight.safeParse(highlight)
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues[0]!.message).toMatch(message)
  })
})

describe('an annotation import', () => {
  it('lists an annotation with more context than a highlight keeps, and imports nothing of it', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const json = JSON.stringify({
        type: 'Annotation',
        target: { source: COLLIDER, selector: [{ type: 'TextQuoteSelector', exact: 'Master Conductor', prefix: 'x'.repeat(MAX_CONTEXT_LENGTH + 1) }] }
      })
      const summary = await client.call('annotations:import', { json, articleId: COLLIDER })
      expect(summary.highlights).toBe(0)
      expect(summary.unplaced).toHaveLength(1)
      expect(summary.unplaced[0]!.reason).toMatch(/the text before its quote is longer than 1,000 characters/)
      await client.services.close()
    }))
})

/** A real backup whose highlights file for COLLIDER holds `highlight`, its manifest entry made to match. */
async function backupHolding(zip: Uint8Array, highlight: Highlight): Promise<Uint8Array> {
  const entries = unzipSync(zip)
  const path = highlightsFile(COLLIDER)
  const content = strToU8(JSON.stringify({ articleId: COLLIDER, highlights: [highlight], tombstones: [] }))
  entries[path] = content
  const manifest = JSON.parse(new TextDecoder().decode(entries['liner-notes-backup.json'])) as { files: { path: string; bytes: number; sha256: string }[] }
  const listed = { path, bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') }
  manifest.files = [...manifest.files.filter((f) => f.path !== path), listed]
  entries['liner-notes-backup.json'] = strToU8(JSON.stringify(manifest))
  return zipSync(entries)
}

describe('a restored backup', () => {
  it('restores a highlight within the bounds', () =>
    withTempDir(async (work) => {
      const client = await openTestClient(join(work, 'source'))
      await writeBackup(client.services.store, join(work, 'good.zip'), { createdAt: fixedNow(), appVersion: 'test' })
      await client.services.close()
      await writeFile(join(work, 'one.zip'), await backupHolding(await readFile(join(work, 'good.zip')), GOOD))
      expect((await restoreBackupFile(join(work, 'one.zip'), join(work, 'target'))).articles).toBe(5)
    }))

  it.each(BAD)('refuses %s, leaving the folder empty', (_what, highlight) =>
    withTempDir(async (work) => {
      const client = await openTestClient(join(work, 'source'))
      await writeBackup(client.services.store, join(work, 'good.zip'), { createdAt: fixedNow(), appVersion: 'test' })
      await client.services.close()
      await writeFile(join(work, 'bad.zip'), await backupHolding(await readFile(join(work, 'good.zip')), highlight))
      const target = join(work, 'target')
      await mkdir(target)
      await expect(restoreBackupFile(join(work, 'bad.zip'), target)).rejects.toThrow(/^The backup is damaged: highlights\/000_ad238df8b954e232\.json cannot be read/)
      expect(await readdir(target)).toEqual([])
    }))
})
