// Theme requests: the codebook as a tree of themes with how much of the archive each one codes, and the
// edits that reshape it (create, rename, re-parent, merge, delete) without ever losing a highlight.
import { randomUUID } from 'node:crypto'
import type { ParsedRequestOf, ThemeSummary } from '../../shared/ipc/contract'
import type { LibraryData, Theme } from '../../shared/model'
import { descendantIds } from '../../shared/theme-tree'
import { LibraryError } from '../library/errors'
import type { LibraryStore } from '../library/store'
import { requireTheme } from './records'
import { placeOf, siblingNamed } from './theme-tree'

/**
 * Colours a new theme gets when none is chosen: the starting codebook's seven, then five more of the same
 * weight, all dark enough to carry white text on a chip and to tint a highlight when lightened.
 */
export const THEME_PALETTE = [
  '#c2851a',
  '#2f7d5b',
  '#7a4fb5',
  '#2a6fb0',
  '#b5452f',
  '#d0477f',
  '#5c6a74',
  '#1f7f86',
  '#8a6d1f',
  '#9c3d8f',
  '#4d7a2a',
  '#a35a2a'
] as const

/** The palette colour fewest themes use (the earliest on a tie), so neighbours in the list look different. */
export function defaultColor(themes: readonly Theme[]): string {
  const uses = (color: string) => themes.filter((t) => t.color.toLowerCase() === color).length
  return THEME_PALETTE.reduce((best, color) => (uses(color) < uses(best) ? color : best))
}

/** Highlights carrying each theme directly (not through a sub-theme), and the distinct articles they are in. */
function summarize(data: Readonly<LibraryData>): ThemeSummary[] {
  const counts = new Map<string, { highlights: number; articles: Set<string> }>()
  for (const highlight of data.highlights) {
    for (const themeId of new Set(highlight.themeIds)) {
      const count = counts.get(themeId) ?? { highlights: 0, articles: new Set<string>() }
      count.highlights++
      count.articles.add(highlight.articleId)
      counts.set(themeId, count)
    }
  }
  return data.themes.map((theme) => {
    const count = counts.get(theme.id)
    return { ...theme, highlightCount: count?.highlights ?? 0, articleCount: count?.articles.size ?? 0 }
  })
}

function refuseNameClash(themes: readonly Theme[], parentId: string | null, name: string, ignore: ReadonlySet<string>): void {
  const existing = siblingNamed(themes, parentId, name, ignore)
  if (existing) {
    throw new LibraryError(
      'conflict',
      `There is already a theme called “${existing.name}” ${placeOf(themes, parentId)}. Choose another name, or merge the two themes.`
    )
  }
}

/**
 * When a theme's children move to `newParentId` (on merge or delete), none may land beside a theme of the
 * same name; `ignore` holds the themes leaving that level. Returns the clash as [moving, existing].
 */
function childClash(
  themes: readonly Theme[],
  children: readonly Theme[],
  newParentId: string | null,
  ignore: ReadonlySet<string>
): [Theme, Theme] | null {
  for (const child of children) {
    const existing = siblingNamed(themes, newParentId, child.name, ignore)
    if (existing) return [child, existing]
  }
  return null
}

