import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { Progress } from '../../shared/ipc/contract'
import { withTempDir } from '../library/test-support'
import type { FileDialogs } from './exports'
import { openTestClient } from './test-client'

const ARTICLE = '000_ad238df8b954e232'

/** Dialogs that put every file in `dir` under its suggested name, and a folder export in `dir/vault`. */
function dialogsInto(dir: string): FileDialogs {
  return {
    chooseSavePath: async ({ suggestedName }) => join(dir, suggestedName),
    chooseOpenPath: async () => null,
    chooseFolder: async () => join(dir, 'vault')
  }
}

async function withHighlights(dir: string, out: string, progress: Progress[] = []) {
  const client = await openTestClient(dir, { effects: { dialogs: dialogsInto(out), progress: (p) => void progress.push(p) } })
  const { text } = await client.call('articles:get', { id: ARTICLE })
  for (const phrase of ['Slow and smooth. Find your rhythm.', 'Master Conductor']) {
    const start = text!.indexOf(phrase)
    await client.call('highlights:create', { articleId: ARTICLE, start, end: start + phrase.length, themeIds: ['theme-filmmaking'] })
  }
  return client
}

describe('export:run', () => {
  it('writes a CSV with a byte-order mark that reads back as the highlights', () =>
    withTempDir(async (dir) =>
      withTempDir(async (out) => {
        const client = await withHighlights(dir, out)
        const summary = await client.call('export:run', { scope: { kind: 'article', articleId: ARTICLE }, format: 'csv', byteOrderMark: true })
        expect(summary).toMatchObject({ files: 1, highlights: 2, notes: 0 })
        const written = await readFile(summary.path!, 'utf8')
        expect(written.charCodeAt(0)).toBe(0xfeff)
        const rows = Papa.parse<Record<string, string>>(written.slice(1), { header: true, skipEmptyLines: true }).data
        expect(rows.map((r) => r.quote)).toEqual(['Master Conductor', 'Slow and smooth. Find your rhythm.'])
        expect(rows.every((r) => r.themes === 'filmmaking')).toBe(true)
      })
    ))

  it('credits the name the user gives as each Web Annotation’s creator', () =>
    withTempDir(async (dir) =>
      withTempDir(async (out) => {
        const client = await withHighlights(dir, out)
        const summary = await client.call('export:run', { scope: { kind: 'article', articleId: ARTICLE }, format: 'json', creator: ' Ada Critic ' })
        const items = (JSON.parse(await readFile(summary.path!, 'utf8')) as { first: { items: { creator?: unknown }[] } }).first.items
        expect(items).toHaveLength(2)
        for (const item of items) expect(item.creator).toEqual({ type: 'Person', name: 'Ada Critic' })
        expect(await client.refused('export:run', { scope: { kind: 'library' }, format: 'json', creator: '' })).toMatchObject({ code: 'invalid-request' })
      })
    ))

  it('reports progress file by file when exporting the library as a folder', () =>
    withTempDir(async (dir) =>
      withTempDir(async (out) => {
        const progress: Progress[] = []
        const client = await withHighlights(dir, out, progress)
        const summary = await client.call('export:run', { scope: { kind: 'library' }, format: 'markdown', layout: 'folder' })
        const writing = progress.filter((p) => p.task === 'Writing files')
        expect(writing.map((p) => p.done)).toEqual(Array.from({ length: summary.files + 1 }, (_, i) => i))
        expect(writing.every((p) => p.total === summary.files)).toBe(true)
        expect((await readdir(join(out, 'vault'), { recursive: true })).filter((f) => f.endsWith('.md'))).toHaveLength(summary.files)
      })
    ))

  it('writes nothing when the user cancels the save dialog', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir, {
        effects: { dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => null, chooseFolder: async () => null } }
      })
      expect(await client.call('export:run', { scope: { kind: 'library' }, format: 'json' })).toEqual({ path: null, files: 0, highlights: 0, notes: 0, bytes: 0 })
    }))

  it('refuses an unknown theme with a readable message', () =>
    withTempDir(async (dir) =>
      withTempDir(async (out) => {
        const client = await openTestClient(dir, { effects: { dialogs: dialogsInto(out) } })
        const error = await client.refused('export:run', { scope: { kind: 'theme', themeId: 'theme-nope' }, format: 'markdown' })
        expect(error).toEqual({ code: 'not-found', message: 'Theme “theme-nope” is not in the library.' })
        expect(await readdir(out)).toEqual([])
      })
    ))

  it('exports one note on its own as Markdown, and only as Markdown', () =>
    withTempDir(async (dir) =>
      withTempDir(async (out) => {
        const client = await openTestClient(dir, { effects: { dialogs: dialogsInto(out) } })
        const doc = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Draft: the drummer directs.' }] }] }
        const note = await client.call('notes:create', { title: 'Essay draft', doc })
        const summary = await client.call('export:run', { scope: { kind: 'note', noteId: note.id }, format: 'markdown' })
        expect(summary).toMatchObject({ files: 1, highlights: 0, notes: 1 })
        expect(summary.path).toBe(join(out, 'note-essay-draft.md'))
        const markdown = await readFile(summary.path!, 'utf8')
        expect(markdown).toContain('Draft: the drummer directs.')
        expect(markdown).toContain('Essay draft')
        const csv = await client.refused('export:run', { scope: { kind: 'note', noteId: note.id }, format: 'csv' })
        expect(csv).toEqual({ code: 'invalid-request', message: 'A note is exported as Markdown only; choose Markdown.' })
        expect(await client.refused('export:run', { scope: { kind: 'note', noteId: 'note-nope' }, format: 'markdown' })).toEqual({
          code: 'not-found',
          message: 'Note “note-nope” is not in the library.'
        })
        await client.services.close()
      })
    ))
})
