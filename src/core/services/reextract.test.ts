// Reading an imported article's original again: the new text replaces the old, the highlights move onto
// it through the anchoring, and a text whose words are gone leaves its highlight unanchored, not lost.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withTempDir } from '../library/test-support'
import { extractFile } from '../import/formats'
import type { Extractor } from '../import/import-files'
import { reextractArticle } from './reextract'
import { COLLIDER, openTestClient } from './test-client'
import { ArticleTexts } from './article-texts'

const PAGE = '---\ntitle: Time Keeping\n---\n\nThe film keeps time like a drummer.\n\nIts second act swings.\n'

describe('re-extracting an imported article', () => {
  it('moves its highlights onto the new text and forgets the old one', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const imported = await client.call('imports:files', { files: [{ name: 'time.md', data: Buffer.from(PAGE).toString('base64') }] })
      const id = imported.outcomes[0]!.articleId!
      const before = await client.call('articles:get', { id })
      const quote = 'Its second act swings.'
      const start = before.text!.indexOf(quote)
      await client.call('highlights:create', { articleId: id, start, end: start + quote.length, exact: quote })
      const store = client.services.store
      const texts = new ArticleTexts(store)

      // The same extractor reads the same text: nothing changes.
      expect(await reextractArticle(store, texts, id)).toEqual({ changed: false, anchored: 1, unanchored: 0 })

      // A "better" extractor that also finds a standfirst above the text.
      const better: Extractor = async (file, limits) => {
        const out = await extractFile(file, limits)
        return { ...out, text: `A standfirst the old reader missed.\n${out.text}`, kinds: ['paragraph', ...out.kinds] }
      }
      const oldFile = before.article.file
      expect(await reextractArticle(store, texts, id, better)).toEqual({ changed: true, anchored: 1, unanchored: 0 })
      const after = await client.call('articles:get', { id })
      expect(after.text).toMatch(/^A standfirst the old reader missed\.\n/)
      const moved = after.highlights[0]!
      expect(after.text!.slice(moved.anchor!.start, moved.anchor!.end)).toBe(quote)
      expect(moved.position.start).toBe(after.text!.indexOf(quote))
      expect(existsSync(join(dir, 'texts', oldFile))).toBe(false)
      expect(existsSync(join(dir, 'texts', after.article.file))).toBe(true)
      expect(after.textStatus).toBe('ok')

      // An extractor that loses the passage: the highlight stays, unanchored.
      const worse: Extractor = async (file, limits) => {
        const out = await extractFile(file, limits)
        return { ...out, text: 'Only a title survived.', kinds: ['heading'] }
      }
      expect(await reextractArticle(store, texts, id, worse)).toEqual({ changed: true, anchored: 0, unanchored: 1 })
      expect((await client.call('articles:get', { id })).highlights.map((h) => h.anchor)).toEqual([null])
      await client.services.close()
    }))

  it('refuses an article that was not imported from a file', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const refused = await client.refused('articles:reextract', { id: COLLIDER })
      expect(refused.code).toBe('conflict')
      expect(refused.message).toMatch(/was not imported from a file/)
      await client.services.close()
    }))
})
