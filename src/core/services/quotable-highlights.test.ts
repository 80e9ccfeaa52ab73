// Finding highlights to quote, through the IPC boundary over a real library folder: by words (case,
// accents and curly quotes aside), by theme with its sub-themes, by article; in the library's order; with
// what a citation needs.
import { describe, expect, it } from 'vitest'
import type { AnchoredHighlight, RequestOf } from '../../shared/ipc/contract'
import type { Highlight } from '../../shared/model'
import { splitParagraphs } from '../../shared/text'
import { withTempDir } from '../library/test-support'
import { COLLIDER, nth, openTestClient, withoutRev, type TestClient } from './test-client'

const THE_GROVE = '003_6483be90c9dc3807'
const INTERVIEW = '002_28dc0072aca979dd'
const COLLIDER_TITLE = '‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director'

async function textOf(client: TestClient, id: string): Promise<string> {
  const { text } = await client.call('articles:get', { id })
  if (text === null) throw new Error(`article ${id} has no text`)
  return text
}

async function mark(client: TestClient, articleId: string, phrase: string, themeIds: string[] = []): Promise<Highlight> {
  const { anchor: _anchor, ...highlight }: AnchoredHighlight = await client.call('highlights:create', {
    articleId,
    ...nth(await textOf(client, articleId), phrase, 1),
    themeIds
  })
  return highlight
}

/** Clients opened by the running test, closed before its folder goes (search indexes in the background). */
const opened: TestClient[] = []

function inTempLibrary(test: (dir: string) => Promise<void>): () => Promise<void> {
  return () =>
    withTempDir(async (dir) => {
      try {
        await test(dir)
      } finally {
        for (const client of opened.splice(0)) await client.services.close()
      }
    })
}

/** Five passages in three articles, made out of reading order, coded, one with a sub-theme and one with a note. */
async function library(dir: string) {
  const client = await openTestClient(dir)
  opened.push(client)
  const hipHop = await client.call('themes:create', { name: 'hip-hop', parentId: 'theme-black-musical-lineage' })
  const missy = await mark(client, COLLIDER, 'PAAK: Working with Missy [Elliott] and stuff was really cool.', [hipHop.id])
  const monae = await mark(client, THE_GROVE, 'Support from stars like Janelle Monáe and Mariah Carey', ['theme-black-musical-lineage'])
  const astounded = await mark(client, COLLIDER, 'Anderson .Paak has astounded audiences', ['theme-filmmaking', 'theme-heritage'])
  const trend = await client.call('highlights:set-note', {
    id: (await mark(client, THE_GROVE, 'Paak isn’t chasing a trend; he’s honoring culture', ['theme-cultural-exchange'])).id,
    note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A thesis for chapter two.' }] }] }
  })
  const comeHome = await mark(client, INTERVIEW, '"Come Home" (feat. André 3000)')
  return { client, hipHop, h: { missy, monae, astounded, trend, comeHome } }
}

