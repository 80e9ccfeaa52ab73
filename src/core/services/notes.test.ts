// Notes through the IPC boundary over a real library folder: written, listed, edited, deleted and
// restored; quotations of highlights kept whole on disk, even after their highlight is gone; notes on
// highlights and memos on articles; hostile documents refused before anything is written.
import { describe, expect, it } from 'vitest'
import type { Channel } from '../../shared/ipc/channels'
import { EMPTY_DOC, quotationAttrs, quotedHighlightIds, type NoteDoc, type NoteNode } from '../../shared/note-doc'
import { LibraryStore } from '../library/store'
import { ARCHIVE_DIR, fixedNow, withTempDir } from '../library/test-support'
import { COLLIDER, nth, openTestClient, tickingClock, withoutRev, type TestClient } from './test-client'

const text = (value: string): NoteNode => ({ type: 'text', text: value })
const paragraph = (value: string): NoteNode => ({ type: 'paragraph', content: [text(value)] })
const doc = (...content: NoteNode[]): NoteDoc => ({ type: 'doc', content })

async function highlight(client: TestClient, phrase: string, themeIds: string[] = []) {
  const { text: shown } = await client.call('articles:get', { id: COLLIDER })
  return client.call('highlights:create', { articleId: COLLIDER, ...nth(shown ?? '', phrase, 1), themeIds })
}

/** The attributes the editor gives a quotation, from what highlights:search offers. */
async function quotationOf(client: TestClient, highlightId: string): Promise<NoteNode> {
  const found = (await client.call('highlights:search', { articleId: COLLIDER })).find((q) => q.highlight.id === highlightId)
  if (!found) throw new Error(`highlight ${highlightId} is not offered for quoting`)
  return { type: 'highlightQuote', attrs: quotationAttrs(found) }
}

