// The codebook is a tree of themes linked by parentId. Its rules are written once here and used by the
// core (refusing a twin name or a move into a theme's own branch, filtering by a branch, exports) and by
// the renderer (the codebook page, the picker, the passages view): the same order, the same tree, the
// same idea of "the same name".
import type { Theme } from './model'

/** The fields the tree needs; Theme, ThemeSummary and test fixtures all fit. */
export type ThemeShape = Pick<Theme, 'id' | 'name' | 'parentId'>

export interface ThemeNode<T extends ThemeShape> {
  theme: T
  /** 0 for a top-level theme. */
  depth: number
  children: ThemeNode<T>[]
}

/**
 * Two theme names are the same name when they differ only in case, in surrounding or repeated spaces,
 * or in Unicode composition: "Heritage", " heritage " and "HERITAGE" are one name, as are "é" typed as
 * one character or as e plus a combining accent. Accents count: "resume" and "résumé" are different
 * words, and a critic coding French or Korean texts may want both. (Search, by contrast, ignores accents;
 * see foldForSearch.) Lower-casing uses a fixed locale so the answer is the same on every machine.
 */
export function sameThemeName(a: string, b: string): boolean {
  return themeNameKey(a) === themeNameKey(b)
}

/** The form of a name that sameThemeName compares; usable as a map key. */
export function themeNameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en')
}

// Numeric so "Act 2" sorts before "Act 10"; base sensitivity so "éclair" sorts beside "eclair". A fixed
// locale, so an export lists the codebook in the same order on every machine, as the app does.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** By name as a person reads it, then exactly, then by id, so equal names still keep one stable order. */
export function compareThemes(a: Pick<ThemeShape, 'id' | 'name'>, b: Pick<ThemeShape, 'id' | 'name'>): number {
  return collator.compare(a.name, b.name) || compareCodeUnits(a.name, b.name) || compareCodeUnits(a.id, b.id)
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Every theme below `id` by its parentId links, at any depth (not `id` itself). */
export function descendantIds(themes: readonly Pick<Theme, 'id' | 'parentId'>[], id: string): Set<string> {
  const below = new Set<string>()
  let frontier = [id]
  while (frontier.length > 0) {
    const parents = new Set(frontier)
    // `below.has` also guards against a cycle a hand-edited file might contain.
    frontier = themes.filter((t) => t.parentId !== null && parents.has(t.parentId) && !below.has(t.id) && t.id !== id).map((t) => t.id)
    for (const child of frontier) below.add(child)
  }
  return below
}

/**
 * Children under their parents, each level sorted by compareThemes. A theme whose parent is missing (or
 * is itself) is shown at the top level, and a loop of parents (which the store refuses, but a hand-edited
 * file may hold) is broken at its first theme by name, which is shown at the top level: every theme
 * appears exactly once, none is dropped.
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

/**
 * Each theme's place in the tree: its ancestors from the top down, ending with the theme itself. Read
 * from buildTree, so a theme's path always agrees with where the codebook lists it, even on a loop.
 */
export function themeAncestry<T extends ThemeShape>(nodes: readonly ThemeNode<T>[]): Map<string, T[]> {
  const paths = new Map<string, T[]>()
  const visit = (node: ThemeNode<T>, above: readonly T[]): void => {
    const path = [...above, node.theme]
    paths.set(node.theme.id, path)
    for (const child of node.children) visit(child, path)
  }
  for (const node of nodes) visit(node, [])
  return paths
}
