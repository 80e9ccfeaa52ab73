import { describe, expect, it } from 'vitest'
import { highlightBlockId, linerNotesUrl, parseLinerNotesUrl } from './links'

describe('linerNotesUrl and parseLinerNotesUrl', () => {
  it.each([
    ['000_ad238df8b954e232', 'hl-3f0c2a9e-1b7d-4c1e-9a51-0d7c6b1e2f40', 'liner-notes://open/000_ad238df8b954e232/hl-3f0c2a9e-1b7d-4c1e-9a51-0d7c6b1e2f40'],
    ['a/b?c#d', 'x y%z', 'liner-notes://open/a%2Fb%3Fc%23d/x%20y%25z'],
    ['André’s', 'é', 'liner-notes://open/Andr%C3%A9%E2%80%99s/%C3%A9']
  ])('round-trips article %j and highlight %j', (articleId, highlightId, url) => {
    expect(linerNotesUrl(articleId, highlightId)).toBe(url)
    expect(parseLinerNotesUrl(url)).toEqual({ articleId, highlightId })
  })

  it('links to an article as a whole', () => {
    expect(linerNotesUrl('002_28dc0072aca979dd')).toBe('liner-notes://open/002_28dc0072aca979dd')
    expect(parseLinerNotesUrl('liner-notes://open/002_28dc0072aca979dd/')).toEqual({ articleId: '002_28dc0072aca979dd', highlightId: null })
  })

  it.each([
    'https://open/a/b',
    'liner-notes://close/a/b',
    'liner-notes://open/',
    'liner-notes://open/a/b/c',
    'liner-notes://open/a/b?x=1',
    'liner-notes://open/%E0%A4%A/b',
    'javascript:alert(1)//liner-notes://open/a/b'
  ])('refuses %j', (url) => {
    expect(parseLinerNotesUrl(url)).toBeNull()
  })
})

describe('highlightBlockId', () => {
  it.each([
    ['hl-3f0c2a9e-1b7d-4c1e-9a51-0d7c6b1e2f40', 'hl-3f0c2a9e-1b7d-4c1e-9a51-0d7c6b1e2f40'],
    ['abc', 'hl-abc']
  ])('keeps an id Obsidian accepts: %j → %j', (id, blockId) => {
    expect(highlightBlockId(id)).toBe(blockId)
  })

  it('gives ids with other characters a distinct, valid id, the same every time', () => {
    const a = highlightBlockId('a_b')
    const b = highlightBlockId('a.b')
    expect(a).toMatch(/^hl-a-b-x[0-9a-f]{8}$/)
    expect(b).toMatch(/^[A-Za-z0-9-]+$/)
    expect(a).not.toBe(b)
    expect(highlightBlockId('a_b')).toBe(a)
    expect(highlightBlockId('__')).toMatch(/^hl-x[0-9a-f]{8}$/)
  })
})