export function themeServices(store: LibraryStore) {
  const summaryOf = (id: string): ThemeSummary => {
    const summary = summarize(store.data).find((t) => t.id === id)
    if (!summary) throw new Error(`Theme ${id} vanished right after it was written`)
    return summary
  }

  return {
    'themes:list': async (): Promise<ThemeSummary[]> => summarize(store.data),

    'themes:create': async ({ name, color, description = '', parentId = null }: ParsedRequestOf<'themes:create'>): Promise<Theme> =>
      store.update((data) => {
        if (parentId !== null) requireTheme(data, parentId)
        refuseNameClash(data.themes, parentId, name, new Set())
        const now = store.now()
        const theme: Theme = {
          id: `theme-${randomUUID()}`,
          name,
          color: color ?? defaultColor(data.themes),
          description,
          parentId,
          createdAt: now,
          updatedAt: now
        }
        data.themes.push(theme)
        return theme
      }),

    'themes:update': async ({ id, name, color, description, parentId }: ParsedRequestOf<'themes:update'>): Promise<Theme> =>
      store.update((data) => {
        const theme = requireTheme(data, id)
        const newParentId = parentId === undefined ? theme.parentId : parentId
        if (newParentId !== null && newParentId !== theme.parentId) {
          const parent = requireTheme(data, newParentId)
          if (newParentId === id || descendantIds(data.themes, id).has(newParentId)) {
            const where = newParentId === id ? 'itself' : `“${parent.name}”, which is inside it`
            throw new LibraryError('conflict', `“${theme.name}” cannot go under ${where}: a theme cannot contain itself.`)
          }
        }
        const newName = name ?? theme.name
        if (newName !== theme.name || newParentId !== theme.parentId) refuseNameClash(data.themes, newParentId, newName, new Set([id]))
        theme.name = newName
        theme.parentId = newParentId
        if (color !== undefined) theme.color = color
        if (description !== undefined) theme.description = description
        theme.updatedAt = store.now()
        return theme
      }),

    /** The source's passages and sub-themes go to the target, then the source is gone. No highlight is lost. */
    'themes:merge': async ({ sourceId, targetId }: ParsedRequestOf<'themes:merge'>): Promise<ThemeSummary> => {
      await store.update((data) => {
        const source = requireTheme(data, sourceId)
        const target = requireTheme(data, targetId)
        if (sourceId === targetId) throw new LibraryError('invalid-request', `“${source.name}” cannot be merged into itself.`)
        if (descendantIds(data.themes, sourceId).has(targetId)) {
          throw new LibraryError(
            'conflict',
            `“${source.name}” cannot be merged into “${target.name}”, which sits inside it. Move “${target.name}” out first, or merge the other way round.`
          )
        }
        const children = data.themes.filter((t) => t.parentId === sourceId)
        const clash = childClash(data.themes, children, targetId, new Set([sourceId, ...children.map((c) => c.id)]))
        if (clash) {
          throw new LibraryError(
            'conflict',
            `Both “${source.name}” and “${target.name}” have a sub-theme called “${clash[0].name}”. Rename or merge one of them first.`
          )
        }
        const now = store.now()
        for (const highlight of data.highlights) {
          if (!highlight.themeIds.includes(sourceId)) continue
          // Replaced in place, then de-duplicated: a passage coded with both keeps the target once.
          highlight.themeIds = [...new Set(highlight.themeIds.map((t) => (t === sourceId ? targetId : t)))]
          highlight.updatedAt = now
        }
        for (const child of children) {
          child.parentId = targetId
          child.updatedAt = now
        }
        target.updatedAt = now
        data.themes = data.themes.filter((t) => t.id !== sourceId)
      })
      return summaryOf(targetId)
    },

    /** The highlights stay, without this theme; its sub-themes move up to where it was. */
    'themes:delete': async ({ id }: ParsedRequestOf<'themes:delete'>): Promise<{ deleted: Theme; highlightsAffected: number }> =>
      store.update((data) => {
        const theme = requireTheme(data, id)
        const children = data.themes.filter((t) => t.parentId === id)
        const clash = childClash(data.themes, children, theme.parentId, new Set([id, ...children.map((c) => c.id)]))
        if (clash) {
          throw new LibraryError(
            'conflict',
            `“${theme.name}” cannot be deleted yet: its sub-theme “${clash[0].name}” would then sit ` +
              `${placeOf(data.themes, theme.parentId)} beside a theme called “${clash[1].name}”. Rename or merge one of them first.`
          )
        }
        const now = store.now()
        let highlightsAffected = 0
        for (const highlight of data.highlights) {
          if (!highlight.themeIds.includes(id)) continue
          highlight.themeIds = highlight.themeIds.filter((t) => t !== id)
          highlight.updatedAt = now
          highlightsAffected++
        }
        for (const child of children) {
          child.parentId = theme.parentId
          child.updatedAt = now
        }
        data.themes = data.themes.filter((t) => t.id !== id)
        return { deleted: theme, highlightsAffected }
      })
  }
}
