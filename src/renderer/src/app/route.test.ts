import { describe, expect, it } from 'vitest'
import { hrefFor, parseRoute, type Route } from './route'

describe('routes', () => {
  it.each<Route>([
    { name: 'library' },
    { name: 'article', id: '000_ad238df8b954e232' },
    { name: 'article', id: 'a b/c', highlightId: 'hl-1' },
    { name: 'article', id: '000_ad238df8b954e232', at: { start: 20281, end: 20286 } },
    { name: 'themes' },
    { name: 'theme', id: 'theme-heritage' },
    { name: 'notes' },
    { name: 'note', id: 'note-1' },
    { name: 'note', id: 'note-1', find: '"master conductor" / fath' },
    { name: 'analysis', analysis: 'matrix' },
    { name: 'analysis', analysis: 'words' }
  ])('round-trips %j through the hash', (route) => {
    expect(parseRoute(hrefFor(route))).toEqual(route)
  })

  it.each(['#/nowhere', '#/article/%E0', '#/article/abc/highlight/%', '#/themes/%E0', '#/notes/%zz', '#/article/abc/at/9-3'])('falls back to the library for %s', (hash) => {
    expect(parseRoute(hash)).toEqual({ name: 'library' })
  })

  it.each(['#/analysis', '#/analysis/nothing'])('opens the first analysis for %s', (hash) => {
    expect(parseRoute(hash)).toEqual({ name: 'analysis', analysis: 'matrix' })
  })
})
