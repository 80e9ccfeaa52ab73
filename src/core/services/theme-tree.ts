// Messages and checks about where a theme sits in the codebook, for the theme requests. The tree itself
// and what counts as "the same name" live in shared/theme-tree.ts, so the page and the core agree.
import type { Theme } from '../../shared/model'
import { sameThemeName } from '../../shared/theme-tree'

/** The codebook's name equality under its old name; src/cli imports it from here. New code: sameThemeName. */
export { sameThemeName as sameName }

/** A theme under `parentId` already called `name` (by sameThemeName), other than those in `ignore` (which are moving away). */
export function siblingNamed(themes: readonly Theme[], parentId: string | null, name: string, ignore: ReadonlySet<string>): Theme | null {
  return themes.find((t) => t.parentId === parentId && !ignore.has(t.id) && sameThemeName(t.name, name)) ?? null
}

/** "at the top of the codebook" or "under “music”", for messages about where a theme sits. */
export function placeOf(themes: readonly Theme[], parentId: string | null): string {
  if (parentId === null) return 'at the top of the codebook'
  const parent = themes.find((t) => t.id === parentId)
  return parent ? `under “${parent.name}”` : 'there'
}
