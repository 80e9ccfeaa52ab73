import { describe, expect, it } from 'vitest'
import { anchor } from '../../shared/anchoring'
import { linerNotesUrl } from './links'
import { archiveLibrary, IDS, shownText } from './test-library'
import { AnnotationCollectionSchema, ANNOTATION_CONTEXT, webAnnotationCollection, webAnnotationJson, WebAnnotationSchema } from './web-annotation'

const source = archiveLibrary()
const NOW = '2026-01-01T00:00:00.000Z'

describe('webAnnotationCollection', () => {
  const collection = AnnotationCollectionSchema.parse(JSON.parse(webAnnotationJson(source, { now: NOW })))
  const items = collection.first.items
  const item = (highlightId: string) => items.find((a) => a.id.endsWith(`/${highlightId}`))

  it('validates as an AnnotationCollection of Annotations', () => {
    expect(collection.total).toBe(source.data.highlights.length)
    expect(collection.generated).toBe(NOW)
    for (const a of items) expect(WebAnnotationSchema.safeParse(a).success).toBe(true)
  })

  it('targets each highlight with quote and position selectors on the text Liner Notes shows', () => {
    for (const h of source.data.highlights) {
      const a = items.find((x) => x.id === linerNotesUrl(h.articleId, h.id))
      const text = shownText(source, h.articleId)
      const found = anchor(text, h)
      const [quote, position] = a?.target.selector ?? []
      expect(quote?.type === 'TextQuoteSelector' && quote.exact).toBe(found ? text.slice(found.start, found.end) : h.quote.exact)
      if (found) {
        expect(position).toEqual({ type: 'TextPositionSelector', start: found.start, end: found.end })
        expect(quote?.type === 'TextQuoteSelector' && [quote.prefix ?? '', quote.suffix ?? '']).toEqual([text.slice(Math.max(0, found.start - 32), found.start), text.slice(found.end, found.end + 32)])
      }
    }
  })

  it('counts positions in code points, flags an unanchored highlight instead of giving a stale position, and names its generator', () => {
    // Two emoji (two UTF-16 units each) before everything: positions move by 5 units but 3 code points.
    const article = source.data.articles.find((a) => a.id === IDS.feature)!
    const shifted = { ...article, correctedText: `🎷🎷 ${shownText(source, IDS.feature)}` }
    const edited = { ...source, data: { ...source.data, articles: source.data.articles.map((a) => (a.id === IDS.feature ? shifted : a)) } }
    const after = webAnnotationCollection(edited, { now: NOW }).first.items
    const text = shifted.correctedText
    let checked = 0
    for (const h of source.data.highlights.filter((x) => x.articleId === IDS.feature)) {
      const found = anchor(text, h)
      const a = after.find((x) => x.id === linerNotesUrl(h.articleId, h.id))!
      if (!found) continue
      expect(a.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: found.start - 2, end: found.end - 2 })
      expect([...text].slice(found.start - 2, found.end - 2).join('')).toBe(text.slice(found.start, found.end))
      checked++
    }
    expect(checked).toBeGreaterThan(0)
    for (const a of items) expect(a.generator).toEqual({ type: 'Software', name: 'Liner Notes' })
    // The user is credited as creator only when they give a name; the collection stays valid either way.
    for (const a of items) expect(a.creator).toBeUndefined()
    const credited = AnnotationCollectionSchema.parse(webAnnotationCollection(edited, { now: NOW, creator: 'Ada Critic' })).first.items
    expect(credited).toHaveLength(items.length)
    for (const a of credited) expect(a.creator).toEqual({ type: 'Person', name: 'Ada Critic' })
    const unanchored = source.data.highlights.filter((h) => !anchor(shownText(source, h.articleId), h))
    expect(unanchored.length).toBeGreaterThan(0)
    for (const h of unanchored) {
      const a = item(h.id)!
      expect(a['liner-notes:unanchored']).toBe(true)
      expect(a.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector'])
    }
  })

  it('flags annotations quoted from a corrected text', () => {
    for (const h of source.data.highlights) {
      const article = source.data.articles.find((a) => a.id === h.articleId)!
      const anchored = anchor(shownText(source, h.articleId), h) !== null
      expect(item(h.id)!['liner-notes:correctedText'] ?? false).toBe(article.correctedText !== null && anchored)
    }
    expect(items.some((a) => a['liner-notes:correctedText'] === true)).toBe(true)
  })

  it('tags with theme names, comments with the note as Markdown', () => {
    const a = item('hl-quarantine')
    expect(a).toMatchObject({ '@context': ANNOTATION_CONTEXT, type: 'Annotation', motivation: 'highlighting', created: '2025-03-01T10:00:00.000Z', modified: '2025-03-02T11:30:00.000Z' })
    expect(a?.body?.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(['fatherhood', 'filmmaking'])
    const comment = a?.body?.find((b) => b.purpose === 'commenting')
    expect(comment?.format).toBe('text/markdown')
    expect(comment?.value).toMatch(/^# Reading\n\nPlain, \*\*bold\*\*/)
    expect(item('hl-across')?.body).toEqual([{ type: 'TextualBody', purpose: 'tagging', value: 'heritage/Korean roots/family gatherings' }])
  })

  it('points at the article’s Liner Notes address when it has no web address', () => {
    expect(item('hl-quarantine')?.target.source).toBe(linerNotesUrl(IDS.collider))
    const withUrl = { ...source, data: { ...source.data, articles: source.data.articles.map((a) => (a.id === IDS.collider ? { ...a, meta: { ...a.meta, url: 'https://collider.com/k-pops' } } : a)) } }
    const moved = webAnnotationCollection(withUrl, { now: NOW }).first.items.find((a) => a.id.endsWith('/hl-quarantine'))
    expect(moved?.target.source).toBe('https://collider.com/k-pops')
  })

  it('leaves out the body of a highlight with no themes or note, as the model allows', () => {
    const bare = { ...source, data: { ...source.data, highlights: source.data.highlights.map((h) => ({ ...h, themeIds: [], note: null })) } }
    const collection = AnnotationCollectionSchema.parse(webAnnotationCollection(bare, { now: NOW }))
    expect(collection.first.items.every((a) => a.body === undefined)).toBe(true)
  })

  it('is refused by the schema when it breaks the model', () => {
    const annotation = items[0]
    expect(WebAnnotationSchema.safeParse({ ...annotation, motivation: 'liking' }).success).toBe(false)
    expect(WebAnnotationSchema.safeParse({ ...annotation, '@context': 'http://example.com' }).success).toBe(false)
    expect(WebAnnotationSchema.safeParse({ ...annotation, created: 'yesterday' }).success).toBe(false)
    expect(WebAnnotationSchema.safeParse({ ...annotation, target: { source: 'not an iri', selector: [] } }).success).toBe(false)
    expect(AnnotationCollectionSchema.safeParse({ ...collection, total: 1 }).success).toBe(false)
  })
})
