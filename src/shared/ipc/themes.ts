// Theme requests: the codebook with how much of the archive each theme codes, and the edits that reshape
// it (create, rename, re-parent, merge, delete).
import { z } from 'zod'
import { HexColor, ThemeName, type Theme } from '../model'
import { channel, Empty, Id, type DomainContract } from './define'

export interface ThemeSummary extends Theme {
  highlightCount: number
  articleCount: number
}

export const themesContract = {
  'themes:list': channel<ThemeSummary[]>()(Empty),
  'themes:create': channel<Theme>()(
    z
      .object({ name: ThemeName, color: HexColor.optional(), description: z.string().max(500).optional(), parentId: Id.nullable().optional() })
      .strict()
  ),
  'themes:update': channel<Theme>()(
    z
      .object({
        id: Id,
        name: ThemeName.optional(),
        color: HexColor.optional(),
        description: z.string().max(500).optional(),
        parentId: Id.nullable().optional()
      })
      .strict()
  ),
  'themes:merge': channel<ThemeSummary>()(z.object({ sourceId: Id, targetId: Id }).strict()),
  'themes:delete': channel<{ deleted: Theme; highlightsAffected: number }>()(z.object({ id: Id }).strict())
} satisfies DomainContract
