// The codebook's shape, shared by the theme picker, the codebook page and the passages view: themes nest
// under parents, and all three need the same order, the same "parent / child" label and the same
// forgiving match. Pure (no DOM, no React) so Vitest checks it under plain Node.
import type { Theme } from '../../../shared/model'
import { foldForSearch } from '../../../shared/text'
import { descendantIds } from '../../../shared/theme-tree'

/** The fields the tree needs; ThemeSummary and Theme both fit. */
export type ThemeShape = Pick<Theme, 'id' | 'name' | 'parentId'>

export interface ThemeNode<T extends ThemeShape> {
  theme: T
  /** 0 for a top-level theme. */
  depth: number
  children: ThemeNode<T>[]
}

export const PATH_SEPARATOR = ' / '

// Numeric so "Act 2" sorts before "Act 10"; base sensitivity so "éclair" sorts beside "eclair".
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** By name as a person reads it, then by id so equal names keep one stable order. */
export function compareThemes(a: ThemeShape, b: ThemeShape): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * Children under their parents, each level sorted by name. A theme whose parent is missing is shown at
 * the top level, and a loop of parents (which the store should refuse, but a hand-edited file may hold)
 * is broken at its first theme by name: every theme appears exactly once, none is dropped.
 */
export function buildTree<T extends ThemeShape>(themes: readonly T[]): ThemeNode<T>[] {
  const ids = new Set(themes.map((t) => t.id))
  const childrenOf = new Map<string, T[]>()
  const roots: T[] = []
  for (const theme of themes) {
    const parentId = theme.parentId
    if (parentId !== null && parentId !== theme.id && ids.has(parentId)) {
      const siblings = childrenOf.get(parentId)
      if (siblings) siblings.push(theme)
      else childrenOf.set(parentId, [theme])
    } else roots.push(theme)
  }
  for (const siblings of childrenOf.values()) siblings.sort(compareThemes)

  const placed = new Set<string>()
  const grow = (theme: T, depth: number): ThemeNode<T> => {
    placed.add(theme.id)
    const children = (childrenOf.get(theme.id) ?? []).flatMap((child) => (placed.has(child.id) ? [] : [grow(child, depth + 1)]))
    return { theme, depth, children }
  }

  const nodes = [...roots].sort(compareThemes).map((root) => grow(root, 0))
  // Whatever is still unplaced sits on a loop of parents.
  for (let rest = unplaced(themes, placed); rest.length > 0; rest = unplaced(themes, placed)) {
    const first = rest.reduce((a, b) => (compareThemes(a, b) <= 0 ? a : b))
    nodes.push(grow(first, 0))
  }
  return nodes.sort((a, b) => compareThemes(a.theme, b.theme))
}

const unplaced = <T extends ThemeShape>(themes: readonly T[], placed: ReadonlySet<string>): T[] =>
  themes.filter((t) => !placed.has(t.id))

/** The tree read top to bottom: each parent followed by its children, as the codebook lists them. */
export function flattenTree<T extends ThemeShape>(nodes: readonly ThemeNode<T>[]): ThemeNode<T>[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)])
}

/** The themes in codebook order. */
export function orderThemes<T extends ThemeShape>(themes: readonly T[]): T[] {
  return flattenTree(buildTree(themes)).map((node) => node.theme)
}

/** The themes `id` may be moved under: any but itself and its own descendants, which would make a loop. */
export function parentCandidates<T extends ThemeShape>(themes: readonly T[], id: string): T[] {
  const excluded = descendantIds(themes, id)
  excluded.add(id)
  return orderThemes(themes).filter((t) => !excluded.has(t.id))
}

/** Each theme's label with its ancestors, "parent / child"; a loop of parents stops where it repeats. */
export function themePaths(themes: readonly ThemeShape[]): Map<string, string> {
  const byId = new Map(themes.map((t) => [t.id, t]))
  const paths = new Map<string, string>()
  for (const theme of themes) {
    const names: string[] = []
    const seen = new Set<string>()
    for (let at: ThemeShape | undefined = theme; at && !seen.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
      seen.add(at.id)
      names.unshift(at.name)
    }
    paths.set(theme.id, names.join(PATH_SEPARATOR))
  }
  return paths
}

/** True when `query` occurs anywhere in `text`, ignoring case, accents and spacing; an empty query matches all. */
export function matchesQuery(text: string, query: string): boolean {
  return foldForSearch(text).includes(foldForSearch(query))
}

/**
 * The themes already called `name` anywhere in the codebook (ignoring case, accents and spacing), so
 * typing a name never makes a near-twin. Several when siblings of different parents share a name.
 */
export function findByName<T extends ThemeShape>(themes: readonly T[], name: string): T[] {
  const wanted = foldForSearch(name)
  return wanted === '' ? [] : orderThemes(themes).filter((t) => foldForSearch(t.name) === wanted)
}

export interface ThemeOption<T extends ThemeShape> {
  theme: T
  path: string
}

/**
 * What the picker offers for `query`: themes not already chosen, in codebook order, whose name contains
 * the query. A query with a "/" is matched against the whole path, so "heritage / fa" narrows to that
 * branch.
 */
export function pickerOptions<T extends ThemeShape>(themes: readonly T[], query: string, excluded: ReadonlySet<string>): ThemeOption<T>[] {
  const paths = themePaths(themes)
  const byPath = query.includes('/')
  const wanted = byPath ? foldForSearch(query).replace(/\s*\/\s*/g, PATH_SEPARATOR) : query
  return orderThemes(themes)
    .filter((t) => !excluded.has(t.id))
    .map((theme) => ({ theme, path: paths.get(theme.id) ?? theme.name }))
    .filter((option) => matchesQuery(byPath ? option.path : option.theme.name, wanted))
}
