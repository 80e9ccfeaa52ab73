// The codebook is a tree of themes linked by parentId (walked by shared/theme-tree.ts). These pure helpers
// keep its names readable: no two siblings called the same, and messages that say where a theme sits.
import type { Theme } from '../../shared/model'

/** Names compare as a person reads them: "Heritage", "heritage" and "HERITAGE" are one name. */
export function sameName(a: string, b: string): boolean {
  return a.trim().normalize('NFC').toLocaleLowerCase('en') === b.trim().normalize('NFC').toLocaleLowerCase('en')
}

/** A theme under `parentId` already called `name`, other than those in `ignore` (which are moving away). */
export function siblingNamed(themes: readonly Theme[], parentId: string | null, name: string, ignore: ReadonlySet<string>): Theme | null {
  return themes.find((t) => t.parentId === parentId && !ignore.has(t.id) && sameName(t.name, name)) ?? null
}

/** "at the top of the codebook" or "under “music”", for messages about where a theme sits. */
export function placeOf(themes: readonly Theme[], parentId: string | null): string {
  if (parentId === null) return 'at the top of the codebook'
  const parent = themes.find((t) => t.id === parentId)
  return parent ? `under “${parent.name}”` : 'there'
}
