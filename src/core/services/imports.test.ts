// Importing through the app's requests: files by content and by path (a folder walked), a paste; the
// original kept byte for byte and the text extracted beside it; duplicates and refusals change nothing.
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withTempDir } from '../library/test-support'
import { openTestClient } from './test-client'
import { sourceWorkerEntry } from '../import/isolated-extract'
import { slowPage } from '../import/fixtures/slow-page'

const b64 = (text: string | Uint8Array): string => Buffer.from(text).toString('base64')
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

const REVIEW_MD = `---
title: A Conductor Finds His Film
author: Ada Critic
outlet: The Film Page
date: 2024-09-30
kind: review
---

# A Conductor Finds His Film

Anderson .Paak directs *K-Pops!* with a drummer's sense of time.

> The Jacksons walked so BTS could dance.

- heritage
- fatherhood
`

describe('imports', () => {
  it('imports a Markdown file: text and kinds extracted, metadata from front matter, the original kept byte for byte', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'), {
        effects: {
          dialogs: {
            chooseSavePath: async ({ suggestedName }) => {
              await mkdir(join(dir, 'exports'), { recursive: true })
              return join(dir, 'exports', suggestedName)
            },
            chooseOpenPath: async () => null,
            chooseFolder: async () => null
          }
        }
      })
      const summary = await client.call('imports:files', { files: [{ name: 'conductor.md', data: b64(REVIEW_MD) }] })
      expect(summary).toMatchObject({ imported: 1, duplicates: 0, refused: 0 })
      const [outcome] = summary.outcomes
      expect(outcome).toMatchObject({ file: 'conductor.md', status: 'imported', title: 'A Conductor Finds His Film', message: '' })
      const detail = await client.call('articles:get', { id: outcome!.articleId! })
      expect(detail.article.meta).toEqual({ title: 'A Conductor Finds His Film', author: 'Ada Critic', outlet: 'The Film Page', date: '2024-09-30', url: '', kind: 'review' })
      expect(detail.text).toContain("Anderson .Paak directs K-Pops! with a drummer's sense of time.")
      expect(detail.text).toContain('The Jacksons walked so BTS could dance.')
      expect(Object.values(detail.article.kinds ?? {})).toEqual(expect.arrayContaining(['heading', 'quote', 'list-item']))
      const original = await readFile(join(dir, 'library', 'originals', detail.article.original!.file))
      expect(original.toString('utf8')).toBe(REVIEW_MD)
      expect(detail.article.original).toMatchObject({ name: 'conductor.md', format: 'md', sha256: sha(original) })
      // A highlight on the imported text quotes it verbatim.
      const quote = 'The Jacksons walked so BTS could dance.'
      const start = detail.text!.indexOf(quote)
      const highlight = await client.call('highlights:create', { articleId: detail.article.id, start, end: start + quote.length, exact: quote })
      expect(highlight.quote.exact).toBe(quote)
      // …and the export quotes it verbatim.
      await client.call('export:run', { scope: { kind: 'article', articleId: detail.article.id }, format: 'markdown' })
      const exported = await readFile(join(dir, 'exports', 'a-conductor-finds-his-film.md'), 'utf8')
      expect(exported).toContain(`> ${quote}`)
      expect((await client.call('articles:list', {})).length).toBe(6)
      await client.services.close()
    }))

  it('reports a file already in the library as a duplicate, and refuses an unreadable one, changing nothing', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      await client.call('imports:files', { files: [{ name: 'conductor.md', data: b64(REVIEW_MD) }] })
      const before = await client.fingerprint()
      const again = await client.call('imports:files', {
        files: [
          { name: 'copy of conductor.md', data: b64(REVIEW_MD) },
          { name: 'photo.jpg', data: b64('\xff\xd8\xff not an article') },
          { name: 'empty.txt', data: b64('   \n\n ') }
        ]
      })
      expect(again).toMatchObject({ imported: 0, duplicates: 1, refused: 2 })
      expect(again.outcomes[0]).toMatchObject({ status: 'duplicate', message: 'copy of conductor.md is already in your library as “A Conductor Finds His Film”.' })
      expect(again.outcomes[1]).toMatchObject({ status: 'refused', message: expect.stringMatching(/^photo\.jpg is not a format Liner Notes can import/) })
      expect(again.outcomes[2]).toMatchObject({ status: 'refused', message: 'empty.txt has no text to import.' })
      expect(await client.fingerprint()).toBe(before)
      await client.services.close()
    }))

  it('imports a folder by path, flags the same text from another file, and makes an article of a paste', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      const folder = join(dir, 'saved')
      await mkdir(join(folder, 'more'), { recursive: true })
      await writeFile(join(folder, 'one.txt'), 'A first saved review.\r\nIts second paragraph.\r\n')
      await writeFile(join(folder, 'more', 'two.txt'), 'A first saved review.\nIts second paragraph.\n')
      const summary = await client.call('imports:paths', { paths: [folder] })
      expect(summary.outcomes.map((o) => [o.file, o.status])).toEqual([
        ['two.txt', 'imported'],
        ['one.txt', 'imported']
      ])
      expect(summary.outcomes[1]!.message).toMatch(/^The same text is already in your library as “.*”, from another file\.$/)
      const pasted = await client.call('imports:paste', { html: '<h2>Pasted interview</h2><p>PAAK: It was about my son.</p>' })
      expect(pasted).toMatchObject({ imported: 1 })
      const text = (await client.call('articles:get', { id: pasted.outcomes[0]!.articleId! })).text
      expect(text).toContain('PAAK: It was about my son.')
      await client.services.close()
    }))

  it('applies the library’s limits and an import’s own: a file over the size refused unread, one over the time stopped', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'), { extractWorker: sourceWorkerEntry() })
      await client.call('preferences:update', { importMaxMegabytes: 1 })
      const before = await client.fingerprint()
      const twoMegabytes = 'Words enough to fill a page. '.repeat(75_000)
      const large = await client.call('imports:files', { files: [{ name: 'large.txt', data: b64(twoMegabytes) }] })
      expect(large.outcomes[0]).toMatchObject({ status: 'refused', message: 'large.txt is larger than 1 MB, the most Liner Notes imports at once; it was not read.' })
      expect(await client.fingerprint()).toBe(before)

      await mkdir(join(dir, 'in'))
      await writeFile(join(dir, 'in', 'long.html'), slowPage())
      await writeFile(join(dir, 'in', 'short.md'), REVIEW_MD)
      // This import's own limits over the library's: 8 MB lets the page in, and 1 second stops it.
      const timed = await client.call('imports:paths', { paths: [join(dir, 'in')], limits: { maxMegabytes: 8, maxSeconds: 1 } })
      expect(timed.outcomes.map(({ file, status }) => [file, status])).toEqual([
        ['long.html', 'refused'],
        ['short.md', 'imported']
      ])
      expect(timed.outcomes[0]!.message).toBe('long.html took longer than 1 second to read, so it was stopped.')
      // The stopped file left nothing behind: the library holds the bundled five and the one imported.
      expect((await client.call('articles:list', {})).map((a) => a.id)).toHaveLength(6)
      await client.services.close()
    }), 30_000)
})
