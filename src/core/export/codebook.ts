// The theme tree as exports need it: in reading order, with each theme's ancestors, its sub-themes and
// its Obsidian tag. Built once per export so no theme lookup is a scan of the list.
import type { Theme } from '../../shared/model'

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

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** Orders by name as a reader would, then exactly, then by id, so equal names still sort the same way. */
export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return collator.compare(a.name, b.name) || compareCodeUnits(a.name, b.name) || compareCodeUnits(a.id, b.id)
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function buildCodebook(themes: readonly Theme[]): Codebook {
  const byId = new Map(themes.map((t) => [t.id, t]))
  const paths = new Map<string, Theme[]>()
  const pathOf = (id: string): Theme[] => {
    const known = paths.get(id)
    if (known) return known
    const chain: Theme[] = []
    const seen = new Set<string>()
    // Walks up; `seen` stops at a cycle a hand-edited file might hold, which then roots at its first repeat.
    for (let t = byId.get(id); t && !seen.has(t.id); t = t.parentId === null ? undefined : byId.get(t.parentId)) {
      seen.add(t.id)
      chain.unshift(t)
    }
    paths.set(id, chain)
    return chain
  }
  const parentOf = (t: Theme): string | null => {
    const chain = pathOf(t.id)
    return chain.length > 1 ? (chain[chain.length - 2]?.id ?? null) : null
  }
  const childrenOf = new Map<string | null, Theme[]>()
  for (const t of themes) {
    const parent = parentOf(t)
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), t])
  }
  for (const list of childrenOf.values()) list.sort(byName)

  const ordered: Theme[] = []
  const subtrees = new Map<string, Set<string>>()
  const visit = (t: Theme): Set<string> => {
    ordered.push(t)
    const below = new Set([t.id])
    subtrees.set(t.id, below)
    for (const child of childrenOf.get(t.id) ?? []) {
      if (!subtrees.has(child.id)) for (const id of visit(child)) below.add(id)
    }
    return below
  }
  for (const root of childrenOf.get(null) ?? []) visit(root)
  // Themes of a cycle have no root above them; they are read after the rest, so none goes missing.
  for (const t of [...themes].sort(byName)) if (!subtrees.has(t.id)) visit(t)

  return {
    get: (id) => byId.get(id),
    ordered,
    children: (parentId) => childrenOf.get(parentId) ?? [],
    path: pathOf,
    subtree: (id) => subtrees.get(id) ?? new Set(),
    tag: (id) => pathOf(id).map((t) => tagSegment(t.name)).join('/'),
    pathName: (id) => pathOf(id).map((t) => t.name).join('/')
  }
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
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
  if (segment === '') return 'untitled'
  return /^\p{N}+$/u.test(segment) ? `_${segment}` : segment
}
