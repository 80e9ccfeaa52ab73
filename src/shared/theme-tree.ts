// The codebook is a tree of themes linked by parentId. Main (filtering by a theme, refusing a move into
// a theme's own branch) and the renderer (the parent picker, the passages view) walk it the same way.
import type { Theme } from './model'

/** Every theme below `id`, at any depth (not `id` itself). */
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
