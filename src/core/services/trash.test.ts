// Deleting articles: they go to the Trash with their highlights and memos, out of every list, passage and
// count; they come back whole; emptying the Trash removes their files for good and leaves tombstones.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LibraryStore } from '../library/store'
import { ARCHIVE_DIR, withTempDir } from '../library/test-support'
import { COLLIDER, openTestClient } from './test-client'

describe('the Trash', () => {
  it('moves an article and its highlights out of the library, restores them whole, and empties for good', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const heritage = (await client.call('themes:list', {})).find((t) => t.name === 'heritage')!
      const { text } = await client.call('articles:get', { id: COLLIDER })
      const start = text!.indexOf('Anderson .Paak')
      const highlight = await client.call('highlights:create', { articleId: COLLIDER, start, end: start + 14, themeIds: [heritage.id] })
      await client.call('articles:set-memo', { id: COLLIDER, memo: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Memo.' }] }] } })

      expect(await client.call('articles:trash', { ids: [COLLIDER] })).toEqual({ articles: 1, highlights: 1 })
      expect((await client.call('articles:list', {})).map((a) => a.id)).not.toContain(COLLIDER)
      expect((await client.call('themes:list', {})).find((t) => t.id === heritage.id)?.highlightCount).toBe(0)
      expect(await client.call('highlights:by-theme', { themeId: heritage.id })).toEqual([])
      expect(await client.call('highlights:exist', { ids: [highlight.id] })).toEqual([])
      // A note quoting it can say where its source went.
      expect(await client.call('highlights:in-trash', { ids: [highlight.id, 'hl-never-was', highlight.id] })).toEqual([highlight.id])
      expect((await client.refused('articles:get', { id: COLLIDER })).code).toBe('not-found')
      const listed = await client.call('trash:list', {})
      expect(listed).toEqual([expect.objectContaining({ id: COLLIDER, highlights: 1, trashedAt: expect.any(String) })])

      // Still in the Trash after a restart.
      await client.services.close()
      const again = await openTestClient(dir)
      expect((await again.call('trash:list', {})).map((t) => t.id)).toEqual([COLLIDER])
      expect(await again.call('trash:restore', { ids: [COLLIDER] })).toEqual({ articles: 1, highlights: 1 })
      const back = await again.call('articles:get', { id: COLLIDER })
      expect(back.highlights.map((h) => h.id)).toEqual([highlight.id])
      expect(back.article.memo).not.toBeNull()
      expect((await again.call('themes:list', {})).find((t) => t.id === heritage.id)?.highlightCount).toBe(1)

      expect(await again.call('highlights:in-trash', { ids: [highlight.id] })).toEqual([])
      await again.call('articles:trash', { ids: [COLLIDER] })
      expect(await again.call('trash:empty', {})).toEqual({ articles: 1, highlights: 1 })
      expect(await again.call('highlights:in-trash', { ids: [highlight.id] })).toEqual([])
      expect(await again.call('trash:list', {})).toEqual([])
      expect(existsSync(join(dir, 'texts', `${COLLIDER}.txt`))).toBe(false)
      expect(existsSync(join(dir, 'highlights', `${COLLIDER}.json`))).toBe(false)
      await again.services.close()
      const store = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR })
      await store.whenLoaded()
      expect(store.tombstones().articles.map((t) => t.id)).toEqual([COLLIDER])
      expect(store.articles().map((a) => a.id)).not.toContain(COLLIDER)
      expect(store.quarantined).toEqual([])
      await store.close()
    }))

  it('refuses to trash an article that is not there, changing nothing', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const before = await client.fingerprint()
      expect((await client.refused('articles:trash', { ids: [COLLIDER, 'no-such-article'] })).code).toBe('not-found')
      expect((await client.refused('trash:restore', { ids: [COLLIDER] })).code).toBe('not-found')
      expect(await client.fingerprint()).toBe(before)
      await client.services.close()
    }))
})

describe('themes merged or deleted while an article is in the Trash', () => {
  it('recode its highlights in the same change, so restoring it brings back no theme the codebook lacks, even after a restart', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const [source, target, dropped] = await client.call('themes:list', {})
      const highlight = await client.call('highlights:create', { articleId: COLLIDER, start: 0, end: 8, themeIds: [source!.id, dropped!.id] })
      await client.call('articles:trash', { ids: [COLLIDER] })
      await client.call('themes:merge', { sourceId: source!.id, targetId: target!.id })
      await client.call('themes:delete', { id: dropped!.id })
      await client.services.close()

      const again = await openTestClient(dir)
      await again.call('trash:restore', { ids: [COLLIDER] })
      const [back] = (await again.call('articles:get', { id: COLLIDER })).highlights
      expect(back).toMatchObject({ id: highlight.id, themeIds: [target!.id] })
      expect((await again.call('themes:list', {})).find((t) => t.id === target!.id)?.highlightCount).toBe(1)
      await again.services.close()
    }))
})
