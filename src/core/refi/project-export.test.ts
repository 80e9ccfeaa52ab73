// The REFI-QDA exports: valid against the official schema, stable GUIDs, offsets in code points of the
// exported text, XML escaping of hostile names.
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { describeRange } from '../../shared/anchoring'
import type { Highlight, Theme } from '../../shared/model'
import { archiveLibrary, IDS } from '../export/test-library'
import { codebookXml } from './codebook'
import { stableGuid } from './guid'
import { projectExport } from './project-export'
import { schemaErrors } from './test-schema'
import { parseXml, type XmlElement } from './xml'

const NOW = '2026-01-02T03:04:05.000Z'

const descendants = (node: XmlElement, name: string): XmlElement[] => node.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)])

describe('REFI-QDA export', () => {
  it('writes a project.qde the official schema accepts, with a text file under sources/ for every article', async () => {
    const source = archiveLibrary()
    const project = projectExport(source, { now: NOW, name: 'Liner Notes library' })
    expect(await schemaErrors(project.qde, 'project')).toEqual([])
    const files = unzipSync(project.zip)
    expect(new TextDecoder().decode(files['project.qde'])).toBe(project.qde)
    const root = parseXml(project.qde)
    const sources = descendants(root, 'TextSource')
    expect(sources).toHaveLength(5)
    for (const s of sources) {
      const path = s.attrs.plainTextPath ?? ''
      expect(path).toMatch(/^internal:\/\/[0-9A-F-]{36}\.txt$/)
      expect(files[`sources/${path.slice('internal://'.length)}`]).toBeDefined()
    }
    // Every anchored highlight is a selection; the one whose words were corrected away is not.
    expect(project.highlights).toBe(source.data.highlights.length - 1)
    expect(project.unanchored).toBe(1)
    expect(descendants(root, 'PlainTextSelection')).toHaveLength(project.highlights)
    // Two highlight notes, one memo, two free notes; the free ones hang on the project.
    expect(project.notes).toBe(5)
    expect(root.children.filter((c) => c.name === 'NoteRef')).toHaveLength(2)
  })

  it('gives the same GUIDs and the same bytes on every export of the same library', () => {
    const first = projectExport(archiveLibrary(), { now: NOW, name: 'Liner Notes library' })
    const second = projectExport(archiveLibrary(), { now: NOW, name: 'Liner Notes library' })
    expect(second.qde).toBe(first.qde)
    expect(Buffer.from(second.zip).equals(Buffer.from(first.zip))).toBe(true)
    expect(first.qde).toContain(`guid="${stableGuid('theme', 'theme-heritage')}"`)
    expect(first.qde).toContain(`guid="${stableGuid('highlight', 'hl-blend')}"`)
    expect(stableGuid('theme', 'theme-heritage')).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/)
    expect(stableGuid('theme', 'theme-heritage')).not.toBe(stableGuid('article', 'theme-heritage'))
  })

  it('writes a .qdc codebook the schema accepts: hierarchy, colours, descriptions, stable GUIDs', async () => {
    const { themes } = archiveLibrary().data
    const xml = codebookXml(themes) ?? ''
    expect(await schemaErrors(xml, 'codebook')).toEqual([])
    expect(codebookXml(themes)).toBe(xml)
    const root = parseXml(xml)
    expect(root.name).toBe('CodeBook')
    const heritage = descendants(root, 'Code').find((c) => c.attrs.name === 'heritage')
    expect(heritage?.attrs.color).toBe('#C2851A')
    expect(heritage?.attrs.guid).toBe(stableGuid('theme', 'theme-heritage'))
    const roots = heritage?.children.filter((c) => c.name === 'Code').map((c) => c.attrs.name)
    expect(roots).toEqual(['Korean roots'])
    expect(descendants(heritage!, 'Code').map((c) => c.attrs.name)).toEqual(['Korean roots', 'family gatherings'])
    expect(codebookXml([])).toBeNull()
    // The schema is really checked: a Code without isCodable is refused.
    expect(await schemaErrors(xml.replace(' isCodable="true"', ''), 'codebook')).not.toEqual([])
  })

  it('escapes names and texts that XML would misread, and leaves out characters XML cannot hold', async () => {
    const source = archiveLibrary()
    const hostile = 'R&D <b>"quoted"</b> \'it\' ]]> \u0007bell\ttab'
    const themes: Theme[] = source.data.themes.map((t) => (t.id === 'theme-heritage' ? { ...t, name: hostile, description: `${hostile}\nline two` } : t))
    const articles = source.data.articles.map((a) => (a.id === IDS.news ? { ...a, meta: { ...a.meta, title: hostile, outlet: '&amp; already escaped' } } : a))
    const project = projectExport({ ...source, data: { ...source.data, themes, articles } }, { now: NOW, name: 'A & B <project>' })
    expect(await schemaErrors(project.qde, 'project')).toEqual([])
    const root = parseXml(project.qde)
    expect(root.attrs.name).toBe('A & B <project>')
    expect(descendants(root, 'Code').find((c) => c.attrs.name?.startsWith('R&D'))?.attrs.name).toBe(hostile.replace('\u0007', ''))
    expect(descendants(root, 'TextValue').map((v) => v.text)).toContain('&amp; already escaped')
    const qdc = codebookXml(themes) ?? ''
    expect(await schemaErrors(qdc, 'codebook')).toEqual([])
  })

  it('counts positions in code points: after emoji and combining accents they select the same words in the exported text', async () => {
    const source = archiveLibrary()
    // Astral emoji (two UTF-16 units each), a flag (two astral points), and combining accents (one unit each, their own points).
    const text = 'Cafe\u0301 🎬🎞️ Soul 🇰🇷 said: Ame\u0301lie and the drummer 🥁 kept time.\nSecond line 👨‍👩‍👦 family.'
    const article = { ...source.data.articles[0]!, id: 'a_emoji', file: 'a_emoji.txt', correctedText: null, memo: null }
    const phrases = ['the drummer 🥁 kept time', 'Ame\u0301lie', 'family']
    const highlights: Highlight[] = phrases.map((phrase, i) => {
      const start = text.indexOf(phrase)
      return { id: `hl-e${i}`, articleId: 'a_emoji', ...describeRange(text, start, start + phrase.length), color: null, themeIds: ['theme-heritage'], note: null, createdAt: NOW, updatedAt: NOW }
    })
    const project = projectExport(
      { data: { ...source.data, articles: [article], highlights, notes: [] }, texts: new Map([['a_emoji.txt', text]]) },
      { now: NOW, name: 'Emoji' }
    )
    expect(await schemaErrors(project.qde, 'project')).toEqual([])
    const files = unzipSync(project.zip)
    const exported = new TextDecoder().decode(files[`sources/${stableGuid('article', 'a_emoji')}.txt`])
    expect(exported).toBe(text)
    // A code-point-indexed reading of the file, as other tools (Python's str, Java's codePoints) read it.
    const points = Array.from(exported)
    const selections = descendants(parseXml(project.qde), 'PlainTextSelection')
    const selected = selections.map((s) => points.slice(Number(s.attrs.startPosition), Number(s.attrs.endPosition)).join(''))
    expect(selected.sort()).toEqual([...phrases].sort())
    // And they are not UTF-16 offsets: the drummer's start differs by the astral characters before it.
    const drummer = selections.find((s) => s.attrs.name?.startsWith('the drummer'))
    expect(Number(drummer?.attrs.startPosition)).toBe(text.indexOf('the drummer') - 4)
  })
})
