// The analyses counted on the bundled library with highlights whose counts are known by hand, and kept
// current: after a run of random changes, what the analyses answer equals a count made from scratch.
import { describe, expect, it } from 'vitest'
import { cellsOf } from '../../shared/analysis/tables'
import type { ThemeMatrix } from '../../shared/ipc/analysis'
import { withTempDir } from '../library/test-support'
import { COLLIDER, openTestClient, type TestClient } from '../services/test-client'
import { LibraryAnalysis } from './library-analysis'
import { addKnownHighlights, NEWS, QA, type KnownLibrary } from './test-highlights'

async function known<T>(use: (client: TestClient, library: KnownLibrary) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const client = await openTestClient(dir)
    try {
      return await use(client, await addKnownHighlights(client))
    } finally {
      await client.services.close()
    }
  })
}

/** Each row's count for each theme named, by theme name. */
function countsByName(matrix: ThemeMatrix): Record<string, Record<string, number>> {
  return Object.fromEntries(
    matrix.rows.map((row, r) => {
      const counts = cellsOf(matrix, r)
      return [row.articleId, Object.fromEntries(matrix.themes.flatMap((t, i) => (counts[i] ? [[t.path, counts[i]]] : [])))]
    })
  )
}

describe('theme × article matrix', () => {
  it('counts highlights per theme per article, sub-themes on their own or rolled up into their parent', () =>
    known(async (client) => {
      const own = await client.call('analysis:matrix', {})
      expect(own.themes.map((t) => t.path)).toEqual([
        'Black musical lineage',
        'cultural exchange',
        'fatherhood',
        'fatherhood › sons',
        'filmmaking',
        'heritage',
        'identity',
        'the K-pop industry'
      ])
      expect(countsByName(own)).toEqual({
        [COLLIDER]: { fatherhood: 2, 'fatherhood › sons': 1, identity: 2 },
        [NEWS]: { 'cultural exchange': 1, heritage: 1 },
        [QA]: { fatherhood: 1, heritage: 2 }
      })
      expect(own.rows.map((r) => r.total)).toEqual([4, 1, 2])
      // Two articles have no coded highlight.
      expect(own.uncoded).toBe(2)
      expect(own.totals).toEqual([0, 1, 3, 1, 0, 3, 2, 0])

      // Rolled up, "sketches" (sons) counts for fatherhood too — once, though "started" already does.
      const rolled = await client.call('analysis:matrix', { rollUp: true })
      expect(countsByName(rolled)[COLLIDER]).toEqual({ fatherhood: 3, 'fatherhood › sons': 1, identity: 2 })
      expect(rolled.totals[2]).toBe(4)
    }))

  it('filters by kind, outlet, date and article, and keeps one theme’s columns', () =>
    known(async (client, { themes }) => {
      const rows = async (request: Parameters<TestClient['call']>[1]): Promise<string[]> =>
        (await client.call('analysis:matrix', request as object)).rows.map((r) => r.articleId)
      expect(await rows({ filters: { articleKind: 'interview' } })).toEqual([COLLIDER, QA])
      expect(await rows({ filters: { outlet: ' collider ' } })).toEqual([COLLIDER])
      // 002 is undated: out of any date range.
      expect(await rows({ filters: { from: '2024-09-01', to: '2024-09-30' } })).toEqual([COLLIDER, NEWS])
      expect(await rows({ filters: { articleId: QA } })).toEqual([QA])
      const fatherhood = await client.call('analysis:matrix', { themeId: themes.fatherhood.id, rollUp: true })
      expect(fatherhood.themes.map((t) => t.name)).toEqual(['fatherhood', 'sons'])
      expect(fatherhood.rows.map((r, i) => [r.articleId, [...cellsOf(fatherhood, i)]])).toEqual([
        [COLLIDER, [3, 1]],
        [QA, [1, 0]]
      ])
    }))

  it('opens a cell on exactly its passages, with quote, speaker, note and place', () =>
    known(async (client, { themes, highlights }) => {
      await client.call('highlights:set-note', {
        id: highlights.started.id,
        note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Where it began.' }] }] }
      })
      const cell = await client.call('analysis:passages', { cell: { kind: 'matrix', themeId: themes.fatherhood.id, articleId: COLLIDER }, rollUp: true })
      expect(cell.total).toBe(3)
      expect(cell.passages.map((p) => p.highlightId)).toEqual([highlights.started.id, highlights.sketches.id, highlights.straightforward.id])
      const [started, , straightforward] = cell.passages
      expect(started).toMatchObject({ speakers: ['Anderson .Paak'], note: 'Where it began.', quote: 'It all started in quarantine, doing YouTube sketches with my son' })
      expect(started!.start).toBe(highlights.started.position.start)
      expect(straightforward!.speakers).toEqual(['Soul Rasheed'])
      const own = await client.call('analysis:passages', { cell: { kind: 'matrix', themeId: themes.fatherhood.id, articleId: COLLIDER } })
      expect(own.passages.map((p) => p.highlightId)).toEqual([highlights.started.id, highlights.straightforward.id])
    }))
})

