// Files of a library that cannot be read, or that a hand-edited record points outside the folder: the
// article is listed and opened as unreadable, nothing outside the library folder is read or deleted, and
// every other request keeps working.
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleFile, noteFile, TEXTS_FOLDER } from '../library/layout'
import { withTempDir } from '../library/test-support'
import { COLLIDER, openTestClient } from './test-client'

const SECRET = 'a secret outside the library'

/** A library whose article COLLIDER's record was changed by `edit` by hand, reopened. */
async function editedLibrary(dir: string, edit: (article: Record<string, unknown>) => void) {
  const library = join(dir, 'library')
  await (await openTestClient(library)).services.close()
  const path = join(library, articleFile(COLLIDER))
  const record = JSON.parse(await readFile(path, 'utf8')) as { article: Record<string, unknown> }
  edit(record.article)
  await writeFile(path, JSON.stringify(record))
  return openTestClient(library)
}

describe('an unreadable text', () => {
  it('is listed and opened as unreadable; the list and every other article still work', () =>
    withTempDir(async (dir) => {
      // An older record without stored facts, so the list has to read the text: a folder stands in its place.
      const client = await editedLibrary(dir, (article) => delete article.facts)
      const file = (await client.call('articles:get', { id: COLLIDER })).article.file
      await client.services.close()
      const library = join(dir, 'library')
      await rm(join(library, TEXTS_FOLDER, file))
      await mkdir(join(library, TEXTS_FOLDER, file))
      const reopened = await openTestClient(library)
      const list = await reopened.call('articles:list', {})
      expect(list).toHaveLength(5)
      expect(list.find((a) => a.id === COLLIDER)).toMatchObject({ wordCount: 0 })
      const detail = await reopened.call('articles:get', { id: COLLIDER })
      expect(detail).toMatchObject({ text: null, textStatus: 'unreadable' })
      expect((await reopened.call('articles:list', {})).find((a) => a.id === COLLIDER)?.textStatus).toBe('unreadable')
      const other = list.find((a) => a.id !== COLLIDER)!
      expect((await reopened.call('articles:get', { id: other.id })).text).toMatch(/\w/)
      await reopened.services.checked
      await reopened.services.close()
    }))
})

describe('a hand-edited record naming a file outside the library', () => {
  it.each([['../../outside.txt'], ['/etc/hostname'], ['..'], ['sub/../../outside.txt']])('“%s”: the article is set aside, nothing outside is read', (file) =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'outside.txt'), SECRET)
      const client = await editedLibrary(dir, (article) => (article.file = file))
      expect((await client.call('articles:list', {})).map((a) => a.id)).not.toContain(COLLIDER)
      expect(client.services.store.quarantined.map((q) => q.problem)).toEqual(['the article’s file is named by a path, not a file of the library'])
      await client.services.close()
    }))

  it('a text that is a link to a file outside is not followed', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'outside.txt'), SECRET)
      const client = await editedLibrary(dir, (article) => delete article.facts)
      const file = (await client.call('articles:get', { id: COLLIDER })).article.file
      await client.services.close()
      const library = join(dir, 'library')
      await rm(join(library, TEXTS_FOLDER, file))
      await symlink(join(dir, 'outside.txt'), join(library, TEXTS_FOLDER, file))
      const reopened = await openTestClient(library)
      const detail = await reopened.call('articles:get', { id: COLLIDER })
      expect(detail).toMatchObject({ text: null, textStatus: 'unreadable' })
      expect(JSON.stringify(await reopened.call('articles:list', {}))).not.toContain(SECRET)
      // Emptying the Trash deletes the article's files, but never through a link out of the folder.
      await reopened.call('articles:trash', { ids: [COLLIDER] })
      await reopened.call('trash:empty', {})
      expect(await readFile(join(dir, 'outside.txt'), 'utf8')).toBe(SECRET)
      await reopened.services.close()
    }))
})

describe('a record file that cannot be loaded', () => {
  it('is moved into quarantine/ and reported; every request still answers', () =>
    withTempDir(async (dir) => {
      await (await openTestClient(dir)).services.close()
      // 20,000 quotations inside one another: past every recursive walk's stack.
      const node = '{"type":"blockquote","content":['.repeat(20_000) + '{"type":"paragraph"}' + ']}'.repeat(20_000)
      const times = '"createdAt":"2026-11-21T12:00:00.000Z","updatedAt":"2026-11-21T12:00:00.000Z"'
      await writeFile(join(dir, noteFile('note-deep')), `{"note":{"id":"note-deep","title":"Deep",${times},"doc":{"type":"doc","content":[${node}]}}}`)
      const client = await openTestClient(dir)
      expect(await client.call('notes:list', {})).toEqual([])
      expect(await client.call('articles:list', {})).toHaveLength(5)
      const [problem, ...more] = await client.call('app:library-problems', {})
      expect(more).toEqual([])
      expect(problem).toMatch(/^The library file notes\/note-deep\.json could not be read \(the note is nested more than 100 levels deep\), so it was moved to quarantine\/.+-notes-note-deep\.json inside the library folder; the rest of the library opened without it\.$/)
      await client.call('notes:create', { title: 'After' })
      await client.services.close()
    }))
})
