// Highlights through the IPC boundary over a real library folder: made on every article and found again,
// coded with themes one by one and in bulk, deleted and restored, re-attached, listed by theme.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { AnchoredHighlight } from '../../shared/ipc/contract'
import { splitParagraphs } from '../../shared/text'
import { highlightsFile } from '../library/layout'
import { withTempDir } from '../library/test-support'
import { COLLIDER, nth, openTestClient, withoutRev, type TestClient } from './test-client'

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' })

/** The first sentence of a paragraph, trimmed, as offsets into the whole text. */
function firstSentence(paragraph: { start: number; text: string }): { start: number; end: number } | null {
  const first = sentences.segment(paragraph.text)[Symbol.iterator]().next()
  if (first.done) return null
  const trimmed = first.value.segment.trim()
  if (trimmed === '') return null
  const start = paragraph.start + first.value.index + (first.value.segment.length - first.value.segment.trimStart().length)
  return { start, end: start + trimmed.length }
}

async function textOf(client: TestClient, id: string): Promise<string> {
  const { text } = await client.call('articles:get', { id })
  if (text === null) throw new Error(`article ${id} has no text`)
  return text
}

async function highlightPhrase(client: TestClient, phrase: string, themeIds: string[] = [], articleId = COLLIDER): Promise<AnchoredHighlight> {
  const range = nth(await textOf(client, articleId), phrase, 1)
  return client.call('highlights:create', { articleId, ...range, themeIds })
}

