// The codebook through the IPC boundary over a real library folder: counts, names that must not clash
// among siblings, a tree that cannot loop, and merges and deletions that never lose a highlight.
import { describe, expect, it } from 'vitest'
import type { ThemeSummary } from '../../shared/ipc/contract'
import { withTempDir } from '../library/test-support'
import { COLLIDER, nth, openTestClient, type TestClient } from './test-client'
import { THEME_PALETTE } from './themes'

const PHRASES = [
  'fatherhood takes the spotlight',
  'A staple of Los Angeles hip-hop',
  'K-Pop competition show in Seoul',
  'his real-life son, Soul Rasheed',
  'Special thanks to this year'
]

/** Highlights PHRASES[i] in the Collider interview with the given themes. */
async function code(client: TestClient, coding: readonly (readonly string[])[]) {
  const { text } = await client.call('articles:get', { id: COLLIDER })
  return Promise.all(
    coding.map((themeIds, i) =>
      client.call('highlights:create', { articleId: COLLIDER, ...nth(text ?? '', PHRASES[i] ?? '', 1), themeIds: [...themeIds] })
    )
  )
}

async function summary(client: TestClient, id: string): Promise<ThemeSummary | undefined> {
  return (await client.call('themes:list', {})).find((t) => t.id === id)
}

async function allHighlights(client: TestClient) {
  return (await client.call('articles:get', { id: COLLIDER })).highlights
}

