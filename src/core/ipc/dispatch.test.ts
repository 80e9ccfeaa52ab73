import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LibraryError } from '../library/errors'
import { articleFile } from '../library/layout'
import { ARCHIVE_DIR, folderFingerprint, withTempDir } from '../library/test-support'
import { openLibraryServices } from '../services'
import { dispatch } from './dispatch'

async function openedIn(dir: string) {
  const services = await openLibraryServices(dir, { archiveDir: ARCHIVE_DIR })
  return { services, send: (channel: unknown, payload: unknown) => dispatch(async () => services.handlers, channel, payload) }
}

const ID = '000_ad238df8b954e232'

describe('dispatch', () => {
  it.each([
    ['an unknown channel', 'articles:delete-everything', {}, /no request called/],
    ['an id of the wrong type', 'articles:get', { id: 42 }, /id: .*string/i],
    ['an unexpected field', 'articles:get', { id: ID, sql: 'drop' }, /Unrecognized key.*sql/i],
    ['a date in another format', 'articles:update-meta', { id: ID, patch: { date: '27/09/2024' } }, /patch\.date: Use a date written as YYYY-MM-DD/],
    ['a day not on the calendar', 'articles:update-meta', { id: ID, patch: { date: '2024-02-31' } }, /patch\.date: That day is not on the calendar/],
    ['a script address', 'articles:update-meta', { id: ID, patch: { url: 'javascript:alert(1)' } }, /patch\.url: Use a web address/],
    ['a text size out of range', 'preferences:update', { textSize: 400 }, /textSize/],
    ['a payload that is not an object', 'articles:list', 'everything', /object/i],
    ['a highlight that ends before it starts', 'highlights:create', { articleId: ID, start: 9, end: 3 }, /start \(9\) must come before its end \(3\)/],
    ['a highlight colour outside the palette', 'highlights:update', { id: 'hl-1', color: '#ff0000' }, /color: Invalid option/],
    ['a malformed highlight to restore', 'highlights:restore', { highlight: { id: 'hl-1' } }, /highlight\.articleId/],
    ['a theme without a name', 'themes:create', { name: ' ' }, /name: A theme needs a name/],
    ['an empty corrected text', 'articles:correct-text', { id: ID, text: '' }, /text: A corrected text cannot be empty/],
    ['a note holding a script', 'notes:create', { doc: { type: 'doc', content: [{ type: 'script' }] } }, /doc\.content\.0\.type: A note cannot hold “script”/],
    ['a memo that is not a document', 'articles:set-memo', { id: ID, memo: 'plain words' }, /memo: /],
    ['a search limit of nothing', 'highlights:search', { limit: 0 }, /limit: /],
    ['a link to a local file', 'links:open', { url: 'file:///etc/passwd' }, /url: Only web \(http, https\) and e-mail links can be opened/]
  ])('refuses %s with a readable message and leaves the file as it was', (_name, channel, payload, message) =>
    withTempDir(async (dir) => {
      const { send } = await openedIn(dir)
      const before = await folderFingerprint(dir)
      const result = await send(channel, payload)
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe('invalid-request')
      expect(result.error.message).toMatch(message)
      expect(await folderFingerprint(dir)).toBe(before)
    })
  )

  it('answers a valid request, and the change is on disk when the answer arrives', () =>
    withTempDir(async (dir) => {
      const { send } = await openedIn(dir)
      const stored = async () => (JSON.parse(await readFile(join(dir, articleFile(ID)), 'utf8')) as { article: { meta: { title: string }; rev?: number } }).article
      const revBefore = (await stored()).rev ?? 0
      const result = await send('articles:update-meta', { id: ID, patch: { title: 'A new title', url: 'https://collider.com/k-pops' } })
      expect(result).toMatchObject({ ok: true, value: { meta: { title: 'A new title', outlet: 'Collider' } } })
      expect(await stored()).toMatchObject({ meta: { title: 'A new title' }, rev: revBefore + 1 })
    }))

  it('reports an unknown article as not found', () =>
    withTempDir(async (dir) => {
      const { send } = await openedIn(dir)
      expect(await send('articles:get', { id: 'nope' })).toEqual({
        ok: false,
        error: { code: 'not-found', message: 'Article “nope” is not in the library.' }
      })
    }))

  it('passes on why the library could not be opened', async () => {
    const result = await dispatch(
      () => Promise.reject(new LibraryError('library-unreadable', 'The library file is broken.')),
      'articles:list',
      {}
    )
    expect(result).toEqual({ ok: false, error: { code: 'library-unreadable', message: 'The library file is broken.' } })
  })

  it('lists the five articles with word counts and opening words', () =>
    withTempDir(async (dir) => {
      const { send } = await openedIn(dir)
      const result = await send('articles:list', {})
      if (!result.ok) throw new Error(result.error.message)
      const list = result.value as { id: string; wordCount: number; opening: string; textStatus: string }[]
      expect(list).toHaveLength(5)
      expect(list.every((a) => a.wordCount > 300 && a.textStatus === 'ok')).toBe(true)
      expect(list.find((a) => a.id === '001_0a74aad613f8da6e')?.opening).toMatch(/^date 2024-09-09 Anderson Paak/)
    }))
})
