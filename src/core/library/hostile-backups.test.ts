// Backups made to hurt: a zip bomb, an entry that lies about its size, duplicate and unlisted entries, a
// truncated file, an enormous file that is no zip. Each is refused with a sentence (or its extra entries
// ignored) before memory is spent on it, and the target folder is left empty.
import { createHash } from 'node:crypto'
import { mkdir, open as openFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { BACKUP_MANIFEST } from '../export/backup'
import { restoreBackupFile, writeBackup } from './backup-file'
import { LibraryStore } from './store'
import { ARCHIVE_DIR, fixedNow, withTempDir } from './test-support'
import { readDirectory } from './zip-reader'

const MB = 1024 * 1024
/** What a restore of a hostile backup may add to the process's memory, at most. */
const MEMORY_CAP = 64 * MB

async function goodBackup(work: string): Promise<Record<string, Uint8Array>> {
  const store = await LibraryStore.open(join(work, 'source'), { archiveDir: ARCHIVE_DIR, now: fixedNow })
  await writeBackup(store, join(work, 'good.zip'), { createdAt: fixedNow(), appVersion: 'test' })
  await store.close()
  return unzipSync(await readFile(join(work, 'good.zip')))
}

/** The entries with `listed` added, to the zip and to its manifest (with their sizes and hashes). */
function withListed(entries: Record<string, Uint8Array>, listed: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const manifest = JSON.parse(new TextDecoder().decode(entries[BACKUP_MANIFEST])) as { files: { path: string; bytes: number; sha256: string }[] }
  for (const [path, content] of Object.entries(listed)) manifest.files.push({ path, bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') })
  return { ...entries, ...listed, [BACKUP_MANIFEST]: strToU8(JSON.stringify(manifest)) }
}

/** Changes what the zip's local header and directory say of `name`: its expanded size, or its name. */
function patch(zip: Uint8Array, name: string, change: { size?: number; rename?: string }): Uint8Array {
  const out = Buffer.from(zip)
  const encoded = Buffer.from(name)
  for (let at = out.indexOf(encoded); at !== -1; at = out.indexOf(encoded, at + 1)) {
    const local = out.readUInt32LE(at - 30) === 0x04034b50
    const central = at >= 46 && out.readUInt32LE(at - 46) === 0x02014b50
    if (change.size !== undefined && local) out.writeUInt32LE(change.size, at - 30 + 22)
    if (change.size !== undefined && central) out.writeUInt32LE(change.size, at - 46 + 24)
    if (change.rename !== undefined && (local || central)) Buffer.from(change.rename).copy(out, at)
  }
  return out
}

/** Runs `work`, sampling the resident memory it adds every few milliseconds; resolves with the peak. */
async function peakMemory(work: () => Promise<unknown>): Promise<{ peak: number; outcome: unknown }> {
  const base = process.memoryUsage().rss
  let peak = 0
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - base)), 2)
  try {
    const outcome = await work().catch((error: unknown) => error)
    peak = Math.max(peak, process.memoryUsage().rss - base)
    return { peak, outcome }
  } finally {
    clearInterval(timer)
  }
}

async function refusedInto(work: string, zip: Uint8Array, message: RegExp): Promise<number> {
  await writeFile(join(work, "bad.zip"), zip)
  const target = join(work, 'target')
  await mkdir(target)
  const { peak, outcome } = await peakMemory(() => restoreBackupFile(join(work, 'bad.zip'), target))
  expect(outcome).toBeInstanceOf(Error)
  expect((outcome as Error).message).toMatch(message)
  expect(await readdir(target)).toEqual([])
  expect(peak).toBeLessThan(MEMORY_CAP)
  return peak
}

