// The libraries the scale figures are measured on, generated once and kept under reports/bench-cache,
// so a run after the first spends its time measuring rather than generating. Measurements that write
// never touch the cache: they get a working copy.
import { cp, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { GENERATOR_VERSION, generateLibrary, type GenerateOptions } from '../src/core/testing/generate-library'

export const REPORTS_DIR = resolve(import.meta.dirname, '../reports')
export const ARCHIVE_DIR = resolve(import.meta.dirname, '../archive')
const CACHE_DIR = join(REPORTS_DIR, 'bench-cache')

export interface ScaleSize {
  /** The figures' id prefix: scale5, scale1k, scale10k. */
  name: string
  /** null: the bundled archive, which a fresh folder seeds itself from. */
  generate: GenerateOptions | null
}

export const SIZES: ScaleSize[] = [
  { name: 'scale5', generate: null },
  { name: 'scale1k', generate: { articles: 1_000, highlights: 10_000, notes: 2_000, seed: 1_000 } },
  { name: 'scale10k', generate: { articles: 10_000, highlights: 100_000, notes: 10_000, seed: 10_000 } }
]

export interface CachedLibrary {
  dir: string
  /** Seconds spent generating in this run; null when the cached folder was reused. */
  generatedS: number | null
  bytes: number
}

/** The size's v4 folder under reports/bench-cache, generated first if this generator version has none. */
export async function cachedLibrary(size: ScaleSize & { generate: GenerateOptions }): Promise<CachedLibrary> {
  const dir = join(CACHE_DIR, `${size.name.replace(/^scale/, '')}-v${GENERATOR_VERSION}`)
  let generatedS: number | null = null
  if (!existsSync(dir)) {
    // Generated beside and renamed into place, so an interrupted run never leaves half a library to reuse.
    const partial = `${dir}.partial-${process.pid}`
    await mkdir(CACHE_DIR, { recursive: true })
    await rm(partial, { recursive: true, force: true })
    const start = performance.now()
    await generateLibrary(partial, size.generate)
    generatedS = (performance.now() - start) / 1000
    await rename(partial, dir)
  }
  return { dir, generatedS, bytes: await folderBytes(dir) }
}

export async function folderBytes(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size
  }
  return total
}

/** A fresh folder on the same disk as the cache (not a RAM-backed /tmp), so fsync costs what it would. */
export async function workFolder(label: string): Promise<string> {
  await mkdir(REPORTS_DIR, { recursive: true })
  return mkdtemp(join(REPORTS_DIR, `bench-work-${label}-`))
}

export async function workingCopy(from: string, label: string): Promise<string> {
  const dir = await workFolder(label)
  await cp(from, dir, { recursive: true })
  return dir
}
