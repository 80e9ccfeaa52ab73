// Theme requests: the codebook as a tree of themes with how much of the archive each one codes, and the
// edits that reshape it (create, rename, re-parent, merge, delete) without ever losing a highlight.
import { randomUUID } from 'node:crypto'
import type { ParsedRequestOf, ThemeSummary } from '../../shared/ipc/contract'
import type { Theme } from '../../shared/model'
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
function summarize(store: LibraryStore): ThemeSummary[] {
  return store.themes().map((theme) => {
    const count = store.themeCounts(theme.id)
    return { ...theme, highlightCount: count.highlights, articleCount: count.articles }
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
    const theme = requireTheme(store, id)
    const count = store.themeCounts(id)
    return { ...theme, highlightCount: count.highlights, articleCount: count.articles }
  }

  return {
    'themes:list': async (): Promise<ThemeSummary[]> => {
      await store.whenLoaded()
      return summarize(store)
    },

    'themes:create': async ({ name, color, description = '', parentId = null }: ParsedRequestOf<'themes:create'>): Promise<Theme> =>
      store.transact((tx) => {
        if (parentId !== null) tx.requireTheme(parentId)
        refuseNameClash(tx.themes(), parentId, name, new Set())
        const now = tx.now
        const theme: Theme = {
          id: `theme-${randomUUID()}`,
          name,
          color: color ?? defaultColor(tx.themes()),
          description,
          parentId,
          createdAt: now,
          updatedAt: now
        }
        tx.putTheme(theme)
        return theme
      }),

    'themes:update': async ({ id, name, color, description, parentId }: ParsedRequestOf<'themes:update'>): Promise<Theme> =>
      store.transact((tx) => {
        const current = tx.requireTheme(id)
        const theme = { ...current }
        const newParentId = parentId === undefined ? theme.parentId : parentId
        if (newParentId !== null && newParentId !== theme.parentId) {
          const parent = tx.requireTheme(newParentId)
          if (newParentId === id || descendantIds(tx.themes(), id).has(newParentId)) {
            const where = newParentId === id ? 'itself' : `“${parent.name}”, which is inside it`
            throw new LibraryError('conflict', `“${theme.name}” cannot go under ${where}: a theme cannot contain itself.`)
          }
        }
        const newName = name ?? theme.name
        if (newName !== theme.name || newParentId !== theme.parentId) refuseNameClash(tx.themes(), newParentId, newName, new Set([id]))
        theme.name = newName
        theme.parentId = newParentId
        if (color !== undefined) theme.color = color
        if (description !== undefined) theme.description = description
        theme.updatedAt = tx.now
        tx.putTheme(theme)
        return theme
      }),

    /** The source's passages and sub-themes go to the target, then the source is gone. No highlight is lost. */
    'themes:merge': async ({ sourceId, targetId }: ParsedRequestOf<'themes:merge'>): Promise<ThemeSummary> => {
      await store.transact((tx) => {
        const themes = tx.themes()
        const source = tx.requireTheme(sourceId)
        const target = tx.requireTheme(targetId)
        if (sourceId === targetId) throw new LibraryError('invalid-request', `“${source.name}” cannot be merged into itself.`)
        if (descendantIds(themes, sourceId).has(targetId)) {
          throw new LibraryError(
            'conflict',
            `“${source.name}” cannot be merged into “${target.name}”, which sits inside it. Move “${target.name}” out first, or merge the other way round.`
          )
        }
        const children = themes.filter((t) => t.parentId === sourceId)
        const clash = childClash(themes, children, targetId, new Set([sourceId, ...children.map((c) => c.id)]))
        if (clash) {
          throw new LibraryError(
            'conflict',
            `Both “${source.name}” and “${target.name}” have a sub-theme called “${clash[0].name}”. Rename or merge one of them first.`
          )
        }
        const now = tx.now
        for (const highlight of tx.highlightsWithTheme(sourceId)) {
          // Replaced in place, then de-duplicated: a passage coded with both keeps the target once.
          tx.putHighlight({ ...highlight, themeIds: [...new Set(highlight.themeIds.map((t) => (t === sourceId ? targetId : t)))], updatedAt: now })
        }
        for (const child of children) tx.putTheme({ ...child, parentId: targetId, updatedAt: now })
        tx.putTheme({ ...target, updatedAt: now })
        tx.removeTheme(sourceId, targetId)
      })
      return summaryOf(targetId)
    },

    /** The highlights stay, without this theme; its sub-themes move up to where it was. */
    'themes:delete': async ({ id }: ParsedRequestOf<'themes:delete'>): Promise<{ deleted: Theme; highlightsAffected: number }> =>
      store.transact((tx) => {
        const themes = tx.themes()
        const theme = tx.requireTheme(id)
        const children = themes.filter((t) => t.parentId === id)
        const clash = childClash(themes, children, theme.parentId, new Set([id, ...children.map((c) => c.id)]))
        if (clash) {
          throw new LibraryError(
            'conflict',
            `“${theme.name}” cannot be deleted yet: its sub-theme “${clash[0].name}” would then sit ` +
              `${placeOf(themes, theme.parentId)} beside a theme called “${clash[1].name}”. Rename or merge one of them first.`
          )
        }
        const now = tx.now
        const coded = tx.highlightsWithTheme(id)
        for (const highlight of coded) tx.putHighlight({ ...highlight, themeIds: highlight.themeIds.filter((t) => t !== id), updatedAt: now })
        for (const child of children) tx.putTheme({ ...child, parentId: theme.parentId, updatedAt: now })
        tx.removeTheme(id)
        return { deleted: theme, highlightsAffected: coded.length }
      })
  }
}