describe('theme co-occurrence', () => {
  it('counts themes on one highlight, and with overlapping highlights on request', () =>
    known(async (client, { themes, highlights }) => {
      const pair = async (a: string, b: string, request: { overlapping?: boolean; rollUp?: boolean }): Promise<number> => {
        const m = await client.call('analysis:cooccurrence', request)
        const i = m.themes.findIndex((t) => t.id === a)
        const j = m.themes.findIndex((t) => t.id === b)
        expect(m.counts[i]![j]).toBe(m.counts[j]![i])
        return m.counts[i]![j]!
      }
      const { fatherhood, identity, sons, heritage } = themes
      // "straightforward" carries both.
      expect(await pair(fatherhood.id, identity.id, {})).toBe(1)
      expect(await pair(heritage.id, themes['cultural exchange'].id, {})).toBe(1)
      expect(await pair(heritage.id, fatherhood.id, {})).toBe(1)
      expect(await pair(fatherhood.id, sons.id, {})).toBe(0)
      // "started" (fatherhood) overlaps "sketches" (sons) and "across speakers" (identity).
      expect(await pair(fatherhood.id, identity.id, { overlapping: true })).toBe(2)
      expect(await pair(fatherhood.id, sons.id, { overlapping: true })).toBe(1)
      expect(await pair(identity.id, sons.id, { overlapping: true })).toBe(0)
      // Rolled up, a sub-theme always occurs with its parent: that pair says nothing and is not counted.
      expect(await pair(fatherhood.id, sons.id, { overlapping: true, rollUp: true })).toBe(0)
      expect(await pair(fatherhood.id, fatherhood.id, { rollUp: true })).toBe(4)

      const cell = await client.call('analysis:passages', { cell: { kind: 'cooccurrence', themeId: fatherhood.id, otherThemeId: identity.id }, overlapping: true })
      expect(new Set(cell.passages.map((p) => p.highlightId))).toEqual(new Set([highlights.acrossSpeakers.id, highlights.started.id, highlights.straightforward.id]))
      const same = await client.call('analysis:passages', { cell: { kind: 'cooccurrence', themeId: fatherhood.id, otherThemeId: identity.id } })
      expect(same.passages.map((p) => p.highlightId)).toEqual([highlights.straightforward.id])
    }))
})

describe('speaker × theme', () => {
  it('attributes passages in both interview layouts, by hand where set, to every speaker of a passage', () =>
    known(async (client, { themes, highlights }) => {
      const m = await client.call('analysis:speakers', {})
      const row = (name: string): Record<string, number> => {
        const at = m.speakers.findIndex((s) => s.name === name)
        return Object.fromEntries(m.themes.flatMap((t, i) => (m.counts[at]![i] ? [[t.path, m.counts[at]![i]]] : [])))
      }
      expect(m.speakers).toEqual([
        // 000 labels him "ANDERSON .PAAK" and "PAAK", 002 "Anderson .Paak": one speaker.
        { name: 'Anderson .Paak', articles: 2, highlights: 4 },
        { name: 'Keshia Hannam', articles: 1, highlights: 1 },
        { name: 'Perri Nemiroff', articles: 1, highlights: 1 },
        { name: 'Soul Rasheed', articles: 1, highlights: 1 }
      ])
      expect(row('Anderson .Paak')).toEqual({ fatherhood: 1, 'fatherhood › sons': 1, heritage: 1, identity: 1 })
      expect(row('Soul Rasheed')).toEqual({ fatherhood: 1, identity: 1 })
      // Set by hand on a question of hers in the written Q&A.
      expect(row('Keshia Hannam')).toEqual({ fatherhood: 1, heritage: 1 })
      // The passage across two speakers counts for both: .Paak's words and the interviewer's question.
      expect(row('Perri Nemiroff')).toEqual({ identity: 1 })
      const cell = await client.call('analysis:passages', { cell: { kind: 'speaker', speaker: 'Perri Nemiroff', themeId: themes.identity.id } })
      expect(cell.passages.map((p) => [p.highlightId, p.speakers])).toEqual([[highlights.acrossSpeakers.id, ['Anderson .Paak', 'Perri Nemiroff']]])
      expect(await client.call('analysis:speaker-names', {})).toEqual(['Anderson .Paak', 'Keshia Hannam', 'Perri Nemiroff', 'Soul Rasheed'])
    }))
})

