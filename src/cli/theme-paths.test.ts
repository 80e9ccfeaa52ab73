import { describe, expect, it } from 'vitest'
import type { Theme } from '../shared/model'
import { AmbiguousThemeError, findTheme } from './theme-paths'

const theme = (id: string, name: string, parentId: string | null): Theme => ({
  id,
  name,
  parentId,
  color: '#c2851a',
  description: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z'
})

const themes = [
  theme('m', 'Music', null),
  theme('j', 'Jazz', 'm'),
  theme('f', 'Film', null),
  theme('fj', 'Jazz', 'f'),
  theme('s', 'Score', 'f'),
  theme('acdc', 'AC/DC', 'm')
]

describe('findTheme', () => {
  it.each([
    ['a top-level name', 'Music', 'm'],
    ['any case', 'mUSIC', 'm'],
    ['a path', 'film/jazz', 'fj'],
    ['a path with spaces around the slash', 'Music / Jazz', 'j'],
    ['a nested theme by a name no other theme has', 'score', 's'],
    ['a name with a slash in it', 'music/ac/dc', 'acdc'],
    ['an unknown name', 'Opera', null],
    ['a path that is not there', 'Music/Score', null]
  ])('finds %s', (_case, name, id) => {
    expect(findTheme(themes, name)?.id ?? null).toBe(id)
  })

  it('refuses a bare name two themes share, naming both paths', () => {
    expect(() => findTheme(themes, 'jazz')).toThrow(AmbiguousThemeError)
    expect(() => findTheme(themes, 'jazz')).toThrow(/“Music\/Jazz”, “Film\/Jazz”/)
  })
})
