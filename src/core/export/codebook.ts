// The theme tree as exports need it: in reading order, with each theme's ancestors, its sub-themes and
// its Obsidian tag. Built once per export so no theme lookup is a scan of the list; the tree and its
// order are shared/theme-tree.ts's, so an export lists the codebook as the app shows it.
import type { Theme } from '../../shared/model'
import { buildTree, flattenTree, themeAncestry, type ThemeNode } from '../../shared/theme-tree'

export { compareCodeUnits, compareThemes as byName } from '../../shared/theme-tree'

export interface Codebook {
  get(id: string): Theme | undefined
  /** Depth first, siblings by name: the order the codebook is read in. */
  readonly ordered: readonly Theme[]
  /** The themes directly under `parentId` (null: the top level), by name. */
  children(parentId: string | null): readonly Theme[]
  /** Root first, ending with the theme itself. Empty for an unknown id. */
  path(id: string): readonly Theme[]
  /** The theme and every theme below it. */
  subtree(id: string): ReadonlySet<string>
  /** Obsidian tag without the '#': "heritage", "cultural-exchange", "heritage/Korean-roots". */
  tag(id: string): string
  /** Names from the root down, joined by "/": "heritage/Korean roots". */
  pathName(id: string): string
}

export function buildCodebook(themes: readonly Theme[]): Codebook {
  const byId = new Map(themes.map((t) => [t.id, t]))
  // A theme whose parent is gone sits at the top; a loop a hand-edited file might hold is broken at its
  // first theme by name (see buildTree), so every theme is read once and none goes missing.
  const roots = buildTree(themes)
  const nodes = flattenTree(roots)
  const paths = themeAncestry(roots)
  const childrenOf = new Map<string | null, Theme[]>([[null, roots.map((node) => node.theme)]])
  for (const node of nodes) childrenOf.set(node.theme.id, node.children.map((child) => child.theme))

  const subtrees = new Map<string, Set<string>>()
  const collect = (node: ThemeNode<Theme>): Set<string> => {
    const below = new Set([node.theme.id])
    for (const child of node.children) for (const id of collect(child)) below.add(id)
    subtrees.set(node.theme.id, below)
    return below
  }
  for (const root of roots) collect(root)

  const pathOf = (id: string): readonly Theme[] => paths.get(id) ?? []
  const tags = uniqueTags(roots)
  return {
    get: (id) => byId.get(id),
    ordered: nodes.map((node) => node.theme),
    children: (parentId) => childrenOf.get(parentId) ?? [],
    path: pathOf,
    subtree: (id) => subtrees.get(id) ?? new Set(),
    tag: (id) => tags.get(id) ?? '',
    pathName: (id) => pathOf(id).map((t) => t.name).join('/')
  }
}

/**
 * Every theme's tag, unique: Obsidian matches tags without regard to case, and two names can make the
 * same tag ("K-pop" and "K pop", "R&B" and "RB", two names of emoji alone). Among siblings whose tags would
 * be the same, the theme created first keeps the plain tag and each later one gets a suffix made from its
 * id ("RB-k3f9"), so a tag never changes when another theme is added, renamed or removed elsewhere.
 */
function uniqueTags(roots: readonly ThemeNode<Theme>[]): Map<string, string> {
  const tags = new Map<string, string>()
  const visit = (siblings: readonly ThemeNode<Theme>[], prefix: string): void => {
    const used = new Set<string>()
    const byAge = [...siblings].sort((a, b) => a.theme.createdAt.localeCompare(b.theme.createdAt) || (a.theme.id < b.theme.id ? -1 : 1))
    for (const node of byAge) {
      let tag = prefix + tagSegment(node.theme.name)
      if (used.has(tag.toLocaleLowerCase('en'))) tag = `${tag}-${shortId(node.theme.id)}`
      used.add(tag.toLocaleLowerCase('en'))
      tags.set(node.theme.id, tag)
      visit(node.children, `${tag}/`)
    }
  }
  visit(roots, '')
  return tags
}

/** Four letters and digits from an id (FNV-1a): the same id always gives the same four. */
function shortId(id: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0
  return hash.toString(36).padStart(4, '0').slice(-4)
}

/**
 * One level of an Obsidian tag made from a theme name. Obsidian allows letters, digits, '_', '-' and '/'
 * (nesting) in a tag, no spaces, and not digits alone (help.obsidian.md, "Tags"). So: case is kept
 * (Obsidian matches tags case-insensitively); runs of spaces and any '/' in the name become one '-'
 * ('/' would otherwise invent a level); every other character outside letters, marks, digits, '_' and
 * '-' is dropped ("R&B" → "RB"); dashes are not doubled or left at the ends; a name of digits alone is
 * prefixed with '_' ("1984" → "_1984"); a name with nothing left becomes "untitled".
 */
export function tagSegment(name: string): string {
  const segment = name
    .normalize('NFC')
    .trim()
    .replace(/[\s/]+/gu, '-')
    .replace(/[^\p{L}\p{M}\p{N}_-]/gu, '')
    // A mark with no letter to sit on (an emoji's variation selector) is not a character of the tag.
    .replace(/(?<![\p{L}\p{N}\p{M}])\p{M}+/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
  if (segment === '') return 'untitled'
  return /^\p{N}+$/u.test(segment) ? `_${segment}` : segment
}
