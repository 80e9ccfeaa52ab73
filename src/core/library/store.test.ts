// The record store over a real temporary folder: seeding, reading back, changes in order, refused changes
// that leave files and memory as they were, change sets, tombstones, and files it cannot read.
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Highlight, Note, Theme } from '../../shared/model'
import { EMPTY_DOC, MAX_NOTE_DEPTH } from '../../shared/note-doc'
import { sha256Hex } from './hash'
import { LibraryError } from './errors'
import { articleFile, CODEBOOK_FILE, highlightsFile, LIBRARY_FILE, noteFile, QUARANTINE_FOLDER, TEXTS_FOLDER } from './layout'
import { LibraryStore, type ChangeSet } from './store'
import { ARCHIVE_DIR, fixedNow, folderFingerprint, withTempDir } from './test-support'

const open = (dir: string) => LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
const readJson = async (dir: string, path: string): Promise<unknown> => JSON.parse(await readFile(join(dir, path), 'utf8'))

const COLLIDER = '000_ad238df8b954e232'
const INTERVIEW = '002_28dc0072aca979dd'

function highlight(id: string, articleId: string, themeIds: string[], start = 0): Highlight {
  return {
    id,
    articleId,
    quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + 1 },
    color: null,
    themeIds,
    note: null,
    createdAt: fixedNow(),
    updatedAt: fixedNow()
  }
}

const note = (id: string, title: string): Note => ({ id, title, doc: structuredClone(EMPTY_DOC), createdAt: fixedNow(), updatedAt: fixedNow() })

/** Every change set the store announces, in order. */
function recorder(store: LibraryStore): ChangeSet[] {
  const sets: ChangeSet[] = []
  store.subscribe((set) => sets.push(set))
  return sets
}

