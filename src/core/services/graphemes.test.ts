// Highlights never split a character: offsets sent inside an emoji's surrogate pair, or between a letter
// and its combining accent, are widened to whole characters before the quote is taken.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withTempDir } from '../library/test-support'
import { openTestClient } from './test-client'

const TEXT = 'Soul said 🎷 twice, then Andre\u0301 laughed.'

describe('highlights on whole characters', () => {
  it('widens a range cut inside a surrogate pair or before a combining accent', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      const summary = await client.call('imports:paste', { text: TEXT })
      const articleId = summary.outcomes[0]!.articleId!
      const text = (await client.call('articles:get', { id: articleId })).text!
      const sax = text.indexOf('🎷')
      // Start after the first half of the emoji, end before the second half.
      const inside = await client.call('highlights:create', { articleId, start: sax + 1, end: sax + 2 + ' twice'.length })
      expect(inside.quote.exact).toBe('🎷 twice')
      expect(inside.quote.exact).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u)
      const andre = text.indexOf('Andre')
      const accent = await client.call('highlights:create', { articleId, start: andre, end: andre + 'Andre'.length })
      expect(accent.quote.exact).toBe('Andre\u0301')
      expect(accent.quote.exact.normalize('NFC')).toBe('André')
      await client.services.close()
    }))
})
