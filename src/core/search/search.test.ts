// Search over the bundled library and over changes made to it: folding, phrases, prefixes, ranking,
// the speaker filter, the index following every change, and an index rebuilt when it is missing or damaged.
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SearchResult } from '../../shared/ipc/search'
import { withTempDir } from '../library/test-support'
import { COLLIDER, openTestClient, type TestClient } from '../services/test-client'
import { foldForIndex } from '../../shared/search/fold'
import { ftsQuery, matchRanges, parseQuery } from '../../shared/search/query'
import { INDEX_FILE, INDEX_FOLDER } from './search-index'

const QA = '002_28dc0072aca979dd'
const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] })

async function searchOf(client: TestClient, query: string, extra: Record<string, unknown> = {}): Promise<SearchResult> {
  await (await client.services.search.index()).whenCurrent()
  return client.call('search:query', { query, ...extra })
}

const ids = (result: SearchResult, kind: string): string[] => result.groups.find((g) => g.kind === kind)?.hits.map((h) => h.id) ?? []
const marked = (result: SearchResult, kind: string): string[] =>
  (result.groups.find((g) => g.kind === kind)?.hits ?? []).flatMap((h) => h.snippet.marks.map(([s, e]) => h.snippet.text.slice(s, e)))

describe('folding and the query syntax', () => {
  it('folds case, accents and letters without marks, and splits words at quotes and dashes', () => {
    expect(foldForIndex('André 3000 — Øresund’s “Straße”')).toBe('andre 3000 oresund s strasse')
    expect(foldForIndex('father–son, didn’t')).toBe(foldForIndex("father-son, didn't"))
  })

  it('reads bare words as prefixes and quoted words as a phrase', () => {
    expect(parseQuery('fath “Master Conductor” K-pop')).toEqual([
      { words: ['fath'], prefix: true },
      { words: ['master', 'conductor'], prefix: false },
      { words: ['k', 'pop'], prefix: true }
    ])
    // Every word is quoted for the index, so a word like OR or NEAR is never read as an operator.
    expect(ftsQuery(parseQuery('didn\'t "OR NEAR"'))).toBe('"didn t"* AND "or near"')
  })

  it('marks where the words are in the original text', () => {
    const text = 'He said “Master Conductor,” then: André’s fatherhood.'
    const parts = parseQuery('andre fath "master conductor"')
    expect(matchRanges(text, parts).map(([s, e]) => text.slice(s, e))).toEqual(['Master Conductor', 'André', 'fatherhood'])
  })
})