describe('themes', () => {
  it('lists the starting codebook with how many highlights and articles each theme codes', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      await code(client, [['theme-heritage'], ['theme-heritage', 'theme-identity']])
      await client.call('highlights:create', { articleId: '001_0a74aad613f8da6e', start: 0, end: 4, themeIds: ['theme-heritage'] })
      const list = await client.call('themes:list', {})
      expect(list.map((t) => t.name)).toEqual([
        'heritage',
        'fatherhood',
        'identity',
        'cultural exchange',
        'Black musical lineage',
        'the K-pop industry',
        'filmmaking'
      ])
      expect(list.find((t) => t.id === 'theme-heritage')).toMatchObject({ highlightCount: 3, articleCount: 2, parentId: null })
      expect(list.find((t) => t.id === 'theme-identity')).toMatchObject({ highlightCount: 1, articleCount: 1 })
      expect(list.find((t) => t.id === 'theme-filmmaking')).toMatchObject({ highlightCount: 0, articleCount: 0 })
    }))

  it('creates a theme with a palette colour, under an existing parent only', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const first = await client.call('themes:create', { name: '  stardom  ' })
      expect(first).toMatchObject({ name: 'stardom', parentId: null, description: '', color: THEME_PALETTE[7] })
      expect(first.id).toMatch(/^theme-[0-9a-f-]{36}$/)
      const second = await client.call('themes:create', { name: 'fame', parentId: first.id, description: 'Being known.' })
      expect(second).toMatchObject({ parentId: first.id, description: 'Being known.', color: THEME_PALETTE[8] })
      const chosen = await client.call('themes:create', { name: 'money', color: '#123abc' })
      expect(chosen.color).toBe('#123abc')
      expect(await client.refused('themes:create', { name: 'x', parentId: 'theme-nope' })).toEqual({
        code: 'not-found',
        message: 'Theme “theme-nope” is not in the library.'
      })
    }))

  it.each([
    ['the same name in other letters', { name: 'HERITAGE' }, /There is already a theme called “heritage” at the top of the codebook\. Choose another name/],
    ['an empty name', { name: '   ' }, /name: A theme needs a name/],
    ['a colour that is not #rrggbb', { name: 'new', color: 'teal' }, /color: Use a colour written as #rrggbb/]
  ])('refuses to create a theme with %s, leaving the library file as it was', (_name, payload, message) =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const before = await client.fingerprint()
      const error = await client.refused('themes:create', payload)
      expect(error.message).toMatch(message)
      expect(await client.fingerprint()).toBe(before)
    }))

  it('allows one name under different parents, and refuses a rename onto a sibling’s name', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const roots = await client.call('themes:create', { name: 'roots', parentId: 'theme-heritage' })
      const otherRoots = await client.call('themes:create', { name: 'Roots', parentId: 'theme-identity' })
      expect(otherRoots.parentId).toBe('theme-identity')
      expect((await client.call('themes:update', { id: roots.id, name: 'ROOTS' })).name).toBe('ROOTS')

      const before = await client.fingerprint()
      const rename = await client.refused('themes:update', { id: 'theme-identity', name: 'Fatherhood' })
      expect(rename).toEqual({
        code: 'conflict',
        message: 'There is already a theme called “fatherhood” at the top of the codebook. Choose another name, or merge the two themes.'
      })
      const move = await client.refused('themes:update', { id: otherRoots.id, parentId: 'theme-heritage' })
      expect(move.message).toBe('There is already a theme called “ROOTS” under “heritage”. Choose another name, or merge the two themes.')
      expect(await client.fingerprint()).toBe(before)
    }))

  it('re-parents, recolours and describes a theme, and refuses to put a theme inside itself', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const music = await client.call('themes:create', { name: 'music', parentId: 'theme-heritage' })
      const soul = await client.call('themes:create', { name: 'soul', parentId: music.id })
      const moved = await client.call('themes:update', { id: music.id, parentId: 'theme-identity', color: '#000000', description: 'Sound.' })
      expect(moved).toMatchObject({ parentId: 'theme-identity', color: '#000000', description: 'Sound.', name: 'music' })

      const before = await client.fingerprint()
      expect(await client.refused('themes:update', { id: music.id, parentId: music.id })).toEqual({
        code: 'conflict',
        message: '“music” cannot go under itself: a theme cannot contain itself.'
      })
      expect(await client.refused('themes:update', { id: 'theme-identity', parentId: soul.id })).toEqual({
        code: 'conflict',
        message: '“identity” cannot go under “soul”, which is inside it: a theme cannot contain itself.'
      })
      expect(await client.fingerprint()).toBe(before)
      expect((await client.call('themes:update', { id: music.id, parentId: null })).parentId).toBeNull()
    }))

  it('merges a theme into another: its passages and sub-themes move over, no highlight lost or coded twice', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const child = await client.call('themes:create', { name: 'roots', parentId: 'theme-heritage' })
      const made = await code(client, [
        ['theme-heritage'],
        ['theme-identity', 'theme-heritage'],
        ['theme-identity'],
        ['theme-fatherhood'],
        ['theme-heritage', 'theme-fatherhood', 'theme-identity']
      ])
      const source = await summary(client, 'theme-heritage')
      const target = await summary(client, 'theme-identity')
      expect([source?.highlightCount, target?.highlightCount]).toEqual([3, 3])

      const merged = await client.call('themes:merge', { sourceId: 'theme-heritage', targetId: 'theme-identity' })
      // Carrying either theme before (highlights 0, 1, 2, 4) is carrying the target after.
      expect(merged).toMatchObject({ id: 'theme-identity', highlightCount: 4, articleCount: 1 })
      const after = await allHighlights(client)
      expect(after).toHaveLength(made.length)
      expect(new Map(after.map((h) => [h.id, h.themeIds]))).toEqual(
        new Map([
          [made[0]?.id, ['theme-identity']],
          [made[1]?.id, ['theme-identity']],
          [made[2]?.id, ['theme-identity']],
          [made[3]?.id, ['theme-fatherhood']],
          [made[4]?.id, ['theme-identity', 'theme-fatherhood']]
        ])
      )
      const list = await client.call('themes:list', {})
      expect(list.some((t) => t.id === 'theme-heritage')).toBe(false)
      expect(list.find((t) => t.id === child.id)?.parentId).toBe('theme-identity')
    }))

  it.each([
    ['into itself', 'theme-heritage', () => 'theme-heritage', 'invalid-request', '“heritage” cannot be merged into itself.'],
    [
      'into its own sub-theme',
      'theme-heritage',
      (ids: Record<string, string>) => ids.grandchild ?? '',
      'conflict',
      '“heritage” cannot be merged into “soul”, which sits inside it. Move “soul” out first, or merge the other way round.'
    ],
    [
      'where sub-themes of the same name would meet',
      'theme-heritage',
      () => 'theme-identity',
      'conflict',
      'Both “heritage” and “identity” have a sub-theme called “music”. Rename or merge one of them first.'
    ]
  ])('refuses to merge %s, leaving the library file as it was', (_name, sourceId, targetOf, code, message) =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const child = await client.call('themes:create', { name: 'music', parentId: 'theme-heritage' })
      const grandchild = await client.call('themes:create', { name: 'soul', parentId: child.id })
      await client.call('themes:create', { name: 'Music', parentId: 'theme-identity' })
      const before = await client.fingerprint()
      const error = await client.refused('themes:merge', { sourceId, targetId: targetOf({ grandchild: grandchild.id }) })
      expect(error).toEqual({ code, message })
      expect(await client.fingerprint()).toBe(before)
    }))

  it('deletes a theme: highlights stay without it, its sub-themes move up to its parent', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const music = await client.call('themes:create', { name: 'music', parentId: 'theme-heritage' })
      const soul = await client.call('themes:create', { name: 'soul', parentId: music.id })
      const funk = await client.call('themes:create', { name: 'funk', parentId: music.id })
      const made = await code(client, [[music.id], [music.id, 'theme-heritage'], ['theme-heritage'], [soul.id]])

      const { deleted, highlightsAffected } = await client.call('themes:delete', { id: music.id })
      expect(deleted).toMatchObject({ id: music.id, name: 'music' })
      expect(highlightsAffected).toBe(2)
      const after = await allHighlights(client)
      expect(after.map((h) => h.id).sort()).toEqual(made.map((h) => h.id).sort())
      expect(after.every((h) => !h.themeIds.includes(music.id))).toBe(true)
      expect(after.find((h) => h.id === made[1]?.id)?.themeIds).toEqual(['theme-heritage'])
      const list = await client.call('themes:list', {})
      expect(list.find((t) => t.id === soul.id)?.parentId).toBe('theme-heritage')
      expect(list.find((t) => t.id === funk.id)?.parentId).toBe('theme-heritage')
      expect(list.some((t) => t.id === music.id)).toBe(false)

      const top = await client.call('themes:delete', { id: 'theme-heritage' })
      expect(top.highlightsAffected).toBe(2)
      expect((await client.call('themes:list', {})).find((t) => t.id === soul.id)?.parentId).toBeNull()
      expect(await allHighlights(client)).toHaveLength(made.length)
    }))

  it('refuses to delete a theme whose sub-theme would land beside one of the same name', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      await client.call('themes:create', { name: 'Identity', parentId: 'theme-heritage' })
      const before = await client.fingerprint()
      expect(await client.refused('themes:delete', { id: 'theme-heritage' })).toEqual({
        code: 'conflict',
        message:
          '“heritage” cannot be deleted yet: its sub-theme “Identity” would then sit at the top of the codebook beside a theme called “identity”. Rename or merge one of them first.'
      })
      expect(await client.refused('themes:delete', { id: 'theme-nope' })).toMatchObject({ code: 'not-found' })
      expect(await client.fingerprint()).toBe(before)
    }))
})