describe('hostile backups', () => {
  it('refuses a zip bomb by its declared ratio, expanding none of it', () =>
    withTempDir(async (work) => {
      const entries = await goodBackup(work)
      const bomb = new Uint8Array(64 * MB)
      const zip = zipSync(withListed(entries, { 'texts/bomb.txt': bomb }), { level: 9 })
      await refusedInto(work, zip, /The backup’s texts\/bomb\.txt expands more than 200:1, as no library file does; it was not restored\./)
    }))

  it('stops an entry that expands past the size it declares, with memory under the cap', () =>
    withTempDir(async (work) => {
      const entries = await goodBackup(work)
      // 64 MB of zeros declared as 1,000 bytes: the ratio check cannot see it; the expansion must stop.
      const zip = patch(zipSync(withListed(entries, { 'texts/liar.txt': new Uint8Array(64 * MB) }), { level: 9 }), 'texts/liar.txt', { size: 1000 })
      await refusedInto(work, zip, /The backup’s texts\/liar\.txt expands past the size it declares; it was not restored\./)
    }))

  it('never expands an entry the manifest does not list', () =>
    withTempDir(async (work) => {
      const entries = await goodBackup(work)
      // Unlisted, and lying: expanding it would fail the restore.
      const zip = patch(zipSync({ ...entries, 'texts/extra.txt': new Uint8Array(4 * MB) }, { level: 9 }), 'texts/extra.txt', { size: 1000 })
      await writeFile(join(work, 'extra.zip'), zip)
      const { peak, outcome } = await peakMemory(() => restoreBackupFile(join(work, 'extra.zip'), join(work, 'target')))
      expect(outcome).toMatchObject({ articles: 5 })
      expect(await readdir(join(work, 'target', 'texts'))).not.toContain('extra.txt')
      expect(peak).toBeLessThan(MEMORY_CAP)
    }))

  it('refuses a zip holding one name twice', () =>
    withTempDir(async (work) => {
      const entries = await goodBackup(work)
      const zip = patch(zipSync({ ...entries, 'codebook.jsoX': entries['codebook.json']! }), 'codebook.jsoX', { rename: 'codebook.json' })
      await refusedInto(work, zip, /The backup holds codebook\.json twice; it was not restored\./)
    }))

  it('refuses a truncated backup', () =>
    withTempDir(async (work) => {
      await goodBackup(work)
      const whole = await readFile(join(work, 'good.zip'))
      await refusedInto(work, whole.subarray(0, Math.floor(whole.length / 2)), /not a readable zip archive \(it has no central directory\)/)
    }))

  it('refuses a 1.5 GB file that is no zip after reading four bytes of it', () =>
    withTempDir(async (work) => {
      // Sparse: 1.5 GB long, taking no disk.
      const handle = await openFile(join(work, 'huge.zip'), 'w')
      await handle.write('hello')
      await handle.truncate(1536 * MB)
      await handle.close()
      await mkdir(join(work, 'target'))
      const started = performance.now()
      const { peak, outcome } = await peakMemory(() => restoreBackupFile(join(work, 'huge.zip'), join(work, 'target')))
      expect((outcome as Error).message).toMatch(/is not a zip archive, so it is not a Liner Notes backup/)
      expect(performance.now() - started).toBeLessThan(2000)
      expect(peak).toBeLessThan(MEMORY_CAP)
    }))

  it('refuses more entries than allowed from the directory alone', () =>
    withTempDir(async (work) => {
      await writeFile(join(work, 'many.zip'), zipSync({ a: strToU8('1'), b: strToU8('2'), c: strToU8('3'), d: strToU8('4') }))
      const handle = await openFile(join(work, 'many.zip'), 'r')
      const limits = { maxEntries: 3, maxEntryBytes: MB, maxTotalBytes: MB, maxRatio: 200, ratioFloorBytes: MB }
      await expect(readDirectory(handle, limits)).rejects.toThrow('The zip holds more than 3 files; it was not opened.')
      await expect(readDirectory(handle, { ...limits, maxEntries: 4, maxTotalBytes: 3 })).rejects.toThrow('The zip expands to more than any library holds; it was not opened.')
      await handle.close()
    }))
})