describe('LibraryStore', () => {
  it('seeds a new library with the five archive articles, byte for byte, as record files', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      expect(store.articles()).toHaveLength(5)
      for (const article of store.articles()) {
        const original = await readFile(join(ARCHIVE_DIR, article.file))
        const copy = await readFile(join(dir, TEXTS_FOLDER, article.file))
        expect(copy.equals(original)).toBe(true)
        expect(sha256Hex(copy)).toBe(article.sha256)
        expect(await readJson(dir, articleFile(article.id))).toEqual({ article })
        expect(article.facts?.wordCount).toBeGreaterThan(0)
      }
      expect(await readJson(dir, LIBRARY_FILE)).toEqual({ format: 'liner-notes-library', schemaVersion: 5, preferences: { textSize: 19, appearance: 'system' } })
      expect(store.articles()[0]!.meta.title).toBe('‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director')
      expect(store.articles().every((a) => a.correctedText === null && a.memo === null)).toBe(true)
      expect(store.themes().map((t) => t.name)).toContain('fatherhood')
      expect(store.themes()).toHaveLength(7)
      expect(await readJson(dir, CODEBOOK_FILE)).toEqual({ themes: store.themes(), tombstones: [] })
      await store.whenLoaded()
      expect(store.highlightCount()).toBe(0)
      expect([...store.notes()]).toEqual([])
      expect(store.quarantined).toEqual([])
    }))

  it('reads back what it wrote instead of seeding again', () =>
    withTempDir(async (dir) => {
      const first = await open(dir)
      await first.transact((tx) => {
        tx.putArticle({ ...tx.requireArticle(COLLIDER), meta: { ...tx.requireArticle(COLLIDER).meta, outlet: 'Collider (edited)' } })
        tx.putHighlight(highlight('hl-1', COLLIDER, ['theme-heritage']))
        tx.putNote(note('note-1', 'Fathers'))
        tx.setPreferences({ textSize: 22, appearance: 'dark' })
      })
      await first.close()
      const second = await open(dir)
      expect(await second.snapshot()).toEqual(await first.snapshot())
      expect(second.article(COLLIDER)?.meta.outlet).toBe('Collider (edited)')
      expect(second.preferences).toEqual({ textSize: 22, appearance: 'dark' })
      expect(second.highlightsOfArticle(COLLIDER).map((h) => h.id)).toEqual(['hl-1'])
      expect(second.note('note-1')?.title).toBe('Fathers')
    }))

  it('never alters the bundled archive', () =>
    withTempDir(async (dir) => {
      const before = await folderFingerprint(ARCHIVE_DIR)
      const store = await open(dir)
      await store.transact((tx) => {
        const article = tx.requireArticle(INTERVIEW)
        tx.putArticle({ ...article, meta: { ...article.meta, title: 'A title the text never gave' } })
      })
      expect(await folderFingerprint(ARCHIVE_DIR)).toBe(before)
    }))

  it('applies concurrent transactions one after another, in order, each reading the one before', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      const writes = Array.from({ length: 25 }, (_, i) =>
        store.transact((tx) => {
          const article = tx.requireArticle(COLLIDER)
          tx.putArticle({ ...article, meta: { ...article.meta, author: article.meta.author + String(i % 10) } })
        })
      )
      await Promise.all(writes)
      const expected = 'Perri Nemiroff' + Array.from({ length: 25 }, (_, i) => String(i % 10)).join('')
      expect(store.article(COLLIDER)?.meta.author).toBe(expected)
      const onDisk = (await readJson(dir, articleFile(COLLIDER))) as { article: { meta: { author: string }; rev: number } }
      expect(onDisk.article.meta.author).toBe(expected)
      expect(onDisk.article.rev).toBe(26)
    }))

  it('stamps every record it writes with a revision one higher than the last', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      const revs = () => [store.article(COLLIDER)?.rev, store.highlight('hl-1')?.rev, store.theme('theme-heritage')?.rev, store.note('note-1')?.rev]
      await store.transact((tx) => {
        tx.putHighlight(highlight('hl-1', COLLIDER, []))
        tx.putNote(note('note-1', 'one'))
      })
      // Seeded records were written once already (revision 1); new ones start at 1.
      expect(revs()).toEqual([1, 1, 1, 1])
      for (let i = 0; i < 3; i++) {
        await store.transact((tx) => {
          const article = tx.requireArticle(COLLIDER)
          tx.putArticle({ ...article, meta: { ...article.meta, outlet: `edit ${i}` } })
          tx.putHighlight({ ...tx.requireHighlight('hl-1'), color: i % 2 === 0 ? 'blue' : 'green' })
          tx.putTheme({ ...tx.requireTheme('theme-heritage'), description: `edit ${i}` })
          tx.putNote({ ...tx.requireNote('note-1'), title: `edit ${i}` })
        })
      }
      expect(revs()).toEqual([4, 4, 4, 4])
      await store.close()
      const reopened = await open(dir)
      await reopened.whenLoaded()
      expect([reopened.article(COLLIDER)?.rev, reopened.highlight('hl-1')?.rev, reopened.theme('theme-heritage')?.rev, reopened.note('note-1')?.rev]).toEqual([4, 4, 4, 4])
    }))

  it('an edit made just before quitting is on disk once flush() resolves', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      // The edit is not awaited, as when the window closes right after it is sent.
      void store.transact((tx) => {
        const article = tx.requireArticle('001_0a74aad613f8da6e')
        tx.putArticle({ ...article, meta: { ...article.meta, outlet: 'Typed at the last moment' } })
      })
      await store.flush()
      expect(await readJson(dir, articleFile('001_0a74aad613f8da6e'))).toMatchObject({ article: { meta: { outlet: 'Typed at the last moment' } } })
    }))

  it('refuses a change that breaks the schema and keeps files and memory as they were', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      const sets = recorder(store)
      const before = await folderFingerprint(dir)
      await expect(
        store.transact((tx) => {
          tx.putNote(note('note-ok', 'would be fine'))
          const article = tx.requireArticle(COLLIDER)
          tx.putArticle({ ...article, meta: { ...article.meta, date: 'last Tuesday' } })
        })
      ).rejects.toThrow(/YYYY-MM-DD/)
      expect(await folderFingerprint(dir)).toBe(before)
      expect(store.article(COLLIDER)?.meta.date).toBe('2024-09-27')
      expect(store.note('note-ok')).toBeNull()
      expect(sets).toEqual([])
    }))

  it('refuses a highlight on an article that is not there, and a record id that cannot name a file', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      const before = await folderFingerprint(dir)
      await expect(store.transact((tx) => tx.putHighlight(highlight('hl-1', 'no-such-article', [])))).rejects.toThrow(/not in the library/)
      await expect(store.transact((tx) => tx.putNote(note('../escape', 'x')))).rejects.toThrow(/cannot name a record/)
      expect(await folderFingerprint(dir)).toBe(before)
    }))

  it('a read-only store refuses every change and writes nothing', () =>
    withTempDir(async (dir) => {
      await (await open(dir)).close()
      const before = await folderFingerprint(dir)
      const reader = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, readOnly: true })
      expect(reader.articles()).toHaveLength(5)
      await expect(reader.transact((tx) => tx.putNote(note('note-1', 'x')))).rejects.toThrow(/read-only/)
      expect(await folderFingerprint(dir)).toBe(before)
    }))

  it('clears temporary files a crash left behind, without touching the library files', () =>
    withTempDir(async (dir) => {
      await (await open(dir)).close()
      const before = await folderFingerprint(dir)
      await writeFile(join(dir, `${LIBRARY_FILE}.tmp-999-deadbeef`), '{"schemaVersion": 5, "artic')
      await writeFile(join(dir, `${articleFile(COLLIDER)}.tmp-999-deadbeef`), '{"article": {')
      await open(dir)
      expect(await readdir(dir)).not.toContain(`${LIBRARY_FILE}.tmp-999-deadbeef`)
      expect(await folderFingerprint(dir)).toBe(before)
    }))

  it('refuses a library file that is not JSON, and leaves it untouched', () =>
    withTempDir(async (dir) => {
      const broken = '{"schemaVersion": 3, "articles": [ oops'
      await writeFile(join(dir, LIBRARY_FILE), broken)
      const error = await open(dir).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(LibraryError)
      expect((error as LibraryError).code).toBe('library-unreadable')
      expect((error as LibraryError).message).toMatch(/not valid JSON/)
      expect(await readFile(join(dir, LIBRARY_FILE), 'utf8')).toBe(broken)
      expect(await readdir(dir)).toEqual([LIBRARY_FILE])
    }))

  it('refuses a library written by a newer version', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, LIBRARY_FILE), JSON.stringify({ schemaVersion: 99, articles: [] }))
      await expect(open(dir)).rejects.toThrow(/newer version of Liner Notes/)
    }))

  it('moves a record file it cannot read into quarantine/, byte for byte, says so, and opens the rest', () =>
    withTempDir(async (dir) => {
      const first = await open(dir)
      await first.transact((tx) => {
        tx.putHighlight(highlight('hl-1', COLLIDER, []))
        tx.putHighlight(highlight('hl-2', INTERVIEW, []))
      })
      await first.close()
      const broken = '{"articleId": "000_ad238df8b954e232", "highlights": [ torn'
      await writeFile(join(dir, highlightsFile(COLLIDER)), broken)
      const store = await open(dir)
      await store.whenLoaded()
      const movedTo = `${QUARANTINE_FOLDER}/20261121120000-highlights-${COLLIDER}.json`
      expect(store.quarantined).toEqual([{ path: highlightsFile(COLLIDER), problem: 'it is not a highlights file', movedTo }])
      expect(store.problems()).toEqual([
        `The library file ${highlightsFile(COLLIDER)} could not be read (it is not a highlights file), so it was moved to ${movedTo} inside the library folder; the rest of the library opened without it.`
      ])
      expect(await readFile(join(dir, movedTo), 'utf8')).toBe(broken)
      expect(store.highlight('hl-2')).not.toBeNull()
      expect(store.highlight('hl-1')).toBeNull()
      // The place is free again, and the copy set aside is never written over.
      await store.transact((tx) => tx.putHighlight(highlight('hl-3', COLLIDER, [])))
      expect(await readFile(join(dir, movedTo), 'utf8')).toBe(broken)
      await store.close()
    }))

  it('read-only, leaves a file it cannot read where it is', () =>
    withTempDir(async (dir) => {
      await (await open(dir)).close()
      const broken = '{"articleId": "000_ad238df8b954e232", "highlights": [ torn'
      await writeFile(join(dir, highlightsFile(COLLIDER)), broken)
      const store = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, readOnly: true })
      await store.whenLoaded()
      expect(store.quarantined).toEqual([{ path: highlightsFile(COLLIDER), problem: 'it is not a highlights file', movedTo: null }])
      expect(store.problems()[0]).toMatch(/could not be read \(it is not a highlights file\); it is left as it is/)
      expect(await readFile(join(dir, highlightsFile(COLLIDER)), 'utf8')).toBe(broken)
    }))

  it('sets aside a note nested deeper than any editor makes, and the rest of the library answers', () =>
    withTempDir(async (dir) => {
      const first = await open(dir)
      await first.transact((tx) => {
        tx.putNote(note('note-ok', 'Fine'))
      })
      await first.close()
      // Written by hand (or by an older version): 20,000 quotations inside one another, too deep even to stringify.
      const paragraph = JSON.stringify({ type: 'paragraph', content: [{ type: 'text', text: 'deep' }] })
      const node = '{"type":"blockquote","content":['.repeat(20_000) + paragraph + ']}'.repeat(20_000)
      const deep = JSON.stringify({ note: { ...note('note-deep', 'Deep'), doc: 'DOC' } }).replace('"DOC"', `{"type":"doc","content":[${node}]}`)
      await writeFile(join(dir, noteFile('note-deep')), deep)
      const store = await open(dir)
      await store.whenLoaded()
      await store.validate()
      expect(store.quarantined.map((q) => [q.path, q.problem])).toEqual([[noteFile('note-deep'), `the note is nested more than ${MAX_NOTE_DEPTH} levels deep`]])
      expect(store.note('note-deep')).toBeNull()
      expect(store.note('note-ok')).not.toBeNull()
      expect(await readFile(join(dir, store.quarantined[0]!.movedTo!), 'utf8')).toBe(deep)
      await store.close()
    }))

  it('reports a missing or altered original instead of failing, and what it found', () =>
    withTempDir(async (dir) => {
      // Seeding read every original; a library opened afresh has checked none yet.
      await (await open(dir)).close()
      const store = await open(dir)
      const [first, second] = store.articles()
      await rm(join(dir, TEXTS_FOLDER, first!.file))
      await writeFile(join(dir, TEXTS_FOLDER, second!.file), 'changed by another program')
      expect(store.knownTextStatus(first!.id)).toBe('unchecked')
      expect(await store.readOriginal(first!)).toEqual({ text: null, status: 'missing' })
      expect(await store.readOriginal(second!)).toEqual({ text: 'changed by another program', status: 'altered' })
      expect(store.knownTextStatus(first!.id)).toBe('missing')
      await store.verifyTexts()
      expect(store.articles().map((a) => store.knownTextStatus(a.id))).toEqual(['missing', 'altered', 'ok', 'ok', 'ok'])
    }))
})

