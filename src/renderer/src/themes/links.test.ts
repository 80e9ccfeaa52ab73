import { describe, expect, it } from 'vitest'
import { parseThemesHash, passageHref, themeHref } from './links'

describe('theme addresses', () => {
  it.each([
    ['#/themes', { name: 'themes' }],
    ['#/themes/', { name: 'themes' }],
    ['#/themes/abc', { name: 'theme', id: 'abc' }],
    [themeHref('a b/c'), { name: 'theme', id: 'a b/c' }],
    ['#/themes/%E0', null],
    ['#/themes/a/b', null],
    ['#/article/abc', null],
    ['#/', null]
  ])('%s', (hash, expected) => {
    expect(parseThemesHash(hash)).toEqual(expected)
  })

  it('points at a passage in the reader', () => {
    expect(passageHref('art 1', 'h/2')).toBe('#/article/art%201/highlight/h%2F2')
  })
})