describe('highlights', () => {
  it('highlights the first sentence of every paragraph of all five articles and finds each one again in place', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const articles = await client.call('articles:list', {})
      expect(articles).toHaveLength(5)
      const made = new Map<string, { start: number; end: number; exact: string }>()
      for (const { id } of articles) {
        const text = await textOf(client, id)
        for (const paragraph of splitParagraphs(text)) {
          const range = firstSentence(paragraph)
          if (range === null) continue
          const created = await client.call('highlights:create', { articleId: id, ...range })
          expect(created.anchor).toEqual({ ...range, method: 'position' })
          expect(created.quote.exact).toBe(text.slice(range.start, range.end))
          expect(created.id).toMatch(/^hl-[0-9a-f-]{36}$/)
          made.set(created.id, { ...range, exact: created.quote.exact })
        }
      }
      expect(made.size).toBeGreaterThan(100)

      // Read back twice: from the running services, and from a fresh start over the same folder.
      for (const reader of [client, await openTestClient(dir)]) {
        let found = 0
        for (const { id } of articles) {
          const { highlights, text } = await reader.call('articles:get', { id })
          for (const h of highlights) {
            const expected = made.get(h.id)
            expect(h.anchor).toEqual({ start: expected?.start, end: expected?.end, method: 'position' })
            expect(text?.slice(h.position.start, h.position.end)).toBe(expected?.exact)
            found++
          }
          const starts = highlights.map((h) => h.anchor?.start ?? Infinity)
          expect(starts).toEqual([...starts].sort((a, b) => a - b))
        }
        expect(found).toBe(made.size)
      }
    }), 60_000)

  it('recolours and recodes a highlight, keeping the first of repeated themes in order', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const created = await highlightPhrase(client, 'fatherhood takes the spotlight', ['theme-fatherhood'])
      expect(created).toMatchObject({ color: null, themeIds: ['theme-fatherhood'] })
      const updated = await client.call('highlights:update', {
        id: created.id,
        color: 'green',
        themeIds: ['theme-identity', 'theme-fatherhood', 'theme-identity']
      })
      expect(updated).toMatchObject({ color: 'green', themeIds: ['theme-identity', 'theme-fatherhood'], quote: created.quote })
      expect((await client.call('highlights:update', { id: created.id, color: null })).color).toBeNull()
      const [stored] = (await client.call('articles:get', { id: COLLIDER })).highlights
      expect(stored).toMatchObject({ color: null, themeIds: ['theme-identity', 'theme-fatherhood'] })
    }))

  it('takes a speaker set by hand, keeps it through re-attaching, and gives the word back to the text when cleared', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const created = await highlightPhrase(client, 'fatherhood takes the spotlight')
      expect(created.speaker).toBeUndefined()
      const set = await client.call('highlights:update', { id: created.id, speaker: { name: '  Soul Rasheed ' } })
      expect(set.speaker).toEqual({ name: 'Soul Rasheed' })
      const nobody = await client.call('highlights:update', { id: created.id, speaker: { name: null } })
      expect(nobody.speaker).toEqual({ name: null })
      await client.call('highlights:update', { id: created.id, speaker: { name: 'Soul Rasheed' } })
      const range = nth(await textOf(client, COLLIDER), 'fatherhood takes the spotlight', 1)
      const moved = await client.call('highlights:reattach', { id: created.id, start: range.start, end: range.end - 10 })
      expect(moved.speaker).toEqual({ name: 'Soul Rasheed' })
      const cleared = await client.call('highlights:update', { id: created.id, speaker: null })
      expect('speaker' in cleared).toBe(false)
      const stored = JSON.parse(await readFile(join(dir, highlightsFile(COLLIDER)), 'utf8')) as unknown
      expect(JSON.stringify(stored)).not.toContain('Soul Rasheed')
      expect(await client.refused('highlights:update', { id: created.id, speaker: { name: ' ' } })).toMatchObject({ code: 'invalid-request', message: expect.stringContaining('A speaker needs a name') })
      expect(await client.refused('highlights:update', { id: created.id, speaker: { name: 'x'.repeat(121) } })).toMatchObject({ code: 'invalid-request' })
    }))

  it('deletes a highlight and restores it, themes and all; a second restore is a conflict', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const created = await highlightPhrase(client, 'his real-life son, Soul Rasheed', ['theme-fatherhood', 'theme-heritage'])
      const deleted = await client.call('highlights:delete', { id: created.id })
      const { anchor: _anchor, ...record } = created
      expect(withoutRev(deleted)).toEqual(withoutRev(record))
      expect((await client.call('articles:get', { id: COLLIDER })).highlights).toEqual([])

      const restored = await client.call('highlights:restore', { highlight: deleted })
      expect(withoutRev(restored)).toEqual(withoutRev(record))
      expect((await client.call('articles:get', { id: COLLIDER })).highlights.map(withoutRev)).toEqual([withoutRev(created)])

      const before = await client.fingerprint()
      const again = await client.refused('highlights:restore', { highlight: deleted })
      expect(again.code).toBe('conflict')
      expect(again.message).toMatch(/already in the library/)
      expect(await client.fingerprint()).toBe(before)
    }))

  it('restores a highlight without the themes deleted meanwhile, and refuses one whose article is gone', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const created = await highlightPhrase(client, 'his real-life son, Soul Rasheed', ['theme-fatherhood', 'theme-heritage'])
      const deleted = await client.call('highlights:delete', { id: created.id })
      await client.call('themes:delete', { id: 'theme-fatherhood' })
      expect((await client.call('highlights:restore', { highlight: deleted })).themeIds).toEqual(['theme-heritage'])

      const orphan = { ...deleted, id: 'hl-orphan', articleId: 'an-article-removed-since' }
      const refused = await client.refused('highlights:restore', { highlight: orphan })
      expect(refused).toEqual({ code: 'conflict', message: expect.stringMatching(/no longer in the library/) })
    }))

  it('re-attaches an unanchored highlight to a new range, keeping its colour and themes', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const original = await textOf(client, COLLIDER)
      const created = await highlightPhrase(client, 'The Running Man Review | Flickreel', ['theme-filmmaking'])
      await client.call('highlights:update', { id: created.id, color: 'pink' })
      const cut = original.indexOf('Publisher: Source link')
      const corrected = original.slice(0, cut) + 'The Running Man, reviewed elsewhere.\n'
      const { detail } = await client.call('articles:correct-text', { id: COLLIDER, text: corrected })
      expect(detail.highlights.map((h) => h.anchor)).toEqual([null])

      const range = nth(corrected, 'The Running Man, reviewed elsewhere.', 1)
      const moved = await client.call('highlights:reattach', { id: created.id, ...range })
      expect(moved).toMatchObject({ color: 'pink', themeIds: ['theme-filmmaking'], anchor: { ...range, method: 'position' } })
      expect(moved.quote.exact).toBe('The Running Man, reviewed elsewhere.')
      const [stored] = (await client.call('articles:get', { id: COLLIDER })).highlights
      expect(stored?.anchor).toEqual({ ...range, method: 'position' })
    }))

  it('refuses offsets chosen on an older text, when the selected words no longer sit there', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const original = await textOf(client, COLLIDER)
      const range = nth(original, 'Slow and smooth. Find your rhythm.', 1)
      // A correction lands between the selection and the request: everything shifts by the inserted words.
      await client.call('articles:correct-text', { id: COLLIDER, text: 'A new first line.\n' + original })
      const before = await client.fingerprint()
      const error = await client.refused('highlights:create', { articleId: COLLIDER, ...range, exact: 'Slow and smooth. Find your rhythm.' })
      expect(error).toEqual({ code: 'conflict', message: 'The article’s text changed after the words were selected (a correction was saved). Select them again.' })
      expect(await client.fingerprint()).toBe(before)
      const shifted = nth(await textOf(client, COLLIDER), 'Slow and smooth. Find your rhythm.', 1)
      const made = await client.call('highlights:create', { articleId: COLLIDER, ...shifted, exact: 'Slow and smooth. Find your rhythm.' })
      expect(made.quote.exact).toBe('Slow and smooth. Find your rhythm.')
    }))

  it('adds and removes themes on many highlights in one write', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const a = await highlightPhrase(client, 'fatherhood takes the spotlight', ['theme-fatherhood'])
      const b = await highlightPhrase(client, 'A staple of Los Angeles hip-hop', ['theme-heritage', 'theme-fatherhood'])
      const c = await highlightPhrase(client, 'K-Pop competition show in Seoul')
      const update = vi.spyOn(client.services.store, 'transact')

      const added = await client.call('highlights:bulk-themes', { ids: [a.id, b.id, c.id, a.id], add: ['theme-identity', 'theme-heritage'] })
      expect(update).toHaveBeenCalledTimes(1)
      expect(added.map((h) => h.themeIds)).toEqual([
        ['theme-fatherhood', 'theme-identity', 'theme-heritage'],
        ['theme-heritage', 'theme-fatherhood', 'theme-identity'],
        ['theme-identity', 'theme-heritage']
      ])

      const removed = await client.call('highlights:bulk-themes', { ids: [a.id, b.id, c.id], remove: ['theme-fatherhood', 'theme-heritage'] })
      expect(update).toHaveBeenCalledTimes(2)
      expect(removed.map((h) => h.themeIds)).toEqual([['theme-identity'], ['theme-identity'], ['theme-identity']])
      const stored = (await client.call('articles:get', { id: COLLIDER })).highlights
      expect(stored.map((h) => h.themeIds)).toEqual([['theme-identity'], ['theme-identity'], ['theme-identity']])
    }))

  it('codes none of the highlights when one of them is unknown', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const a = await highlightPhrase(client, 'fatherhood takes the spotlight')
      const before = await client.fingerprint()
      const refused = await client.refused('highlights:bulk-themes', { ids: [a.id, 'hl-gone'], add: ['theme-identity'] })
      expect(refused).toEqual({ code: 'not-found', message: 'Highlight “hl-gone” is not in the library.' })
      expect(await client.fingerprint()).toBe(before)
      expect((await client.call('articles:get', { id: COLLIDER })).highlights[0]?.themeIds).toEqual([])
    }))

  it('lists the passages coded with a theme, and with its sub-themes when asked, by article then place', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const roots = await client.call('themes:create', { name: 'roots', parentId: 'theme-heritage' })
      const late = await highlightPhrase(client, 'Special thanks to this year', ['theme-heritage'])
      const early = await highlightPhrase(client, 'A staple of Los Angeles hip-hop', [roots.id])
      const elsewhere = await highlightPhrase(client, 'Anderson Paak', ['theme-heritage'], '001_0a74aad613f8da6e')
      await highlightPhrase(client, 'K-Pop competition show in Seoul', ['theme-the-k-pop-industry'])

      const direct = await client.call('highlights:by-theme', { themeId: 'theme-heritage' })
      expect(direct.map((p) => p.highlight.id)).toEqual([late.id, elsewhere.id])
      const withChildren = await client.call('highlights:by-theme', { themeId: 'theme-heritage', includeChildren: true })
      expect(withChildren.map((p) => p.highlight.id)).toEqual([early.id, late.id, elsewhere.id])
      expect(withChildren.map((p) => p.articleTitle)).toEqual([
        '‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director',
        '‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director',
        expect.stringMatching(/^date 2024-09-09 Anderson Paak/)
      ])
      expect((await client.refused('highlights:by-theme', { themeId: 'theme-nope' })).code).toBe('not-found')
    }))

  it.each([
    ['a start after the end', () => ({ articleId: COLLIDER, start: 20, end: 10 }), 'invalid-request', /start \(20\) must come before its end \(10\)/],
    ['an empty range', () => ({ articleId: COLLIDER, start: 10, end: 10 }), 'invalid-request', /at least one character/],
    ['an end past the text', (text: string) => ({ articleId: COLLIDER, start: 0, end: text.length + 1 }), 'invalid-request', /past the end of the text \(22027 characters\)/],
    ['a negative start', () => ({ articleId: COLLIDER, start: -1, end: 5 }), 'invalid-request', /start: Too small/],
    ['a fractional offset', () => ({ articleId: COLLIDER, start: 1.5, end: 5 }), 'invalid-request', /start: .*expected int/],
    ['an unknown theme', () => ({ articleId: COLLIDER, start: 0, end: 9, themeIds: ['theme-nope'] }), 'not-found', /^Theme “theme-nope” is not in the library\.$/],
    ['a colour outside the palette', () => ({ articleId: COLLIDER, start: 0, end: 9, color: 'red' }), 'invalid-request', /color: Invalid option/],
    ['an unknown article', () => ({ articleId: 'nope', start: 0, end: 9 }), 'not-found', /^Article “nope” is not in the library\.$/],
    ['an unexpected field', () => ({ articleId: COLLIDER, start: 0, end: 9, note: 'x' }), 'invalid-request', /Unrecognized key.*note/]
  ])('refuses to create a highlight with %s, leaving the library file as it was', (_name, payload, code, message) =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const text = await textOf(client, COLLIDER)
      const before = await client.fingerprint()
      const error = await client.refused('highlights:create', payload(text))
      expect(error.code).toBe(code)
      expect(error.message).toMatch(message)
      expect(await client.fingerprint()).toBe(before)
    }))

  it.each([
    ['an unknown theme', { themeIds: ['theme-identity', 'theme-nope', 'theme-gone'] }, 'not-found', /themes “theme-nope”, “theme-gone” are not in the library/],
    ['a theme both added and removed', null, 'invalid-request', /both added to and removed/]
  ])('refuses to recode a highlight with %s, leaving the library file as it was', (_name, patch, code, message) =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const created = await highlightPhrase(client, 'fatherhood takes the spotlight', ['theme-fatherhood'])
      const before = await client.fingerprint()
      const error =
        patch === null
          ? await client.refused('highlights:bulk-themes', { ids: [created.id], add: ['theme-identity'], remove: ['theme-identity'] })
          : await client.refused('highlights:update', { id: created.id, ...patch })
      expect(error.code).toBe(code)
      expect(error.message).toMatch(message)
      expect(await client.fingerprint()).toBe(before)
    }))
})

