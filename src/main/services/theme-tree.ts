// The codebook is a tree of themes linked by parentId. These pure helpers answer the questions that keep
// it a tree (no theme inside itself) with readable names (no two siblings called the same).
import type { Theme } from '../../shared/model'

/** Every theme below `id`, at any depth (not `id` itself). */
export function descendantIds(themes: readonly Theme[], id: string): Set<string> {
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