describe('change sets', () => {
  it('announce exactly the records a transaction added, changed and removed, one set per transaction', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      const sets = recorder(store)
      await store.transact((tx) => {
        tx.putHighlight(highlight('hl-1', COLLIDER, ['theme-heritage']))
        tx.putHighlight(highlight('hl-2', INTERVIEW, []))
        tx.putNote(note('note-1', 'one'))
      })
      await store.transact((tx) => {
        tx.putHighlight({ ...tx.requireHighlight('hl-1'), color: 'blue' })
        tx.removeHighlight('hl-2')
        tx.removeNote('note-1')
        tx.setPreferences({ textSize: 20, appearance: 'light' })
      })
      // A transaction that puts nothing announces nothing.
      await store.transact((tx) => tx.article(COLLIDER))
      const sort = (set: ChangeSet) => [...set.changes].sort((a, b) => `${a.kind}${a.id}`.localeCompare(`${b.kind}${b.id}`))
      expect(sets.map((s) => s.seq)).toEqual([1, 2])
      expect(sort(sets[0]!)).toEqual([
        { kind: 'highlight', id: 'hl-1', op: 'added' },
        { kind: 'highlight', id: 'hl-2', op: 'added' },
        { kind: 'note', id: 'note-1', op: 'added' }
      ])
      expect(sort(sets[1]!)).toEqual([
        { kind: 'highlight', id: 'hl-1', op: 'changed' },
        { kind: 'highlight', id: 'hl-2', op: 'removed' },
        { kind: 'note', id: 'note-1', op: 'removed' },
        { kind: 'preferences', id: 'preferences', op: 'changed' }
      ])
    }))

  it('a theme deleted with the highlights it coded lists the theme removed and each of them changed', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      await store.transact((tx) => {
        tx.putHighlight(highlight('hl-1', COLLIDER, ['theme-heritage', 'theme-identity']))
        tx.putHighlight(highlight('hl-2', INTERVIEW, ['theme-heritage'], 5))
        tx.putHighlight(highlight('hl-3', INTERVIEW, ['theme-identity'], 9))
      })
      const sets = recorder(store)
      await store.transact((tx) => {
        for (const h of tx.highlightsWithTheme('theme-heritage')) tx.putHighlight({ ...h, themeIds: h.themeIds.filter((t) => t !== 'theme-heritage') })
        tx.removeTheme('theme-heritage')
      })
      expect(sets).toHaveLength(1)
      expect([...sets[0]!.changes].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
        { kind: 'highlight', id: 'hl-1', op: 'changed' },
        { kind: 'highlight', id: 'hl-2', op: 'changed' },
        { kind: 'theme', id: 'theme-heritage', op: 'removed' }
      ])
      expect(store.themeCounts('theme-heritage')).toEqual({ highlights: 0, articles: 0 })
      expect(store.highlightsWithThemes(['theme-identity']).map((h) => h.id).sort()).toEqual(['hl-1', 'hl-3'])
    }))
})

