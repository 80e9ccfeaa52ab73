// Corrections of an article's text over a real library folder: the highlights follow the words, those
// whose words are gone stay (unanchored), the original file is never written, and reverting restores all.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../library/hash'
import { articleFile, TEXTS_FOLDER } from '../library/layout'
import { ARCHIVE_DIR, withTempDir } from '../library/test-support'
import { COLLIDER, nth, openTestClient, withoutRev, type TestClient } from './test-client'

const ORIGINAL = await readFile(join(ARCHIVE_DIR, `${COLLIDER}.txt`), 'utf8')
const ORIGINAL_SHA = '234fd1a02ee2b7592b00f175b6691aa2a6f45d4474e17b45bcb3b3a8087f78bd'

/**
 * The article as a reader would correct it. Everything from the line "Publisher: Source link" on is the
 * aggregator's page furniture (its credit line, then teasers for four unrelated reviews and blank lines),
 * so the cut includes that line; the article's own last paragraph, the sponsors' thanks, stays. The typo
 * fixed is the stray space in "That ensemble is wild .".
 */
function corrected(text: string): string {
  const cut = text.indexOf('Publisher: Source link')
  return text.slice(0, cut).replace('That ensemble is wild .', 'That ensemble is wild.')
}

async function highlight(client: TestClient, phrase: string, n = 1) {
  return client.call('highlights:create', { articleId: COLLIDER, ...nth(ORIGINAL, phrase, n) })
}

/** The article's record as its own file holds it. */
async function storedArticle(dir: string): Promise<{ correctedText: string | null }> {
  return (JSON.parse(await readFile(join(dir, articleFile(COLLIDER)), 'utf8')) as { article: { correctedText: string | null } }).article
}

async function wordCount(client: TestClient): Promise<number | undefined> {
  return (await client.call('articles:list', {})).find((a) => a.id === COLLIDER)?.wordCount
}