describe('a theme’s passages with who says them, and the text around a passage', () => {
  it('names the speakers of each passage, the user’s word first, and gives context on demand', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const missy = await highlightPhrase(client, 'Working with Missy [Elliott] and stuff was really cool.', ['theme-heritage'])
      const intro = await highlightPhrase(client, 'Anderson .Paak has astounded audiences', ['theme-heritage'])
      const news = await highlightPhrase(client, 'It started around quarantine.', ['theme-heritage'], '001_0a74aad613f8da6e')
      await client.call('highlights:update', { id: news.id, speaker: { name: 'Soul Rasheed' } })
      const passages = await client.call('highlights:by-theme', { themeId: 'theme-heritage' })
      const speakersOf = (id: string) => passages.find((p) => p.highlight.id === id)?.speakers
      expect(speakersOf(missy.id)).toEqual(['Anderson .Paak'])
      expect(speakersOf(intro.id)).toEqual([])
      expect(speakersOf(news.id)).toEqual(['Soul Rasheed'])

      const text = await textOf(client, COLLIDER)
      const context = await client.call('highlights:context', { id: missy.id, chars: 60 })
      expect(context.anchored).toBe(true)
      expect(context.quote).toBe('Working with Missy [Elliott] and stuff was really cool.')
      expect(text).toContain(`${context.before}${context.quote}${context.after}`)
      expect(context.before.length).toBeGreaterThan(0)
      expect(context.before.length).toBeLessThanOrEqual(60)
      expect(context.after.length).toBeLessThanOrEqual(60)
      expect(context.before).toMatch(/^\S/) // starts on a word, not inside one
      const wider = await client.call('highlights:context', { id: missy.id, chars: 1_000 })
      expect(wider.before.length).toBeGreaterThan(context.before.length)
      expect(await client.refused('highlights:context', { id: missy.id, chars: 10_000 })).toMatchObject({ code: 'invalid-request' })
    }))
})

