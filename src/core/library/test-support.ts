// Helpers for tests of the library: a fresh temporary library folder, the bundled archive's path, and a
// fingerprint of a whole library folder, so "left as it was" means no file in it changed.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { sha256Hex } from './hash'
import { INDEX_FOLDER, LOCK_FILE } from './layout'

export const ARCHIVE_DIR = resolve(import.meta.dirname, '../../../archive')

export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'liner-notes-test-'))
  try {
    return await use(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** A fixed clock, so records written in tests are predictable. */
export const fixedNow = (): string => '2026-11-21T12:00:00.000Z'

/**
 * Every file under `dir` (sub-folders included) as "path sha256", one a line, sorted. The lock is left out:
 * it names the process that holds the library, not anything the library holds.
 */
export async function folderFingerprint(dir: string): Promise<string> {
  const lines: string[] = []
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = prefix + entry.name
      if (entry.isDirectory()) {
        // The search index is derived and kept up to date in the background: not the library's data.
        if (path !== INDEX_FOLDER) await walk(join(folder, entry.name), `${path}/`)
      }
      else if (path !== LOCK_FILE) lines.push(`${path} ${sha256Hex(await readFile(join(folder, entry.name)))}`)
    }
  }
  await walk(dir, '')
  return lines.sort().join('\n')
}

/** A record without the revision the store stamps on it, for comparing what a record says. */
export function withoutRev<T extends { rev?: number }>(record: T): Omit<T, 'rev'> {
  const { rev: _rev, ...rest } = record
  return rest
}

/**
 * The command that runs a child-process fixture of the crash tests under node. Bundled once with esbuild
 * (which tsx itself runs on) into one file, because starting through tsx compiles the services afresh each
 * time and would allow only a few kills a minute; through tsx when esbuild cannot be loaded. Remove the
 * bundle (the first element, when it ends in .mjs) once done.
 */
export async function fixtureCommand(entry: string, work: string): Promise<string[]> {
  // Beside the project's packages, so the one left out of the bundle (the search index's WebAssembly
  // SQLite, which loads its .wasm from its own folder) is found from it.
  const outfile = join(import.meta.dirname, '..', '..', '..', 'node_modules', '.cache', 'liner-notes', `${basename(entry, '.ts')}-${basename(work)}.mjs`)
  try {
    const { build } = await import('esbuild')
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'error',
      external: ['node-sqlite3-wasm'],
      banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" }
    })
    return [outfile]
  } catch {
    return ['--import', 'tsx', entry]
  }
}

/** Runs `work`, sampling the resident memory it adds every few milliseconds; resolves with the peak. */
export async function peakMemory<T>(work: () => Promise<T>): Promise<{ peak: number; outcome: T }> {
  const base = process.memoryUsage().rss
  let peak = 0
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - base)), 2)
  try {
    const outcome = await work()
    peak = Math.max(peak, process.memoryUsage().rss - base)
    return { peak, outcome }
  } finally {
    clearInterval(timer)
  }
}
