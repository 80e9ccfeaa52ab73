import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LibraryData } from '../../shared/model'
import { openLibraryServices } from '../services'
import { BIG_THEME_ID, generateLibrary, generateLibraryData } from './generate-library'

const ARCHIVE_DIR = resolve(import.meta.dirname, '../../../archive')
const SMALL = { articles: 24, highlights: 400, notes: 30, seed: 7 }

describe('generateLibrary', () => {
  let dir = ''
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('writes a v4 folder that passes the model schema, with each text under its real hash', async () => {
    dir = await mkdtemp(join(tmpdir(), 'liner-notes-generate-'))
    await generateLibrary(dir, SMALL)
    const data = LibraryData.parse(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')))
    expect(data.articles).toHaveLength(SMALL.articles)
    expect(data.highlights).toHaveLength(SMALL.highlights)
    expect(data.notes).toHaveLength(SMALL.notes)
    for (const article of data.articles) {
      const bytes = await readFile(join(dir, 'texts', article.file))
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(article.sha256)
      expect(bytes.length).toBeGreaterThanOrEqual(5_000)
      expect(bytes.length).toBeLessThan(21_000)
    }
  })

  it('gives every highlight selectors that hold on its text, one to three themes, and the big theme to about a tenth', () => {
    const { data, texts } = generateLibraryData({ ...SMALL, highlights: 2_000 })
    const byId = new Map(data.articles.map((a) => [a.id, a]))
    for (const h of data.highlights) {
      const text = texts.get(byId.get(h.articleId)!.file)!
      expect(text.slice(h.position.start, h.position.end)).toBe(h.quote.exact)
      expect(text.slice(0, h.position.start).endsWith(h.quote.prefix)).toBe(true)
      expect(h.themeIds.length).toBeGreaterThanOrEqual(1)
      expect(h.themeIds.length).toBeLessThanOrEqual(3)
      expect(new Set(h.themeIds).size).toBe(h.themeIds.length)
    }
    const share = data.highlights.filter((h) => h.themeIds.includes(BIG_THEME_ID)).length / data.highlights.length
    expect(share).toBeGreaterThan(0.07)
    expect(share).toBeLessThan(0.13)
    expect(data.themes.length).toBeGreaterThanOrEqual(40)
    expect(data.themes.some((t) => t.parentId !== null)).toBe(true)
  })

  it('labels interview answers with the speaker at the start of the paragraph', () => {
    const { data, texts } = generateLibraryData(SMALL)
    const interview = data.articles.find((a) => a.meta.kind === 'interview')!
    expect(texts.get(interview.file)).toMatch(/\n\n[A-Z][A-Z ]+: [A-Z]/)
  })

  it('is deterministic for a seed and differs between seeds', () => {
    const json = (seed: number): string => JSON.stringify(generateLibraryData({ ...SMALL, seed }).data)
    expect(json(7)).toBe(json(7))
    expect(json(7)).not.toBe(json(8))
  })

  it('opens with the store: every article is listed and its highlights anchor', async () => {
    dir = await mkdtemp(join(tmpdir(), 'liner-notes-generate-'))
    const { data } = await generateLibrary(dir, SMALL)
    const { handlers, store } = await openLibraryServices(dir, { archiveDir: ARCHIVE_DIR })
    const list = await handlers['articles:list']({})
    expect(list).toHaveLength(SMALL.articles)
    expect(list.every((a) => a.textStatus === 'ok')).toBe(true)
    const articleId = data.highlights[0]!.articleId
    const detail = await handlers['articles:get']({ id: articleId })
    expect(detail.highlights.length).toBeGreaterThan(0)
    expect(detail.highlights.every((h) => h.anchor?.method === 'position')).toBe(true)
    await store.flush()
  })
})