describe('highlight revisions', () => {
  it('stores a higher revision at every change, in memory, in its file and after a fresh start', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const stored = () => client.services.store.highlight(created.id)?.rev
      const created = await highlightPhrase(client, 'his real-life son, Soul Rasheed')
      expect(stored()).toBe(1)
      await client.call('highlights:update', { id: created.id, color: 'pink' })
      expect(stored()).toBe(2)
      await client.call('highlights:bulk-themes', { ids: [created.id], add: ['theme-fatherhood'] })
      expect(stored()).toBe(3)
      // Coding with a theme it already carries is no change, so no new revision.
      await client.call('highlights:bulk-themes', { ids: [created.id], add: ['theme-fatherhood'] })
      expect(stored()).toBe(3)
      const file = JSON.parse(await readFile(join(dir, highlightsFile(COLLIDER)), 'utf8')) as { highlights: { id: string; rev: number }[] }
      expect(file.highlights.find((h) => h.id === created.id)?.rev).toBe(3)
      const reopened = await openTestClient(dir)
      expect((await reopened.call('articles:get', { id: COLLIDER })).highlights.map((h) => h.rev)).toEqual([3])
    }))

  // Fails today: handlers answer with the record they put, before the store stamped its revision, so a
  // new highlight comes back without `rev` and a changed one with its previous `rev`. Reported, not fixed here.
  it('answers every change with the revision it stored', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const created = await highlightPhrase(client, 'his real-life son, Soul Rasheed')
      expect(created.rev).toBe(client.services.store.highlight(created.id)?.rev)
      const updated = await client.call('highlights:update', { id: created.id, color: 'pink' })
      expect(updated.rev).toBe(client.services.store.highlight(created.id)?.rev)
    }))

  // Fails today: a restored highlight starts again at revision 1, below its own tombstone's, and the
  // tombstone stays in the article's file beside the living record. Reported, not fixed here.
  it('a highlight restored after its delete has a revision above its tombstone, and no tombstone left', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const created = await highlightPhrase(client, 'his real-life son, Soul Rasheed')
      await client.call('highlights:update', { id: created.id, color: 'pink' })
      const deleted = await client.call('highlights:delete', { id: created.id })
      const tombstone = client.services.store.tombstones().highlights.find((t) => t.id === created.id)
      expect(tombstone?.rev).toBe(3)
      await client.call('highlights:restore', { highlight: deleted })
      expect(client.services.store.highlight(created.id)?.rev).toBeGreaterThan(3)
      const file = JSON.parse(await readFile(join(dir, highlightsFile(COLLIDER)), 'utf8')) as { tombstones: { id: string }[] }
      expect(file.tombstones.map((t) => t.id)).not.toContain(created.id)
    }))
})