describe('highlights:search', () => {
  it('finds the highlights holding every word of the query in their quote, note, article title, outlet or themes', inTempLibrary(async (dir) => {
      const { client, h } = await library(dir)
      const cases: [string, Highlight[]][] = [
        ['', [h.astounded, h.missy, h.comeHome, h.trend, h.monae]],
        ['monae', [h.monae]],
        ['Janelle MONÁE carey', [h.monae]],
        ["isn't chasing", [h.trend]],
        ['anderson audiences', [h.astounded]],
        ['missy audiences', []],
        ['collider', [h.astounded, h.missy]],
        ['master conductor', [h.astounded, h.missy]],
        ['knockturnal', [h.trend, h.monae]],
        ['hip-hop', [h.missy]],
        ['heritage', [h.astounded]],
        ['thesis chapter', [h.trend]],
        // An untitled article goes by its opening words, in the search as in the list.
        ['food we eat', [h.trend, h.monae]],
        ['andré', [h.comeHome]]
      ]
      for (const [query, expected] of cases) {
        const found = await client.call('highlights:search', { query })
        expect(found.map((q) => q.highlight.id), `query “${query}”`).toEqual(expected.map((x) => x.id))
      }
    }))

  it('answers with what a citation needs, theme names in the highlight’s order and as renamed', inTempLibrary(async (dir) => {
      const { client, h } = await library(dir)
      await client.call('themes:update', { id: 'theme-filmmaking', name: 'directing' })
      expect(await client.call('highlights:search', { query: 'directing' })).toEqual([
        {
          highlight: expect.objectContaining(withoutRev(h.astounded)),
          articleTitle: COLLIDER_TITLE,
          outlet: 'Collider',
          date: '2024-09-27',
          themeNames: ['directing', 'heritage'],
          speakers: [],
          speaker: null
        }
      ])
      expect(await client.call('highlights:search', { articleId: THE_GROVE, query: 'trend' })).toEqual([
        {
          highlight: expect.objectContaining(withoutRev(h.trend)),
          articleTitle: 'Culture influences everything, from the food we eat to the way we',
          outlet: 'The Knockturnal',
          date: '',
          themeNames: ['cultural exchange'],
          speakers: [],
          speaker: null
        }
      ])
    }))

  it('names the speaker of a labelled passage in an interview', inTempLibrary(async (dir) => {
      const { client, h } = await library(dir)
      const [found] = await client.call('highlights:search', { query: 'missy elliott' })
      expect(found?.highlight.id).toBe(h.missy.id)
      expect(found?.speaker).toBe('Anderson .Paak')
    }))

  it('names both speakers of a passage across a change of speaker, and the speaker set by hand over the text’s', inTempLibrary(async (dir) => {
      const { client } = await library(dir)
      const text = await textOf(client, INTERVIEW)
      const start = text.indexOf('Grandpa and Grandma told us they were just so proud')
      const end = text.indexOf('What sort of conversations do you have') + 'What sort of conversations do you have'.length
      const both = await client.call('highlights:create', { articleId: INTERVIEW, start, end })
      const [found] = await client.call('highlights:search', { query: 'grandpa grandma conversations' })
      expect(found?.highlight.id).toBe(both.id)
      expect(found).toMatchObject({ speakers: ['Anderson .Paak', 'Keshia Hannam'], speaker: 'Anderson .Paak and Keshia Hannam' })
      await client.call('highlights:update', { id: both.id, speaker: { name: 'Soul Rasheed' } })
      const [set] = await client.call('highlights:search', { query: 'grandpa grandma conversations' })
      expect(set).toMatchObject({ speakers: ['Soul Rasheed'], speaker: 'Soul Rasheed' })
    }))

  it('narrows to a theme with its sub-themes, to an article, or both', inTempLibrary(async (dir) => {
      const { client, hipHop, h } = await library(dir)
      const ids = async (request: RequestOf<'highlights:search'>) => (await client.call('highlights:search', request)).map((q) => q.highlight.id)
      expect(await ids({ themeId: 'theme-black-musical-lineage' })).toEqual([h.missy.id, h.monae.id])
      expect(await ids({ themeId: hipHop.id })).toEqual([h.missy.id])
      expect(await ids({ articleId: THE_GROVE })).toEqual([h.trend.id, h.monae.id])
      expect(await ids({ articleId: THE_GROVE, query: 'mariah' })).toEqual([h.monae.id])
      expect(await ids({ themeId: 'theme-fatherhood' })).toEqual([])
      expect(await client.refused('highlights:search', { themeId: 'theme-nope' })).toEqual({
        code: 'not-found',
        message: 'Theme “theme-nope” is not in the library.'
      })
      expect(await client.refused('highlights:search', { articleId: 'nope' })).toEqual({ code: 'not-found', message: 'Article “nope” is not in the library.' })
    }))

  // Fails today: with an article named, highlights:search takes the article's highlights and never applies
  // the theme (quotable-highlights.ts), so both of COLLIDER's passages come back. Reported, not fixed here.
  it('narrows to a theme and an article together', inTempLibrary(async (dir) => {
      const { client, h } = await library(dir)
      const found = await client.call('highlights:search', { themeId: 'theme-black-musical-lineage', articleId: COLLIDER })
      expect(found.map((q) => q.highlight.id)).toEqual([h.missy.id])
    }))

  it('stops at 50 unless asked for fewer or more, keeping the library’s order', inTempLibrary(async (dir) => {
      const client = await openTestClient(dir)
      opened.push(client)
      const made: string[] = []
      for (const { id } of await client.call('articles:list', {})) {
        const text = await textOf(client, id)
        for (const paragraph of splitParagraphs(text)) {
          if (made.length === 60) break
          const created = await client.call('highlights:create', { articleId: id, start: paragraph.start, end: paragraph.start + 1 })
          made.push(created.id)
        }
      }
      expect(made).toHaveLength(60)
      const ids = async (limit?: number) =>
        (await client.call('highlights:search', limit === undefined ? {} : { limit })).map((q) => q.highlight.id)
      expect(await ids()).toEqual(made.slice(0, 50))
      expect(await ids(3)).toEqual(made.slice(0, 3))
      expect(await ids(500)).toEqual(made)
      expect((await client.refused('highlights:search', { limit: 501 })).message).toMatch(/limit: /)
    }))
})
