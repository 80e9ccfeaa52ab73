import { describe, expect, it } from 'vitest'
import type { Theme } from '../../shared/model'
import { buildCodebook, tagSegment } from './codebook'

describe('tagSegment (one level of an Obsidian tag)', () => {
  it.each([
    ['heritage', 'heritage'],
    ['cultural exchange', 'cultural-exchange'],
    ['Black musical lineage', 'Black-musical-lineage'],
    ['the K-pop industry', 'the-K-pop-industry'],
    ['  spaced   out  ', 'spaced-out'],
    ['R&B / soul', 'RB-soul'],
    ['AC/DC', 'AC-DC'],
    ['Han’s “story”', 'Hans-story'],
    ['under_score', 'under_score'],
    ['한국 문화', '한국-문화'],
    ['André', 'André'],
    ['1984', '_1984'],
    ['y1984', 'y1984'],
    ['#tag', 'tag'],
    ['- dash -', 'dash'],
    ['!!!', 'untitled']
  ])('%j → %j', (name, tag) => {
    expect(tagSegment(name)).toBe(tag)
    expect(tag).toMatch(/^[\p{L}\p{M}\p{N}_-]*[\p{L}\p{M}_-][\p{L}\p{M}\p{N}_-]*$/u)
  })
})

const theme = (id: string, name: string, parentId: string | null = null): Theme => ({
  id,
  name,
  color: '#000000',
  description: '',
  parentId,
  createdAt: '',
  updatedAt: ''
})

describe('buildCodebook', () => {
  const codebook = buildCodebook([
    theme('t-identity', 'identity'),
    theme('t-roots', 'Korean roots', 't-heritage'),
    theme('t-heritage', 'heritage'),
    theme('t-family', 'family gatherings', 't-roots'),
    theme('t-Alpha', 'Alpha', 't-heritage'),
    theme('t-orphan', 'orphan', 't-gone')
  ])

  it('reads depth first, siblings by name, a theme whose parent is gone at the top', () => {
    expect(codebook.ordered.map((t) => t.name)).toEqual(['heritage', 'Alpha', 'Korean roots', 'family gatherings', 'identity', 'orphan'])
  })

  it('gives paths, tags and sub-trees', () => {
    expect(codebook.tag('t-family')).toBe('heritage/Korean-roots/family-gatherings')
    expect(codebook.pathName('t-family')).toBe('heritage/Korean roots/family gatherings')
    expect([...codebook.subtree('t-heritage')].sort()).toEqual(['t-Alpha', 't-family', 't-heritage', 't-roots'])
    expect([...codebook.subtree('t-family')]).toEqual(['t-family'])
    expect(codebook.path('nope')).toEqual([])
  })

  it('survives a cycle a hand-edited file might hold, breaking it where the app does', () => {
    const cyclic = buildCodebook([theme('a', 'a', 'b'), theme('b', 'b', 'a')])
    // The loop is broken at its first theme by name, which is listed (and tagged) at the top.
    expect(cyclic.tag('a')).toBe('a')
    expect(cyclic.tag('b')).toBe('a/b')
    expect(cyclic.ordered.map((t) => t.id)).toEqual(['a', 'b'])
    expect(cyclic.children(null).map((t) => t.id)).toEqual(['a'])
    expect([...cyclic.subtree('a')].sort()).toEqual(['a', 'b'])
  })

  it('lists a theme the same way the app does', () => {
    const codebook = buildCodebook([theme('2', 'Act 10'), theme('1', 'Act 2'), theme('3', 'éclair'), theme('4', 'Eclair')])
    expect(codebook.ordered.map((t) => t.name)).toEqual(['Act 2', 'Act 10', 'Eclair', 'éclair'])
  })
})

describe('unique tags', () => {
  const at = (id: string, name: string, createdAt: string, parentId: string | null = null): Theme => ({
    id,
    name,
    color: '#888888',
    description: '',
    parentId,
    createdAt,
    updatedAt: createdAt,
    rev: 1
  })

  it('gives names that make the same tag distinct tags, the older theme keeping the plain one', () => {
    const themes = [
      at('t-kpop', 'K-pop', '2026-01-01T00:00:00.000Z'),
      at('t-k-pop', 'K pop', '2026-01-02T00:00:00.000Z'),
      at('t-rnb', 'R&B', '2026-01-01T00:00:00.000Z'),
      at('t-rb', 'RB', '2026-01-03T00:00:00.000Z'),
      at('t-rb-lower', 'rb', '2026-01-04T00:00:00.000Z'),
      at('t-heart', '❤️', '2026-01-01T00:00:00.000Z'),
      at('t-star', '⭐', '2026-01-02T00:00:00.000Z'),
      at('t-roots-top', 'heritage/roots', '2026-01-01T00:00:00.000Z'),
      at('t-heritage', 'heritage', '2026-01-01T00:00:00.000Z'),
      at('t-roots', 'roots', '2026-01-01T00:00:00.000Z', 't-heritage'),
      at('t-korean', '한국', '2026-01-01T00:00:00.000Z')
    ]
    const codebook = buildCodebook(themes)
    const tags = themes.map((t) => codebook.tag(t.id))
    expect(new Set(tags.map((t) => t.toLowerCase())).size).toBe(themes.length)
    expect(codebook.tag('t-kpop')).toBe('K-pop')
    expect(codebook.tag('t-k-pop')).toMatch(/^K-pop-[0-9a-z]{4}$/)
    expect(codebook.tag('t-rnb')).toBe('RB')
    expect(codebook.tag('t-rb')).toMatch(/^RB-[0-9a-z]{4}$/)
    expect(codebook.tag('t-heart')).toBe('untitled')
    expect(codebook.tag('t-star')).toMatch(/^untitled-[0-9a-z]{4}$/)
    expect(codebook.tag('t-roots-top')).toBe('heritage-roots')
    expect(codebook.tag('t-roots')).toBe('heritage/roots')
    expect(codebook.tag('t-korean')).toBe('한국')
    // Stable: a theme added later never changes the tags already given.
    const more = buildCodebook([...themes, at('t-late', 'k-pop', '2026-02-01T00:00:00.000Z')])
    for (const t of themes) expect(more.tag(t.id)).toBe(codebook.tag(t.id))
    expect(more.tag('t-late')).toMatch(/^k-pop-[0-9a-z]{4}$/)
  })
})
