// Themes on the command line are named by their place in the codebook, "parent/child", as exports name
// them, because a name alone may be used under two parents. The tree, the path names and "the same name"
// are the codebook's own (export/codebook.ts, shared/theme-tree.ts); this only reads a name typed by hand.
import { buildCodebook } from '../core/export/codebook'
import type { Theme } from '../shared/model'
import { sameThemeName } from '../shared/theme-tree'

/**
 * The theme `name` names: its full path, or, for a bare name, the one theme anywhere called that.
 * null when none does; throws AmbiguousThemeError when a bare name fits several.
 */
export function findTheme<T extends Theme>(themes: readonly T[], name: string): T | null {
  const codebook = buildCodebook(themes)
  const wanted = name.split('/')
  const byPath = themes.find((t) => {
    const path = codebook.path(t.id)
    // The whole string too, for a theme whose own name has a slash in it ("AC/DC").
    if (sameThemeName(codebook.pathName(t.id), name)) return true
    return path.length === wanted.length && path.every((step, i) => sameThemeName(step.name, wanted[i]!))
  })
  if (byPath || wanted.length > 1) return byPath ?? null
  const named = themes.filter((t) => sameThemeName(t.name, name))
  if (named.length > 1) {
    const paths = named.map((t) => `“${codebook.pathName(t.id)}”`).join(', ')
    throw new AmbiguousThemeError(`More than one theme is called “${name.trim()}” (${paths}); name it by its path, parent/child.`)
  }
  return named[0] ?? null
}

export class AmbiguousThemeError extends Error {
  override name = 'AmbiguousThemeError'
}