describe('tombstones', () => {
  it('deleting a highlight, a note or a theme leaves a tombstone in its file, one revision on', () =>
    withTempDir(async (dir) => {
      const store = await open(dir)
      await store.transact((tx) => {
        tx.putHighlight(highlight('hl-1', COLLIDER, []))
        tx.putHighlight(highlight('hl-2', COLLIDER, [], 4))
        tx.putNote(note('note-1', 'one'))
      })
      const heritage = store.theme('theme-heritage') as Theme
      await store.transact((tx) => {
        tx.removeHighlight('hl-1')
        tx.removeNote('note-1')
        tx.removeTheme('theme-heritage')
      })
      const stone = { deletedAt: fixedNow(), rev: 2 }
      expect(await readJson(dir, highlightsFile(COLLIDER))).toMatchObject({
        highlights: [{ id: 'hl-2' }],
        tombstones: [{ id: 'hl-1', ...stone }]
      })
      expect(await readJson(dir, noteFile('note-1'))).toEqual({ tombstone: { id: 'note-1', ...stone } })
      const codebook = (await readJson(dir, CODEBOOK_FILE)) as { themes: Theme[]; tombstones: unknown[] }
      expect(codebook.themes.map((t) => t.id)).not.toContain('theme-heritage')
      expect(codebook.tombstones).toEqual([{ id: 'theme-heritage', deletedAt: fixedNow(), rev: (heritage.rev ?? 0) + 1 }])
      await store.close()

      const reopened = await open(dir)
      await reopened.whenLoaded()
      expect(reopened.highlight('hl-1')).toBeNull()
      expect(reopened.note('note-1')).toBeNull()
      expect(reopened.theme('theme-heritage')).toBeNull()
      const stones = reopened.tombstones()
      expect([stones.highlights, stones.notes, stones.themes].map((list) => list.map((t) => t.id))).toEqual([['hl-1'], ['note-1'], ['theme-heritage']])
    }))
})
