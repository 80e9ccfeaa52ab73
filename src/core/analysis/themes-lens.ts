// How an analysis reads the codebook: its themes in codebook order (the columns and rows of every
// matrix), and what a highlight's themes count for — each theme itself, or, with sub-themes rolled up,
// each theme and every theme above it. A highlight counts once for a theme however many of its
// sub-themes it carries.
import type { AnalysisTheme } from '../../shared/ipc/analysis'
import type { Theme } from '../../shared/model'
import { buildTree, descendantIds, flattenTree } from '../../shared/theme-tree'

/** A highlight's themes as one key: its theme ids sorted, each once. Highlights with equal keys count alike. */
export function themeSetKey(themeIds: readonly string[]): string {
  return [...new Set(themeIds)].sort().join('\n')
}

export function themeSetIds(key: string): string[] {
  return key === '' ? [] : key.split('\n')
}

export class ThemesLens {
  readonly themes: AnalysisTheme[]
  private readonly index = new Map<string, number>()
  /** For each theme's index, the indexes of its ancestors (nearest first). */
  private readonly ancestors: number[][]
  private readonly expanded = new Map<string, number[]>()

  constructor(
    codebook: readonly Theme[],
    readonly rollUp: boolean,
    /** Only this theme (and its sub-themes) as columns; null for the whole codebook. */
    only: string | null = null
  ) {
    const nodes = flattenTree(buildTree(codebook))
    const kept = only === null ? null : new Set([only, ...descendantIds(codebook, only)])
    const paths = new Map<string, string>()
    const parentOf = new Map<string, string | null>()
    const visit = (list: ReturnType<typeof buildTree<Theme>>, above: string): void => {
      for (const node of list) {
        const path = above === '' ? node.theme.name : `${above} › ${node.theme.name}`
        paths.set(node.theme.id, path)
        for (const child of node.children) parentOf.set(child.theme.id, node.theme.id)
        visit(node.children, path)
      }
    }
    visit(buildTree(codebook), '')
    this.themes = nodes
      .filter((node) => kept === null || kept.has(node.theme.id))
      .map(({ theme, depth }) => ({ id: theme.id, name: theme.name, path: paths.get(theme.id) ?? theme.name, color: theme.color, depth }))
    this.themes.forEach((t, i) => this.index.set(t.id, i))
    this.ancestors = this.themes.map((t) => {
      const up: number[] = []
      const seen = new Set([t.id])
      for (let p = parentOf.get(t.id) ?? null; p !== null && !seen.has(p); p = parentOf.get(p) ?? null) {
        seen.add(p)
        const at = this.index.get(p)
        if (at !== undefined) up.push(at)
      }
      return up
    })
  }

  indexOf(themeId: string): number | undefined {
    return this.index.get(themeId)
  }

  /** The columns a highlight with these themes counts in, each once, ascending. */
  expand(key: string): number[] {
    let found = this.expanded.get(key)
    if (found) return found
    const set = new Set<number>()
    for (const id of themeSetIds(key)) {
      const at = this.index.get(id)
      if (at === undefined) continue
      set.add(at)
      if (this.rollUp) for (const up of this.ancestors[at]!) set.add(up)
    }
    found = [...set].sort((a, b) => a - b)
    this.expanded.set(key, found)
    return found
  }

  /** Whether one theme lies above the other: rolled up, such a pair always occurs together and says nothing. */
  related(a: number, b: number): boolean {
    return this.ancestors[a]!.includes(b) || this.ancestors[b]!.includes(a)
  }

  /** Whether a highlight with these theme ids counts for column `at`. */
  counts(themeIds: readonly string[], at: number): boolean {
    return this.expand(themeSetKey(themeIds)).includes(at)
  }
}
