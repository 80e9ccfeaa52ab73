// The process boundaries, checked like a lint rule: domain code never imports electron, the renderer
// and shared code import no Node module, and only the thin Electron layer touches electron at all.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = import.meta.dirname
const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|crypto$|http$|net$|url$|worker_threads$|electron$)/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!
  )
}

const ELECTRON_LAYER = [/^main\//, /^preload\//]

describe('process boundaries', () => {
  const files = sourceFiles(SRC).map((file) => ({ file, name: relative(SRC, file), imports: importsOf(file) }))

  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(20)
  })

  it('only the Electron layer imports electron', () => {
    const offenders = files.filter((f) => f.imports.includes('electron') && !ELECTRON_LAYER.some((p) => p.test(f.name)))
    expect(offenders.map((f) => f.name)).toEqual([])
  })

  it('the renderer and the shared code import no Node or Electron module', () => {
    const offenders = files.filter(
      (f) => (f.name.startsWith('renderer/') || f.name.startsWith('shared/')) && f.imports.some((i) => NODE_BUILTINS.test(i))
    )
    expect(offenders.map((f) => f.name)).toEqual([])
  })

  it('the renderer reaches main only through api.ts', () => {
    const offenders = files.filter((f) => f.name.startsWith('renderer/') && !f.name.endsWith('api.ts') && /window\.linerNotes/.test(readFileSync(f.file, 'utf8')))
    expect(offenders.map((f) => f.name)).toEqual([])
  })

  it('the renderer imports nothing from main or preload', () => {
    const offenders = files.filter((f) => f.name.startsWith('renderer/') && f.imports.some((i) => /\/(main|preload)\//.test(i)))
    expect(offenders.map((f) => f.name)).toEqual([])
  })
})

describe('the boundary lint (eslint.config.mjs, run by npm test)', { timeout: 60_000 }, () => {
  const lint = async (file: string, code: string): Promise<string[]> => {
    const { ESLint } = await import('eslint')
    const [result] = await new ESLint({ cwd: join(SRC, '..') }).lintText(code, { filePath: join(SRC, file) })
    return result!.messages.map((m) => m.message)
  }

  it('fails on an electron import in the core', async () => {
    expect(await lint('core/library/probe.ts', "import { app } from 'electron'\nexport const x = app\n")).toEqual([
      expect.stringContaining('Only the Electron shell (src/main, src/preload) may import electron')
    ])
  })

  it('fails on a Node import in the renderer, and on the core imported by the renderer', async () => {
    expect(await lint('renderer/src/probe.ts', "import { readFile } from 'node:fs/promises'\nexport const x = readFile\n")).toHaveLength(1)
    expect(await lint('renderer/src/probe.ts', "import { LibraryStore } from '../../core/library/store'\nexport const x = LibraryStore\n")).toHaveLength(1)
  })

  it('lets the shell import electron and the core use Node', async () => {
    expect(await lint('main/probe.ts', "import { app } from 'electron'\nexport const x = app\n")).toEqual([])
    expect(await lint('core/library/probe.ts', "import { readFile } from 'node:fs/promises'\nexport const x = readFile\n")).toEqual([])
  })
})