describe('articles:correct-text', () => {
  it('re-anchors the highlights elsewhere, keeps the one in removed text unanchored, never writes the original, and reverts', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const fixedText = corrected(ORIGINAL)
      const wordsBefore = await wordCount(client)
      // Made first, listed last once it is unanchored: the reader lists placed highlights in text order.
      const teaser = await client.call('highlights:create', {
        articleId: COLLIDER,
        ...nth(ORIGINAL, 'The Running Man Review | Flickreel', 1),
        themeIds: ['theme-filmmaking']
      })
      const late = await highlight(client, 'PAAK: Working with Missy [Elliott] and stuff was really cool.')
      const early = await highlight(client, 'Anderson .Paak has astounded audiences')
      const typo = await highlight(client, 'That ensemble is wild .')

      const result = await client.call('articles:correct-text', { id: COLLIDER, text: fixedText })
      expect(result).toMatchObject({ anchored: 3, unanchored: 1 })
      expect(result.detail.text).toBe(fixedText)
      expect(result.detail.article.correctedText).toBe(fixedText)
      const byId = new Map(result.detail.highlights.map((h) => [h.id, h]))
      expect(byId.get(early.id)?.anchor).toEqual({ ...nth(fixedText, 'Anderson .Paak has astounded audiences', 1), method: 'position' })
      expect(byId.get(late.id)?.anchor).toEqual({
        ...nth(fixedText, 'PAAK: Working with Missy [Elliott] and stuff was really cool.', 1),
        method: 'position'
      })
      // The fixed words are found fuzzily and described afresh, so the quote now reads as corrected.
      expect(byId.get(typo.id)?.quote.exact).toBe('That ensemble is wild.')
      expect(byId.get(teaser.id)).toMatchObject({ anchor: null, quote: teaser.quote, position: teaser.position, themeIds: ['theme-filmmaking'] })
      expect(result.detail.highlights.map((h) => h.id)).toEqual([early.id, typo.id, late.id, teaser.id])
      expect(await wordCount(client)).toBeLessThan(wordsBefore ?? 0)

      const stored = await readFile(join(dir, TEXTS_FOLDER, `${COLLIDER}.txt`))
      expect(sha256Hex(stored)).toBe(ORIGINAL_SHA)
      expect(stored.equals(await readFile(join(ARCHIVE_DIR, `${COLLIDER}.txt`)))).toBe(true)

      // A fresh start sees the same: corrected text, rewritten selectors found by position, one unanchored.
      const reopened = await (await openTestClient(dir)).call('articles:get', { id: COLLIDER })
      expect(reopened.text).toBe(fixedText)
      expect(reopened.highlights.map((h) => h.anchor?.method ?? null)).toEqual(['position', 'position', 'position', null])

      const reverted = await client.call('articles:correct-text', { id: COLLIDER, text: null })
      expect(reverted).toMatchObject({ anchored: 4, unanchored: 0 })
      expect(reverted.detail.text).toBe(ORIGINAL)
      expect(reverted.detail.article.correctedText).toBeNull()
      expect(reverted.detail.highlights.find((h) => h.id === teaser.id)?.anchor).toEqual({ start: teaser.position.start, end: teaser.position.end, method: 'position' })
      // Back on the original, the typo's highlight is described by the original's words again.
      expect(reverted.detail.highlights.find((h) => h.id === typo.id)?.quote).toEqual(typo.quote)
      expect(await wordCount(client)).toBe(wordsBefore)
      expect(sha256Hex(await readFile(join(dir, TEXTS_FOLDER, `${COLLIDER}.txt`)))).toBe(ORIGINAL_SHA)
      expect((await storedArticle(dir)).correctedText).toBeNull()
    }))

  it.each([
    ['words inserted at the start of the article', (t: string) => 'Archived from Collider, with thanks. ' + t, 5],
    ['words inserted just before it', (t: string) => t.replace('Festival.\nK-Pops! follows', 'Festival.\nIn short: K-Pops! follows'), 5],
    [
      'a new paragraph that mentions the film again',
      (t: string) => t.replace('\nAnderson .Paak has astounded', '\nEditor’s note: K-Pops! is now streaming.\nAnderson .Paak has astounded'),
      6
    ]
  ])('keeps a highlight of the 5th of nine “K-Pops!” on the same words after %s', (_name, edit, expectedOccurrence) =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      expect(ORIGINAL.split('K-Pops!')).toHaveLength(10)
      const created = await highlight(client, 'K-Pops!', 5)
      const fixedText = edit(ORIGINAL)
      expect(fixedText).not.toBe(ORIGINAL)
      const { detail, anchored } = await client.call('articles:correct-text', { id: COLLIDER, text: fixedText })
      expect(anchored).toBe(1)
      const expected = nth(fixedText, 'K-Pops!', expectedOccurrence)
      expect(detail.highlights.map((h) => h.anchor)).toEqual([{ ...expected, method: 'position' }])
      expect(detail.highlights[0]?.id).toBe(created.id)
      expect(fixedText.slice(expected.end, expected.end + 29)).toBe(' follows a washed-up musician')
    }))

  it('with the original gone, lists highlights as unanchored, shows a correction, and refuses to revert it', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const kept = await highlight(client, 'Anderson .Paak has astounded audiences')
      await rm(join(dir, TEXTS_FOLDER, `${COLLIDER}.txt`))
      const reopened = await openTestClient(dir)
      const missing = await reopened.call('articles:get', { id: COLLIDER })
      expect(missing).toMatchObject({ text: null, textStatus: 'missing' })
      expect(missing.highlights.map(withoutRev)).toEqual([withoutRev({ ...kept, anchor: null })])

      const pasted = corrected(ORIGINAL)
      const { detail, anchored } = await reopened.call('articles:correct-text', { id: COLLIDER, text: pasted })
      expect(anchored).toBe(1)
      expect(detail).toMatchObject({ text: pasted, textStatus: 'missing' })
      const before = await reopened.fingerprint()
      const refused = await reopened.refused('articles:correct-text', { id: COLLIDER, text: null })
      expect(refused).toEqual({ code: 'conflict', message: expect.stringMatching(/original text .* is missing .* the only copy left/) })
      expect(await reopened.fingerprint()).toBe(before)
    }))

  it('stores a "correction" identical to the original as no correction', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const { detail } = await client.call('articles:correct-text', { id: COLLIDER, text: ORIGINAL })
      expect(detail.article.correctedText).toBeNull()
      expect((await storedArticle(dir)).correctedText).toBeNull()
      expect(await readFile(join(dir, articleFile(COLLIDER)), 'utf8')).not.toContain('Publisher: Source link')
    }))

  it.each([
    ['an empty text', { id: COLLIDER, text: '' }, 'invalid-request', /A corrected text cannot be empty/],
    ['an unknown article', { id: 'nope', text: 'Hello.' }, 'not-found', /Article “nope” is not in the library/],
    ['no text field at all', { id: COLLIDER }, 'invalid-request', /text: /]
  ])('refuses %s, leaving the library file as it was', (_name, payload, code, message) =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const before = await client.fingerprint()
      const error = await client.refused('articles:correct-text', payload)
      expect(error.code).toBe(code)
      expect(error.message).toMatch(message)
      expect(await client.fingerprint()).toBe(before)
    }))
})