describe('notes', () => {
  it('creates, lists (newest first), edits, deletes and restores a note', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir, { now: tickingClock() })
      const blank = await client.call('notes:create', {})
      expect(withoutRev(blank)).toEqual({
        id: expect.stringMatching(/^note-[0-9a-f-]{36}$/),
        title: '',
        doc: EMPTY_DOC,
        facts: { wordCount: 0, opening: '' },
        createdAt: blank.createdAt,
        updatedAt: blank.createdAt
      })
      const titled = await client.call('notes:create', { title: 'Fathers and sons', doc: doc(paragraph('Soul Rasheed plays his son.')) })
      expect((await client.call('notes:list', {})).map((n) => [n.id, n.title, n.opening, n.wordCount])).toEqual([
        [titled.id, 'Fathers and sons', '', 5],
        [blank.id, '', '', 0]
      ])

      // Edited, the untitled note moves to the top and is listed by its first twelve words.
      const words = 'Anderson .Paak directs, writes, scores and stars: the film is his, and his son’s, from the first frame.'
      const edited = await client.call('notes:update', { id: blank.id, doc: doc(paragraph(words), paragraph('A second paragraph.')) })
      expect(edited.updatedAt > blank.updatedAt).toBe(true)
      expect(edited.createdAt).toBe(blank.createdAt)
      const [first, second] = await client.call('notes:list', {})
      expect(first).toEqual({
        id: blank.id,
        title: '',
        opening: 'Anderson .Paak directs, writes, scores and stars: the film is his, and',
        wordCount: 21,
        createdAt: blank.createdAt,
        updatedAt: edited.updatedAt
      })
      expect(second?.id).toBe(titled.id)

      // A title alone leaves the document; a request that changes nothing (an autosave of what is stored)
      // writes nothing, and the note keeps its place in the list.
      const retitled = await client.call('notes:update', { id: titled.id, title: 'Fathers, sons and K-pop' })
      expect(retitled.doc).toEqual(titled.doc)
      const before = await client.fingerprint()
      expect(withoutRev(await client.call('notes:update', { id: titled.id }))).toEqual(withoutRev(retitled))
      expect(withoutRev(await client.call('notes:update', { id: titled.id, title: retitled.title, doc: structuredClone(retitled.doc) }))).toEqual(withoutRev(retitled))
      expect(await client.fingerprint()).toBe(before)

      // Deleted, it answers with the record, which brings it back whole under the same id.
      const deleted = await client.call('notes:delete', { id: titled.id })
      expect(withoutRev(deleted)).toEqual(withoutRev(retitled))
      expect((await client.call('notes:list', {})).map((n) => n.id)).toEqual([blank.id])
      expect(await client.refused('notes:get', { id: titled.id })).toEqual({ code: 'not-found', message: `Note “${titled.id}” is not in the library.` })
      expect(withoutRev(await client.call('notes:restore', { note: deleted }))).toEqual(withoutRev(deleted))
      expect(withoutRev(await client.call('notes:get', { id: titled.id }))).toEqual(withoutRev(retitled))
      expect(await client.refused('notes:restore', { note: deleted })).toEqual({
        code: 'conflict',
        message: 'The note “Fathers, sons and K-pop” is already in the library; it cannot be restored twice.'
      })
      expect(await client.refused('notes:delete', { id: 'note-nope' })).toMatchObject({ code: 'not-found' })

      const reopened = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
      await reopened.whenLoaded()
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)
      expect([...reopened.notes()].map(withoutRev).sort(byId)).toEqual([edited, retitled].map(withoutRev).sort(byId))
    }))

  it('keeps a note with quotations, marks and links exactly as saved, across a fresh start', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const passage = await highlight(client, 'Anderson .Paak has astounded audiences', ['theme-filmmaking'])
      const quotation = await quotationOf(client, passage.id)
      expect(quotation.attrs).toEqual({
        highlightId: passage.id,
        articleId: COLLIDER,
        quote: 'Anderson .Paak has astounded audiences',
        articleTitle: '‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director',
        outlet: 'Collider',
        date: '2024-09-27',
        speaker: null
      })
      const written = doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Director')] },
        quotation,
        {
          type: 'paragraph',
          content: [
            text('As '),
            { type: 'text', text: 'Collider', marks: [{ type: 'link', attrs: { href: 'https://collider.com/', target: '_blank', rel: 'noopener noreferrer nofollow', class: null } }] },
            text(' puts it, '),
            { type: 'text', text: 'a conductor', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'hardBreak' },
            text('— write to '),
            { type: 'text', text: 'the editor', marks: [{ type: 'link', attrs: { href: 'mailto:editor@example.org' } }] }
          ]
        },
        { type: 'highlightQuote', attrs: { ...quotation.attrs, speaker: 'PAAK' } },
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('first feature')] }] },
        { type: 'horizontalRule' },
        { type: 'codeBlock', attrs: { language: null }, content: [text('K-Pops! (2024)')] }
      )
      const created = await client.call('notes:create', { title: 'On directing', doc: written })
      expect(created.doc).toEqual(written)

      const fromDisk = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
      await fromDisk.whenLoaded()
      const notes = [...fromDisk.notes()]
      expect(notes.map(withoutRev)).toEqual([withoutRev(created)])
      expect(notes[0]?.doc).toEqual(written)
      expect(withoutRev(await (await openTestClient(dir)).call('notes:get', { id: created.id }))).toEqual(withoutRev(created))
      expect(quotedHighlightIds(notes[0]!.doc)).toEqual([passage.id, passage.id])
    }))

  it('a note quoting a highlight that is then deleted still loads, and highlights:exist no longer lists it', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const kept = await highlight(client, 'Anderson .Paak has astounded audiences')
      const gone = await highlight(client, 'That ensemble is wild .')
      const written = doc(paragraph('Two passages:'), await quotationOf(client, kept.id), await quotationOf(client, gone.id))
      const note = await client.call('notes:create', { doc: written })
      const quoted = quotedHighlightIds(note.doc)
      expect(await client.call('highlights:exist', { ids: quoted })).toEqual([kept.id, gone.id])

      await client.call('highlights:delete', { id: gone.id })
      const reopened = await openTestClient(dir)
      expect(withoutRev(await reopened.call('notes:get', { id: note.id }))).toEqual(withoutRev(note))
      expect(await reopened.call('highlights:exist', { ids: quoted })).toEqual([kept.id])
      // Asked in any order, with repeats and ids never seen: the living ones, once each, in the order asked.
      expect(await reopened.call('highlights:exist', { ids: [gone.id, kept.id, 'hl-never', kept.id] })).toEqual([kept.id])
      expect(await reopened.call('highlights:exist', { ids: [] })).toEqual([])
    }))

  it('notes a highlight and writes a memo on an article, touching their update times, and removes both', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir, { now: tickingClock() })
      const passage = await highlight(client, 'Anderson .Paak has astounded audiences', ['theme-heritage'])
      const note = doc(paragraph('His first feature as director.'))
      const noted = await client.call('highlights:set-note', { id: passage.id, note })
      const { anchor: _anchor, ...stored } = passage
      expect(withoutRev(noted)).toEqual(withoutRev({ ...stored, note, updatedAt: noted.updatedAt }))
      expect(noted.updatedAt > passage.updatedAt).toBe(true)

      const article = (await client.call('articles:get', { id: COLLIDER })).article
      const memo = doc(paragraph('The longest interview of the five.'))
      const memoed = await client.call('articles:set-memo', { id: COLLIDER, memo })
      expect(withoutRev(memoed)).toEqual(withoutRev({ ...article, memo, updatedAt: memoed.updatedAt }))
      expect(memoed.updatedAt > article.updatedAt).toBe(true)

      // Saved again unchanged, as an autosave would: nothing is written, no update time moves.
      const before = await client.fingerprint()
      expect(withoutRev(await client.call('highlights:set-note', { id: passage.id, note: structuredClone(note) }))).toEqual(withoutRev(noted))
      expect(withoutRev(await client.call('articles:set-memo', { id: COLLIDER, memo: structuredClone(memo) }))).toEqual(withoutRev(memoed))
      expect(await client.fingerprint()).toBe(before)

      const reopened = await openTestClient(dir)
      const detail = await reopened.call('articles:get', { id: COLLIDER })
      expect(detail.article.memo).toEqual(memo)
      expect(detail.highlights[0]?.note).toEqual(note)

      expect((await client.call('highlights:set-note', { id: passage.id, note: null })).note).toBeNull()
      expect((await client.call('articles:set-memo', { id: COLLIDER, memo: null })).memo).toBeNull()
      expect(await client.refused('highlights:set-note', { id: 'hl-nope', note })).toEqual({ code: 'not-found', message: 'Highlight “hl-nope” is not in the library.' })
      expect(await client.refused('articles:set-memo', { id: 'nope', memo })).toEqual({ code: 'not-found', message: 'Article “nope” is not in the library.' })
    }))

  /** A blockquote inside a blockquote, `depth` times: more than any editor makes. */
  const nested = (depth: number): NoteNode => {
    let node: NoteNode = paragraph('deep')
    for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] }
    return node
  }

  it.each<[string, unknown, RegExp]>([
    ['a script node', doc({ type: 'script' as NoteNode['type'], content: [text('alert(1)')] }), /content\.0\.type: A note cannot hold “script”/],
    ['an image node', { type: 'doc', content: [{ type: 'image', attrs: { src: 'https://example.org/x.png' } }] }, /A note cannot hold “image”/],
    [
      'a javascript: link',
      doc({ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }),
      /marks\.0: A link in a note must be a web \(http, https\) or e-mail address/
    ],
    [
      'a data: link in capitals',
      doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'DATA:text/html,<script>alert(1)</script>' } }] }] }),
      /A link in a note must be a web/
    ],
    ['an unknown mark', doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'iframe' }] }] } as unknown as NoteNode), /cannot be marked “iframe”/],
    ['an event handler on a node', { type: 'doc', content: [{ type: 'paragraph', onclick: 'alert(1)' }] }, /Unrecognized key.*onclick/],
    ['an empty text node', doc({ type: 'paragraph', content: [text('')] }), /A text node in a note cannot be empty/],
    ['a quotation without its quote', doc({ type: 'highlightQuote', attrs: { highlightId: 'hl-1', articleId: COLLIDER } }), /A quotation must keep its highlight, article and quote/],
    ['a paragraph in place of a document', paragraph('loose'), /A note must be a document/],
    ['nesting no editor makes', doc(nested(5_000)), /nested at most 100 levels deep/]
  ])('refuses %s in every request that carries a document, leaving the library file as it was', (_name, hostile, message) =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      const note = await client.call('notes:create', { title: 'Kept' })
      const passage = await highlight(client, 'Anderson .Paak has astounded audiences')
      const before = await client.fingerprint()
      const requests: [Channel, unknown][] = [
        ['notes:create', { doc: hostile }],
        ['notes:update', { id: note.id, doc: hostile }],
        ['notes:restore', { note: { ...note, id: 'note-other', doc: hostile } }],
        ['highlights:set-note', { id: passage.id, note: hostile }],
        ['articles:set-memo', { id: COLLIDER, memo: hostile }]
      ]
      for (const [channel, request] of requests) {
        const error = await client.refused(channel, request)
        expect(error.code).toBe('invalid-request')
        expect(error.message).toMatch(new RegExp(`^The ${channel} request was refused: `))
        expect(error.message).toMatch(message)
      }
      expect(await client.fingerprint()).toBe(before)
    }))
})