describe('search', () => {
  it('finds a word only in an article’s body, with a snippet around it and its place in the text', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      const result = await searchOf(client, 'Missy')
      expect(ids(result, 'article')).toEqual([COLLIDER])
      const hit = result.groups[0]!.hits[0]!
      const { text } = await client.call('articles:get', { id: COLLIDER })
      expect(text!.slice(hit.start!, hit.end!)).toBe('Missy')
      expect(hit.snippet.text).toContain('Working with Missy [Elliott]')
      expect(marked(result, 'article')).toEqual(['Missy'])
      await client.services.close()
    }))

  it('folds accents, quotes and case: “andre” finds André, “didn’t” is found by didn-apostrophe-t', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      const andre = await searchOf(client, 'andre')
      expect(marked(andre, 'article')).toContain('André')
      const didnt = await searchOf(client, "DIDN'T THINK")
      expect(ids(didnt, 'article')).toContain(COLLIDER)
      expect(marked(didnt, 'article').join(' ')).toMatch(/didn’t/)
      await client.services.close()
    }))

  it('matches a phrase only where its words stand together', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      const phrase = await searchOf(client, '"master conductor"')
      expect(ids(phrase, 'article')).toEqual([COLLIDER])
      expect(marked(phrase, 'article')).toEqual(['Master Conductor'])
      // Both words are in the article, but never side by side in this order.
      expect((await searchOf(client, '"conductor master"')).groups).toEqual([])
      await client.services.close()
    }))

  it('finds words by their beginnings, in texts and theme names', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      const result = await searchOf(client, 'fath')
      expect(ids(result, 'theme')).toContain('theme-fatherhood')
      expect(marked(result, 'article').every((word) => /^fath/i.test(word))).toBe(true)
      expect(marked(result, 'article').length).toBeGreaterThan(0)
      await client.services.close()
    }))

  it('ranks a note about the word above one that mentions it once', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      const passing = await client.call('notes:create', { title: 'Festival diary', doc: doc(`A long day of screenings and panels, ${'with many words about other things, '.repeat(30)} and one mention of drumming.`) })
      const about = await client.call('notes:create', { title: 'Drumming', doc: doc('Drumming as direction: the drumming sets the cut.') })
      const result = await searchOf(client, 'drumming', { kinds: ['note'] })
      expect(ids(result, 'note')).toEqual([about.id, passing.id])
      await client.services.close()
    }))

  it('searches only what the text attributes to a speaker when a speaker is given', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      const everyone = await searchOf(client, 'dad')
      const soul = await searchOf(client, 'dad', { filters: { speaker: 'Soul Rasheed' } })
      const soulHits = soul.groups.flatMap((g) => g.hits)
      expect(soulHits.length).toBeGreaterThan(0)
      expect(soulHits.every((h) => h.speaker === 'Soul Rasheed')).toBe(true)
      expect(everyone.groups.flatMap((g) => g.hits).some((h) => h.speaker !== 'Soul Rasheed')).toBe(true)
      // A part of the name is enough; a name nobody has finds nothing.
      expect((await searchOf(client, 'dad', { filters: { speaker: 'rasheed' } })).groups.flatMap((g) => g.hits).length).toBe(soulHits.length)
      expect((await searchOf(client, 'dad', { filters: { speaker: 'Nobody Here' } })).groups).toEqual([])
      expect(await client.call('search:speakers', {})).toContain('Soul Rasheed')
      await client.services.close()
    }))

  it('finds a highlight under each speaker of its passage, and under the speaker set by hand', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      const { text } = await client.call('articles:get', { id: QA })
      const start = text!.indexOf('Grandpa and Grandma told us they were just so proud')
      const end = text!.indexOf('What sort of conversations do you have') + 'What sort of conversations do you have'.length
      const h = await client.call('highlights:create', { articleId: QA, start, end })
      const highlightsBy = async (speaker: string): Promise<string[]> =>
        ids(await searchOf(client, 'grandpa', { kinds: ['highlight'], filters: { speaker } }), 'highlight')
      expect(await highlightsBy('Anderson .Paak')).toEqual([h.id])
      expect(await highlightsBy('Keshia Hannam')).toEqual([h.id])
      await client.call('highlights:update', { id: h.id, speaker: { name: 'Grandma Kim' } })
      expect(await highlightsBy('Grandma Kim')).toEqual([h.id])
      expect(await highlightsBy('Keshia Hannam')).toEqual([])
      expect(await client.call('search:speakers', {})).toContain('Grandma Kim')
      await client.services.close()
    }))

  it('filters by article kind, outlet, date and theme', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      const all = await searchOf(client, 'paak', { kinds: ['article'] })
      expect(ids(all, 'article').length).toBe(5)
      expect(ids(await searchOf(client, 'paak', { kinds: ['article'], filters: { outlet: 'collider' } }), 'article')).toEqual([COLLIDER])
      const interviews = ids(await searchOf(client, 'paak', { kinds: ['article'], filters: { articleKind: 'interview' } }), 'article')
      const articles = await client.call('articles:list', {})
      expect(interviews.sort()).toEqual(articles.filter((a) => a.kind === 'interview').map((a) => a.id).sort())
      const late = ids(await searchOf(client, 'paak', { kinds: ['article'], filters: { from: '2024-09-20' } }), 'article')
      expect(late.sort()).toEqual(articles.filter((a) => a.date >= '2024-09-20').map((a) => a.id).sort())
      // A theme narrows highlights to those coded with it (or a sub-theme).
      const text = (await client.call('articles:get', { id: COLLIDER })).text!
      const start = text.indexOf('Working with Missy')
      await client.call('highlights:create', { articleId: COLLIDER, start, end: start + 18, themeIds: ['theme-fatherhood'] })
      expect(ids(await searchOf(client, 'missy', { kinds: ['highlight'], filters: { themeId: 'theme-fatherhood' } }), 'highlight')).toHaveLength(1)
      expect(ids(await searchOf(client, 'missy', { kinds: ['highlight'], filters: { themeId: 'theme-heritage' } }), 'highlight')).toHaveLength(0)
      await client.services.close()
    }))

  it('follows every change: a note added, edited and deleted, a highlight’s note, an article trashed and restored', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      await searchOf(client, 'warmup')
      const note = await client.call('notes:create', { title: 'Zanzibar outline', doc: doc('Quokka sequence') })
      expect(ids(await searchOf(client, 'quokka'), 'note')).toEqual([note.id])
      await client.call('notes:update', { id: note.id, doc: doc('Pangolin sequence') })
      expect(await searchOf(client, 'quokka')).toMatchObject({ groups: [] })
      expect(ids(await searchOf(client, 'pangolin'), 'note')).toEqual([note.id])
      await client.call('notes:delete', { id: note.id })
      expect(await searchOf(client, 'pangolin')).toMatchObject({ groups: [] })

      const text = (await client.call('articles:get', { id: COLLIDER })).text!
      const start = text.indexOf('Working with Missy')
      const h = await client.call('highlights:create', { articleId: COLLIDER, start, end: start + 18 })
      await client.call('highlights:set-note', { id: h.id, note: doc('an axolotl of a scene') })
      expect(ids(await searchOf(client, 'axolotl'), 'highlight')).toEqual([h.id])

      await client.call('articles:trash', { ids: [COLLIDER] })
      const trashed = await searchOf(client, 'missy')
      expect(trashed.groups).toEqual([])
      await client.call('trash:restore', { ids: [COLLIDER] })
      expect(ids(await searchOf(client, 'missy'), 'article')).toEqual([COLLIDER])
      expect(ids(await searchOf(client, 'axolotl'), 'highlight')).toEqual([h.id])
      await client.services.close()
    }))

  it('rebuilds an index that was deleted or damaged, and answers as before', () =>
    withTempDir(async (dir) => {
      const library = join(dir, 'library')
      const path = join(library, INDEX_FOLDER, INDEX_FILE)
      let client = await openTestClient(library)
      const before = await searchOf(client, 'missy')
      expect((await client.services.search.index()).rebuilt).toBe(true)
      await client.services.close()
      expect(existsSync(path)).toBe(true)

      // Opened again: the index is reused as it is.
      client = await openTestClient(library)
      expect((await client.services.search.index()).rebuilt).toBe(false)
      expect(ids(await searchOf(client, 'missy'), 'article')).toEqual(ids(before, 'article'))
      await client.services.close()

      await writeFile(path, 'not a database at all, just words')
      client = await openTestClient(library)
      expect((await client.services.search.index()).rebuilt).toBe(true)
      expect(ids(await searchOf(client, 'missy'), 'article')).toEqual(ids(before, 'article'))
      await client.services.close()
    }))

  it('ranks the quotation picker’s highlights by relevance, not by the library’s order', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      const [first, , , , last] = await client.call('articles:list', {})
      const place = async (id: string, n: number) => {
        const text = (await client.call('articles:get', { id })).text!
        const start = text.indexOf(' ', 200 + n) + 1
        return client.call('highlights:create', { articleId: id, start, end: start + 40 })
      }
      const passing = await place(first!.id, 0)
      await client.call('highlights:set-note', { id: passing.id, note: doc(`A long aside on many other things, ${'and more of them, '.repeat(20)} with one mention of the metronome.`) })
      const about = await place(last!.id, 10)
      await client.call('highlights:set-note', { id: about.id, note: doc('Metronome: the metronome scene, the metronome as father.') })
      await (await client.services.search.index()).whenCurrent()
      const picked = await client.call('highlights:search', { query: 'metronome' })
      expect(picked.map((q) => q.highlight.id)).toEqual([about.id, passing.id])
      // Without words, the library's order as before.
      const all = await client.call('highlights:search', {})
      expect(all.map((q) => q.highlight.id)).toEqual([passing.id, about.id])
      await client.services.close()
    }))
})
