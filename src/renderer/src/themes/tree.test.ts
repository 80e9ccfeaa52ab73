import { describe, expect, it } from 'vitest'
import {
  buildTree,
  findByName,
  flattenTree,
  matchesQuery,
  orderThemes,
  parentCandidates,
  pickerOptions,
  themePaths,
  type ThemeShape
} from './tree'

const theme = (id: string, name: string, parentId: string | null = null): ThemeShape => ({ id, name, parentId })

// heritage ─┬─ Korean roots ── hanbok
//           └─ Black roots
// fatherhood
// Éthique
const codebook = [
  theme('f', 'fatherhood'),
  theme('k', 'Korean roots', 'h'),
  theme('hb', 'hanbok', 'k'),
  theme('h', 'heritage'),
  theme('b', 'Black roots', 'h'),
  theme('e', 'Éthique')
]

const outline = (themes: readonly ThemeShape[]): string[] =>
  flattenTree(buildTree(themes)).map((n) => `${'  '.repeat(n.depth)}${n.theme.name}`)

describe('buildTree', () => {
  it('nests children under parents and sorts each level by name, ignoring case and accents', () => {
    expect(outline(codebook)).toEqual(['Éthique', 'fatherhood', 'heritage', '  Black roots', '  Korean roots', '    hanbok'])
  })

  it('sorts numbers in names by value', () => {
    expect(outline([theme('2', 'Act 10'), theme('1', 'Act 2')])).toEqual(['Act 2', 'Act 10'])
  })

  it('shows a theme whose parent is gone at the top level', () => {
    expect(outline([theme('a', 'orphan', 'missing'), theme('b', 'beta')])).toEqual(['beta', 'orphan'])
  })

  it('places every theme of a loop of parents once, breaking it at the first by name', () => {
    const loop = [theme('x', 'xeno', 'y'), theme('y', 'yak', 'z'), theme('z', 'alpha', 'x'), theme('s', 'self', 's')]
    // alpha is x's parent's parent: y (yak) names alpha as parent, x (xeno) names y.
    expect(outline(loop)).toEqual(['alpha', '  yak', '    xeno', 'self'])
  })

  it('returns an empty tree for an empty codebook', () => {
    expect(buildTree([])).toEqual([])
  })
})

describe('parentCandidates', () => {
  it('offers as parents every theme but the theme itself and its descendants, in codebook order', () => {
    expect(parentCandidates(codebook, 'k').map((t) => t.name)).toEqual(['Éthique', 'fatherhood', 'heritage', 'Black roots'])
    expect(parentCandidates(codebook, 'h').map((t) => t.name)).toEqual(['Éthique', 'fatherhood'])
  })
})

describe('themePaths', () => {
  it('names each theme with its ancestors', () => {
    const paths = themePaths(codebook)
    expect(paths.get('hb')).toBe('heritage / Korean roots / hanbok')
    expect(paths.get('b')).toBe('heritage / Black roots')
    expect(paths.get('f')).toBe('fatherhood')
  })

  it('follows the tree on a loop of parents, so a label agrees with where the theme is listed', () => {
    const paths = themePaths([theme('a', 'a', 'b'), theme('b', 'b', 'a')])
    expect(paths.get('a')).toBe('a')
    expect(paths.get('b')).toBe('a / b')
  })
})

describe('matching', () => {
  it.each([
    ['Éthique', 'eth', true],
    ['ethique', 'ÉTH', true],
    ['Café culture', 'e c', true],
    ['Øresund', 'oresund', true],
    ['Straße', 'strasse', true],
    ['the K-pop industry', 'POP', true],
    ['the K-pop industry', 'kpop', false],
    ['케이팝 산업', '케이', true],
    ['heritage', '', true],
    ['heritage', '   ', true],
    ['heritage', 'heritages', false]
  ])('%s contains %s: %s', (text, query, expected) => {
    expect(matchesQuery(text, query)).toBe(expected)
  })

  it('finds existing themes by the same name typed differently, in codebook order', () => {
    const ids = (name: string, themes = codebook): string[] => findByName(themes, name).map((t) => t.id)
    expect(ids('éthique')).toEqual(['e'])
    expect(ids('E\u0301THIQUE')).toEqual(['e'])
    // Accents count, as the core counts them when it refuses a twin: "ethique" is a new name.
    expect(ids('ethique')).toEqual([])
    expect(ids(' FATHERHOOD ')).toEqual(['f'])
    expect(ids('Korean  roots')).toEqual(['k'])
    expect(ids('father')).toEqual([])
    expect(ids('  ')).toEqual([])
    expect(ids('roots', [...codebook, theme('r2', 'Roots', 'f'), theme('r1', 'roots', 'h')])).toEqual(['r2', 'r1'])
  })
})

describe('pickerOptions', () => {
  const offered = (query: string, excluded: string[] = []): string[] =>
    pickerOptions(codebook, query, new Set(excluded)).map((o) => o.path)

  it('offers the whole codebook in order for an empty query, with paths', () => {
    expect(offered('')).toEqual([
      'Éthique',
      'fatherhood',
      'heritage',
      'heritage / Black roots',
      'heritage / Korean roots',
      'heritage / Korean roots / hanbok'
    ])
  })

  it('matches the name anywhere, not the parents', () => {
    expect(offered('roots')).toEqual(['heritage / Black roots', 'heritage / Korean roots'])
    expect(offered('her')).toEqual(['fatherhood', 'heritage'])
  })

  it('matches the path when the query names one', () => {
    expect(offered('heritage/kor')).toEqual(['heritage / Korean roots', 'heritage / Korean roots / hanbok'])
    expect(offered('korean roots /')).toEqual(['heritage / Korean roots / hanbok'])
  })

  it('leaves out themes already chosen', () => {
    expect(offered('roots', ['b'])).toEqual(['heritage / Korean roots'])
  })

  it('keeps the codebook order stable', () => {
    expect(orderThemes(codebook).map((t) => t.id)).toEqual(['e', 'f', 'h', 'b', 'k', 'hb'])
  })
})
