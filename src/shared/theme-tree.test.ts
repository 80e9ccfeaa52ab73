// The codebook's rules: walking the tree safely on a loop of parents, one order, one idea of "the same name".
import { describe, expect, it } from 'vitest'
import { buildTree, compareThemes, descendantIds, orderThemes, sameThemeName, themeAncestry, themeNameKey } from './theme-tree'

const link = (id: string, parentId: string | null = null) => ({ id, parentId })
const links = [link('h'), link('b', 'h'), link('k', 'h'), link('hb', 'k'), link('f')]

describe('descendantIds', () => {
  it.each([
    ['h', ['b', 'k', 'hb']],
    ['k', ['hb']],
    ['hb', []],
    ['f', []]
  ])('the descendants of %s', (id, expected) => {
    expect([...descendantIds(links, id)].sort()).toEqual([...expected].sort())
  })

  it('ends on a loop of parents', () => {
    expect([...descendantIds([link('a', 'b'), link('b', 'a')], 'a')]).toEqual(['b'])
  })
})

describe('sameThemeName', () => {
  it.each([
    ['Heritage', 'heritage', true],
    ['HERITAGE', 'heritage', true],
    ['  heritage ', 'heritage', true],
    ['Korean  roots', 'korean roots', true],
    ['Korean\troots', 'Korean roots', true],
    // é as one code point and as e + combining acute accent (NFC makes them one).
    ['r\u00e9sum\u00e9', 're\u0301sume\u0301', true],
    ['ÉTHIQUE', 'éthique', true],
    ['한국 문화', '한국 문화', true],
    // Accents count: these are different words.
    ['resume', 'résumé', false],
    ['Éthique', 'ethique', false],
    ['heritage', 'heritages', false],
    ['K-pop', 'kpop', false]
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameThemeName(a, b)).toBe(same)
    expect(sameThemeName(b, a)).toBe(same)
    expect(themeNameKey(a) === themeNameKey(b)).toBe(same)
  })
})

const theme = (id: string, name: string, parentId: string | null = null) => ({ id, name, parentId })

describe('compareThemes', () => {
  it('sorts by name as read (numbers by value, accents beside their letter), then exactly, then by id', () => {
    const themes = [theme('5', 'éclair'), theme('4', 'Eclair'), theme('2', 'Act 10'), theme('1', 'Act 2'), theme('7', 'b'), theme('6', 'b')]
    expect([...themes].sort(compareThemes).map((t) => t.id)).toEqual(['1', '2', '6', '7', '4', '5'])
  })
})

describe('buildTree', () => {
  const codebook = [theme('f', 'fatherhood'), theme('k', 'Korean roots', 'h'), theme('hb', 'hanbok', 'k'), theme('h', 'heritage'), theme('b', 'Black roots', 'h')]

  it('nests children under parents, each level by name', () => {
    expect(orderThemes(codebook).map((t) => t.id)).toEqual(['f', 'h', 'b', 'k', 'hb'])
  })

  it('gives each theme its ancestors as the tree places it', () => {
    const ancestry = themeAncestry(buildTree(codebook))
    expect(ancestry.get('hb')?.map((t) => t.id)).toEqual(['h', 'k', 'hb'])
    expect(ancestry.get('f')?.map((t) => t.id)).toEqual(['f'])
  })

  it('places every theme of a loop once, breaking the loop at the first by name', () => {
    const loop = [theme('x', 'xeno', 'y'), theme('y', 'yak', 'z'), theme('z', 'alpha', 'x'), theme('s', 'self', 's'), theme('o', 'orphan', 'gone')]
    const ancestry = themeAncestry(buildTree(loop))
    expect(orderThemes(loop).map((t) => t.name)).toEqual(['alpha', 'yak', 'xeno', 'orphan', 'self'])
    expect(ancestry.get('x')?.map((t) => t.name)).toEqual(['alpha', 'yak', 'xeno'])
    expect(ancestry.size).toBe(loop.length)
  })
})