describe('word frequencies', () => {
  it('counts folded words without the stop words, for the library, an article, a theme and a speaker', () =>
    known(async (client, { themes }) => {
      const library = await client.call('analysis:words', { scope: { kind: 'library' }, limit: 2000 })
      const count = (word: string): number => library.words.find((w) => w.word === word)?.count ?? 0
      expect(library.label).toBe('the library')
      expect(count('the')).toBe(0)
      expect(count('film')).toBeGreaterThan(10)
      // André 3000 (in 002) is counted as search reads it.
      expect(count('andre')).toBeGreaterThan(0)
      expect(library.words.map((w) => w.count)).toEqual([...library.words.map((w) => w.count)].sort((a, b) => b - a))

      const article = await client.call('analysis:words', { scope: { kind: 'article', articleId: COLLIDER }, limit: 5000 })
      const qa = await client.call('analysis:words', { scope: { kind: 'article', articleId: QA }, limit: 5000 })
      expect(article.total).toBeLessThan(library.total)
      expect(qa.words.find((w) => w.word === 'andre')?.count).toBe(count('andre'))

      const heritage = await client.call('analysis:words', { scope: { kind: 'theme', themeId: themes.heritage.id } })
      expect(heritage.label).toBe('heritage')
      expect(heritage.words.find((w) => w.word === 'home')?.count).toBe(1)

      const paak = await client.call('analysis:words', { scope: { kind: 'speaker', name: 'anderson .paak' } })
      expect(paak.label).toBe('Anderson .Paak')
      // His part of the passage across speakers, not the interviewer's question.
      expect(paak.words.find((w) => w.word === 'quarantine')?.count).toBe(2)
      expect(paak.words.find((w) => w.word === 'directorial')).toBeUndefined()
    }))

  it('leaves out the stop words the library keeps, and the English default when it keeps none', () =>
    known(async (client) => {
      const before = await client.call('analysis:words', { scope: { kind: 'library' }, limit: 10_000 })
      expect(before.words.some((w) => w.word === 'and')).toBe(false)
      await client.call('preferences:update', { stopWords: ['Film', 'PAAK'] })
      const after = await client.call('analysis:words', { scope: { kind: 'library' }, limit: 10_000 })
      expect(after.words.some((w) => w.word === 'film' || w.word === 'paak')).toBe(false)
      expect(after.words.find((w) => w.word === 'and')?.count).toBeGreaterThan(10)
      await client.call('preferences:update', { stopWords: null })
      expect(await client.call('analysis:words', { scope: { kind: 'library' }, limit: 10_000 })).toEqual(before)
    }))
})

describe('kept from change sets', () => {
  it('answers as a count from scratch after random changes', () =>
    known(async (client, { themes }) => {
      const { store } = client.services
      const incremental = client.services.analysis
      // Queried first, so the later answers come from kept contributions, not a first build.
      await snapshot(incremental)
      let seed = 7
      const random = (n: number): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n
      const themeIds = Object.values(themes).map((t) => t.id)
      const articles = (await client.call('articles:list', {})).map((a) => a.id)
      for (let step = 0; step < 40; step++) {
        const articleId = articles[random(articles.length)]!
        const existing = store.highlightsOfArticle(articleId)
        const action = random(7)
        if (action <= 1 || existing.length === 0) {
          const { text } = await client.call('articles:get', { id: articleId })
          const start = random(text!.length - 200)
          const picked = [...new Set([themeIds[random(themeIds.length)]!, themeIds[random(themeIds.length)]!])].slice(0, 1 + random(2))
          await client.call('highlights:create', { articleId, start, end: start + 20 + random(150), themeIds: picked })
        } else if (action === 2) {
          await client.call('highlights:delete', { id: existing[random(existing.length)]!.id })
        } else if (action === 3) {
          await client.call('highlights:update', { id: existing[random(existing.length)]!.id, themeIds: [themeIds[random(themeIds.length)]!] })
        } else if (action === 4) {
          await client.call('articles:update-meta', { id: articleId, patch: { kind: (['interview', 'review', 'news'] as const)[random(3)] } })
        } else if (action === 5) {
          const { text } = await client.call('articles:get', { id: articleId })
          await client.call('articles:correct-text', { id: articleId, text: `FATHER: A paragraph put first, about family and home.\n${text}` })
        } else {
          await client.call('articles:trash', { ids: [articleId] })
          await snapshot(incremental)
          await client.call('trash:restore', { ids: [articleId] })
        }
        if (step % 5 === 0) await snapshot(incremental)
      }
      await client.call('themes:update', { id: themes.sons.id, parentId: themes.identity.id })
      const fresh = new LibraryAnalysis(store, { readText: async (article) => article.correctedText ?? (await store.readOriginal(article)).text })
      expect(await snapshot(incremental)).toEqual(await snapshot(fresh))
      fresh.close()
    }))
})

describe('kept from change sets, texts first', () => {
  it('forgets a deleted highlight’s speaker though no matrix was asked for before', () =>
    known(async (client, { highlights }) => {
      const { analysis } = client.services
      expect((await analysis.speakerNames()).includes('Keshia Hannam')).toBe(true)
      await client.call('highlights:delete', { id: highlights.byHand.id })
      expect((await analysis.speakerNames()).includes('Keshia Hannam')).toBe(false)
    }))
})

/** Everything the analyses answer, for comparing two of them. */
async function snapshot(analysis: LibraryAnalysis): Promise<unknown> {
  return {
    matrix: await analysis.matrix({}),
    rolled: await analysis.matrix({ rollUp: true }),
    cooccurrence: await analysis.cooccurrence({ overlapping: true }),
    rolledCooccurrence: await analysis.cooccurrence({ overlapping: true, rollUp: true }),
    speakers: await analysis.speakers({ rollUp: true }),
    words: await analysis.words({ kind: 'library' }, { limit: 10_000 }),
    names: await analysis.speakerNames()
  }
}
