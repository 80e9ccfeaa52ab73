import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { NoteDoc } from '../../shared/note-doc'
import { buildCodebook } from '../export/codebook'
import { withTempDir } from '../library/test-support'
import type { FileDialogs } from './exports'
import { COLLIDER, nth, openTestClient, type TestClient } from './test-client'

/** Dialogs that save every file in `dir` under its suggested name and open `open` when asked for a file. */
function dialogs(dir: string, open: string | null = null): FileDialogs {
  return {
    chooseSavePath: async ({ suggestedName }) => join(dir, suggestedName),
    chooseOpenPath: async () => open,
    chooseFolder: async () => null
  }
}

const paragraphs = (...texts: string[]): NoteDoc => ({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) })

const RICH_NOTE: NoteDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Compare ' },
        { type: 'text', text: 'Heat', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' — the ' },
        { type: 'text', text: 'drummer', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' as ' },
        { type: 'text', text: 'conductor', marks: [{ type: 'link', attrs: { href: 'https://example.com/conductor' } }] },
        { type: 'text', text: ' (50% *not* #literal).' }
      ]
    },
    { type: 'paragraph', content: [{ type: 'text', text: 'Second thought.' }] }
  ]
}

/** What a library's highlights say, article by article, in the library's own words: quote, place, theme paths, note. */
async function highlightsOf(client: TestClient) {
  const themes = await client.call('themes:list', {})
  const codebook = buildCodebook(themes)
  const out: Record<string, { exact: string; start: number; end: number; themes: string[]; note: NoteDoc | null; color: string | null }[]> = {}
  for (const { id } of await client.call('articles:list', {})) {
    const { highlights } = await client.call('articles:get', { id })
    if (highlights.length === 0) continue
    out[id] = highlights
      .map((h) => ({
        exact: h.quote.exact,
        start: h.position.start,
        end: h.position.end,
        themes: h.themeIds.map((t) => codebook.pathName(t)).sort(),
        note: h.note,
        color: h.color
      }))
      .sort((a, b) => a.start - b.start)
  }
  return out
}

