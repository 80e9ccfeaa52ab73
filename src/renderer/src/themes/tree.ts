// The codebook as the theme picker, the codebook page and the passages view show it: the tree and its
// order come from shared/theme-tree.ts (the one home of those rules); this adds the "parent / child"
// label and the forgiving match typing needs. Pure (no DOM, no React) so Vitest checks it under Node.
import { foldForSearch } from '../../../shared/text'
import { buildTree, descendantIds, orderThemes, sameThemeName, themeAncestry, type ThemeShape } from '../../../shared/theme-tree'

export { buildTree, compareThemes, flattenTree, orderThemes, type ThemeNode, type ThemeShape } from '../../../shared/theme-tree'

export const PATH_SEPARATOR = ' / '

/** The themes `id` may be moved under: any but itself and its own descendants, which would make a loop. */
export function parentCandidates<T extends ThemeShape>(themes: readonly T[], id: string): T[] {
  const excluded = descendantIds(themes, id)
  excluded.add(id)
  return orderThemes(themes).filter((t) => !excluded.has(t.id))
}

/** Each theme's label with its ancestors, "parent / child", as the codebook tree places it. */
export function themePaths(themes: readonly ThemeShape[]): Map<string, string> {
  const paths = new Map<string, string>()
  for (const [id, path] of themeAncestry(buildTree(themes))) paths.set(id, path.map((t) => t.name).join(PATH_SEPARATOR))
  return paths
}

/** True when `query` occurs anywhere in `text`, ignoring case, accents and spacing; an empty query matches all. */
export function matchesQuery(text: string, query: string): boolean {
  return foldForSearch(text).includes(foldForSearch(query))
}

/**
 * The themes already called `name` anywhere in the codebook, by the codebook's one rule of "the same
 * name" (sameThemeName: case and spacing aside, accents count), so typing a name never makes a twin the
 * core would refuse. Several when themes under different parents share a name.
 */
export function findByName<T extends ThemeShape>(themes: readonly T[], name: string): T[] {
  return name.trim() === '' ? [] : orderThemes(themes).filter((t) => sameThemeName(t.name, name))
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