describe('annotations:import', () => {
  it('reads back our own export into a fresh library: the same quotes at the same places, themes and notes', () =>
    withTempDir((first) =>
      withTempDir((fresh) =>
        withTempDir(async (out) => {
          const source = await openTestClient(first, { effects: { dialogs: dialogs(out) } })
          const articles = (await source.call('articles:list', {})).map((a) => a.id)
          expect(articles.length).toBe(5)
          const [a, b, c] = [COLLIDER, articles.find((id) => id !== COLLIDER)!, articles.filter((id) => id !== COLLIDER)[1]!]
          // One article known by its web address, so the export names it by that rather than liner-notes://.
          await source.call('articles:update-meta', { id: b, patch: { url: 'https://Critics.example.com/reviews/drummer/' } })

          const roots = await source.call('themes:create', { name: 'Korean roots', parentId: 'theme-heritage' })
          const sound = await source.call('themes:create', { name: 'sound design' })
          const mix = await source.call('themes:create', { name: 'the mix', parentId: sound.id })
          const highlight = async (articleId: string, phrase: string, n: number, themeIds: string[], note: NoteDoc | null = null) => {
            const { text } = await source.call('articles:get', { id: articleId })
            const { start, end } = nth(text!, phrase, n)
            const created = await source.call('highlights:create', { articleId, start, end, themeIds })
            if (note) await source.call('highlights:set-note', { id: created.id, note })
          }
          const textOf = async (id: string) => (await source.call('articles:get', { id })).text!
          const [textB, textC] = [await textOf(b), await textOf(c)]
          await highlight(a, 'Slow and smooth. Find your rhythm.', 1, ['theme-heritage', roots.id], RICH_NOTE)
          await highlight(a, 'Master Conductor', 1, [mix.id])
          await highlight(a, 'the', 3, [], paragraphs('A short word, placed by its context.', 'With a second paragraph.'))
          await highlight(b, textB.slice(200, 260).trim(), 1, [sound.id, 'theme-fatherhood'])
          await highlight(c, textC.slice(500, 540).trim(), 1, [roots.id], paragraphs('Plain note'))
          const before = await highlightsOf(source)

          const exported = await source.call('export:run', { scope: { kind: 'library' }, format: 'json' })
          await source.services.close()
          const json = await readFile(exported.path!, 'utf8')
          expect(json).toContain('https://Critics.example.com/reviews/drummer/')

          const target = await openTestClient(fresh)
          // The same address, written another way: the host's case and the trailing slash do not matter.
          await target.call('articles:update-meta', { id: b, patch: { url: 'https://critics.example.com/reviews/drummer' } })
          const summary = await target.call('annotations:import', { json })
          expect(summary).toEqual({ highlights: 5, themesCreated: 3, notes: 3, unplaced: [] })
          expect(await highlightsOf(target)).toEqual(before)

          // Importing the same file again adds nothing: each one is already there.
          const again = await target.call('annotations:import', { json })
          expect(again.highlights).toBe(0)
          expect(again.unplaced).toHaveLength(5)
          expect(again.unplaced.every((u) => u.reason === 'already in the library')).toBe(true)
          await target.services.close()
        })
      )
    ))

  it('imports a Hypothesis export: onto the named article, with tags as themes and Markdown as notes; a quote not in the text is listed', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const { text } = await client.call('articles:get', { id: COLLIDER })
      const phrase = 'Slow and smooth. Find your rhythm.'
      const at = text!.indexOf(phrase)
      const hypothesis = {
        export_date: '2026-11-20T10:00:00.000Z',
        export_userid: 'acct:critic@hypothes.is',
        client_version: '1.1500.0',
        annotations: [
          {
            id: 'hyp-1',
            created: '2026-10-01T09:30:00.000+00:00',
            updated: '2026-10-02T09:30:00.000+00:00',
            uri: 'https://collider.com/some-review/',
            text: 'The **drummer** as _teacher_.\n\n- one\n- two',
            tags: ['rhythm', 'heritage/Korean roots'],
            target: [
              {
                source: 'https://collider.com/some-review/',
                selector: [
                  { type: 'RangeSelector', startContainer: '/div[1]/p[4]', startOffset: 0, endContainer: '/div[1]/p[4]', endOffset: 34 },
                  { type: 'TextPositionSelector', start: at + 1200, end: at + 1200 + phrase.length },
                  { type: 'TextQuoteSelector', exact: phrase, prefix: text!.slice(at - 32, at), suffix: text!.slice(at + phrase.length, at + phrase.length + 32) }
                ]
              }
            ]
          },
          {
            id: 'hyp-2',
            uri: 'https://collider.com/some-review/',
            text: '',
            tags: ['RHYTHM'],
            target: [{ source: 'https://collider.com/some-review/', selector: [{ type: 'TextQuoteSelector', exact: 'Master Conductor', prefix: '', suffix: '' }] }]
          },
          {
            id: 'hyp-3',
            uri: 'https://collider.com/some-review/',
            text: 'Gone',
            tags: [],
            target: [{ source: 'https://collider.com/some-review/', selector: [{ type: 'TextQuoteSelector', exact: 'words this review never printed anywhere' }] }]
          }
        ]
      }
      const summary = await client.call('annotations:import', { json: JSON.stringify(hypothesis), articleId: COLLIDER })
      expect(summary).toEqual({
        highlights: 2,
        themesCreated: 2,
        notes: 1,
        unplaced: [{ annotation: 'hyp-3', quote: 'words this review never printed anywhere', reason: expect.stringMatching(/^its words are not in “.+”$/) }]
      })
      const { highlights } = await client.call('articles:get', { id: COLLIDER })
      const themes = await client.call('themes:list', {})
      const codebook = buildCodebook(themes)
      const first = highlights.find((h) => h.quote.exact === phrase)!
      expect(first.position).toEqual({ type: 'TextPositionSelector', start: at, end: at + phrase.length })
      expect(first.themeIds.map((id) => codebook.pathName(id))).toEqual(['rhythm', 'heritage/Korean roots'])
      expect(first.color).toBeNull()
      expect(first.createdAt).toBe('2026-10-01T09:30:00.000Z')
      expect(first.note).toEqual({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'The ' },
              { type: 'text', text: 'drummer', marks: [{ type: 'bold' }] },
              { type: 'text', text: ' as ' },
              { type: 'text', text: 'teacher', marks: [{ type: 'italic' }] },
              { type: 'text', text: '.' }
            ]
          },
          {
            type: 'bulletList',
            content: [
              { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
              { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }] }
            ]
          }
        ]
      })
      const second = highlights.find((h) => h.quote.exact === 'Master Conductor')!
      // "RHYTHM" is the theme "rhythm" the first annotation created, by the codebook's idea of the same name.
      expect(second.themeIds).toEqual([first.themeIds[0]])
      expect(second.note).toBeNull()
      await client.services.close()
    }))

  it('lists an annotation whose address names no article, and places it when the article is named', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const rows = { total: 1, rows: [{ id: 'h1', uri: 'https://nowhere.example/review#top', tags: [], text: '', target: [{ source: 'https://nowhere.example/review#top', selector: [{ type: 'TextQuoteSelector', exact: 'Master Conductor' }] }] }] }
      const json = JSON.stringify(rows)
      expect(await client.call('annotations:import', { json })).toEqual({
        highlights: 0,
        themesCreated: 0,
        notes: 0,
        unplaced: [
          {
            annotation: 'h1',
            quote: 'Master Conductor',
            reason: 'no article in the library has the address https://nowhere.example/review#top; import it again naming the article'
          }
        ]
      })
      expect((await client.call('annotations:import', { json, articleId: COLLIDER })).highlights).toBe(1)

      // Our export's annotation id names the article, for a copy of the library that does not know its address.
      const ours = {
        type: 'Annotation',
        id: `liner-notes://open/${COLLIDER}/hl-1`,
        target: { source: 'https://nowhere.example/review', selector: [{ type: 'TextQuoteSelector', exact: 'Slow and smooth. Find your rhythm.' }] }
      }
      expect(await client.call('annotations:import', { json: JSON.stringify(ours) })).toMatchObject({ highlights: 1, unplaced: [] })
      await client.services.close()
    }))

  it('counts W3C positions in code points when the text has characters beyond the BMP', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const { text } = await client.call('articles:get', { id: COLLIDER })
      const corrected = `🎬🥁 ${text!}`
      await client.call('articles:correct-text', { id: COLLIDER, text: corrected })
      const phrase = 'Master Conductor'
      const at = corrected.indexOf(phrase)
      // Code points: each emoji is one, where the string counts two.
      const annotation = {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        body: { type: 'TextualBody', purpose: 'commenting', format: 'text/html', value: '<p>One <b>line</b><br>two</p><script>alert(1)</script><p>Three</p>' },
        target: { source: `liner-notes://open/${COLLIDER}`, selector: { type: 'TextPositionSelector', start: at - 2, end: at - 2 + phrase.length } }
      }
      const summary = await client.call('annotations:import', { json: JSON.stringify(annotation) })
      expect(summary).toMatchObject({ highlights: 1, notes: 1, unplaced: [] })
      const { highlights } = await client.call('articles:get', { id: COLLIDER })
      expect(highlights[0]?.quote.exact).toBe(phrase)
      expect(highlights[0]?.note).toEqual({
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'One line' }, { type: 'hardBreak' }, { type: 'text', text: 'two' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Three' }] }
        ]
      })
      await client.services.close()
    }))

  it.each([
    ['not JSON', '{"type": "AnnotationCollection", ', /^This file is not JSON \(.+\), so it cannot hold annotations\.$/],
    ['JSON that is not annotations', '{"title": "My review", "paragraphs": ["…"]}', /^This file is JSON but not annotations: expected W3C Web Annotations .+ or a Hypothesis export\.$/],
    ['a list of numbers', '[1, 2, 3]', /^This file is JSON but not annotations/],
    ['a collection without its items', '{"type": "AnnotationCollection", "first": "https://example.com/page1"}', /^This AnnotationCollection does not hold its annotations/]
  ])('refuses %s with one sentence and leaves the library as it was', (_what, json, message) =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      await client.call('articles:list', {})
      const before = await client.fingerprint()
      const error = await client.refused('annotations:import', { json })
      expect(error.code).toBe('invalid-request')
      expect(error.message).toMatch(message)
      expect(await client.fingerprint()).toBe(before)
      await client.services.close()
    })
  )

  it('refuses an import onto an article not in the library, writing nothing', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      await client.call('articles:list', {})
      const before = await client.fingerprint()
      const annotation = (exact: string) => ({ type: 'Annotation', target: { source: COLLIDER, selector: { type: 'TextQuoteSelector', exact } } })
      const error = await client.refused('annotations:import', { json: JSON.stringify([annotation('Master Conductor')]), articleId: 'no-such-article' })
      expect(error.code).toBe('not-found')
      expect(await client.fingerprint()).toBe(before)
      await client.services.close()
    }))

  it('annotations:choose reads the file the dialog names, and answers null when it is cancelled', () =>
    withTempDir(async (dir) =>
      withTempDir(async (files) => {
        const path = join(files, 'notes.json')
        await writeFile(path, JSON.stringify([{ type: 'Annotation', target: { source: COLLIDER, selector: [{ type: 'TextQuoteSelector', exact: 'Master Conductor' }] } }]))
        const client = await openTestClient(dir, { effects: { dialogs: dialogs(files, path) } })
        expect(await client.call('annotations:choose', {})).toEqual({ highlights: 1, themesCreated: 0, notes: 0, unplaced: [] })
        await client.services.close()
        const cancelled = await openTestClient(dir, { effects: { dialogs: dialogs(files, null) } })
        expect(await cancelled.call('annotations:choose', {})).toBeNull()
        await cancelled.services.close()
      })
    ))
})
