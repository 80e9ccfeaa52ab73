import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { anchor } from '../../shared/anchoring'
import { noteText } from '../../shared/note-doc'
import { buildCodebook } from './codebook'
import { CSV_COLUMNS, highlightsCsv, THEME_SEPARATOR } from './csv'
import { linerNotesUrl } from './links'
import { archiveLibrary, IDS, SPECIAL_PARAGRAPH, shownText } from './test-library'

const source = archiveLibrary()
const codebook = buildCodebook(source.data.themes)

function parse(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, newline: '\r\n', skipEmptyLines: false })
  expect(parsed.errors).toEqual([])
  expect(parsed.meta.fields).toEqual([...CSV_COLUMNS])
  return parsed.data
}

describe('highlightsCsv', () => {
  const csv = highlightsCsv(source)
  const rows = parse(csv)

  it('has one row per highlight, read back exactly', () => {
    expect(rows.map((r) => r.id).sort()).toEqual(source.data.highlights.map((h) => h.id).sort())
    for (const h of source.data.highlights) {
      const row = rows.find((r) => r.id === h.id)
      const text = shownText(source, h.articleId)
      const found = anchor(text, h)
      expect(row?.quote).toBe(found ? text.slice(found.start, found.end) : h.quote.exact)
      expect((row?.themes ?? '').split(THEME_SEPARATOR).filter((t) => t !== '').sort()).toEqual(h.themeIds.map((id) => codebook.path(id).map((t) => t.name).join(' › ')).sort())
      expect(row?.note).toBe(h.note ? noteText(h.note).trim() : '')
      expect(row?.color).toBe(h.color ?? '')
      expect([row?.created, row?.updated]).toEqual([h.createdAt, h.updatedAt])
      expect(row?.link).toBe(linerNotesUrl(h.articleId, h.id))
      expect(row?.['article id']).toBe(h.articleId)
      expect(row?.anchored).toBe(found ? 'yes' : 'no')
    }
  })

  it('keeps quotes with commas, double quotes, line breaks and Markdown characters whole', () => {
    expect(rows.find((r) => r.id === 'hl-special')?.quote).toBe(SPECIAL_PARAGRAPH)
    expect(rows.find((r) => r.id === 'hl-turns')?.quote).toContain('\n\nKeshia Hannam:\u00a0\n\n')
    expect(rows.find((r) => r.id === 'hl-across')?.themes).toBe('heritage › Korean roots › family gatherings')
  })

  it('names the speaker, the article and its source', () => {
    const row = rows.find((r) => r.id === 'hl-quarantine')
    expect(row).toMatchObject({ speaker: 'Anderson .Paak', outlet: 'Collider', author: 'Perri Nemiroff', date: '2024-09-27', article: '‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director' })
    expect(rows.find((r) => r.id === 'hl-news')?.speaker).toBe('')
    // A passage from the end of one answer into the next question names both, in order.
    expect(rows.find((r) => r.id === 'hl-turns')?.speaker).toBe('Anderson .Paak; Keshia Hannam')
  })

  it('names the speaker the user set by hand, or nobody when they cleared it', () => {
    const byHand = (id: string, name: string | null) => (h: (typeof source.data.highlights)[number]) => (h.id === id ? { ...h, speaker: { name } } : h)
    const set = source.data.highlights.map(byHand('hl-turns', 'Soul Rasheed')).map(byHand('hl-quarantine', null))
    const read = parse(highlightsCsv({ ...source, data: { ...source.data, highlights: set } }))
    expect(read.find((r) => r.id === 'hl-turns')?.speaker).toBe('Soul Rasheed')
    expect(read.find((r) => r.id === 'hl-quarantine')?.speaker).toBe('')
  })

  it('lists articles in library order and highlights in reading order', () => {
    expect(rows.filter((r) => r['article id'] === IDS.collider).map((r) => r.id)).toEqual(['hl-laughs', 'hl-quarantine', 'hl-question', 'hl-woo', 'hl-gone'])
    expect(rows[0]?.['article id']).toBe(IDS.news)
  })

  it('ends records in CRLF (RFC 4180) and keeps line breaks inside quoted fields as they are', () => {
    const records = csv.split('\r\n')
    expect(records[0]).toBe(CSV_COLUMNS.join(','))
    expect(csv).toContain('"I grew up with 3 sisters')
    expect(csv.replace(/"(?:[^"]|"")*"/g, '')).not.toMatch(/[^\r]\n/)
  })

  it('starts with a byte-order mark only when asked', () => {
    expect(csv.charCodeAt(0)).toBe('i'.charCodeAt(0))
    const withBom = highlightsCsv(source, { byteOrderMark: true })
    expect(withBom.charCodeAt(0)).toBe(0xfeff)
    expect(new TextEncoder().encode(withBom).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
    expect(parse(withBom.slice(1))).toEqual(rows)
  })

  it.each(['=HYPERLINK("x")', '+1+1', '-2+3', '@SUM(A1)'])('defuses a cell starting %j by default, and keeps it raw when asked', (text) => {
    const note = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] }
    const risky = { ...source, data: { ...source.data, highlights: source.data.highlights.map((h) => (h.id === 'hl-news' ? { ...h, note } : h)) } }
    const cell = (csv: string) => parse(csv).find((r) => r.id === 'hl-news')?.note
    expect(cell(highlightsCsv(risky))).toBe(`'${text}`)
    expect(cell(highlightsCsv(risky, { escapeFormulae: false }))).toBe(text)
    // Cells that merely contain such a character are left alone.
    expect(parse(highlightsCsv(source)).map((r) => r.quote)).toEqual(parse(highlightsCsv(source, { escapeFormulae: false })).map((r) => r.quote))
  })

  it('prints a top-level theme named “heritage/roots” apart from the sub-theme heritage › roots', () => {
    const base = source.data.themes.find((t) => t.id === 'theme-heritage')!
    const topLevel = { ...base, id: 'theme-slash', name: 'heritage/roots', parentId: null }
    const nested = { ...base, id: 'theme-roots', name: 'roots', parentId: 'theme-heritage' }
    const highlights = source.data.highlights.map((h) => (h.id === 'hl-blend' ? { ...h, themeIds: ['theme-slash', 'theme-roots'] } : h))
    const csv = highlightsCsv({ ...source, data: { ...source.data, themes: [...source.data.themes, topLevel, nested], highlights } })
    const cell = parse(csv).find((r) => r.id === 'hl-blend')?.themes ?? ''
    expect(cell.split(THEME_SEPARATOR).sort()).toEqual(['heritage/roots', 'heritage › roots'].sort())
  })

  it('says which quotes were taken from a corrected text', () => {
    const corrected = new Set(source.data.articles.filter((a) => a.correctedText !== null).map((a) => a.id))
    expect(corrected.size).toBeGreaterThan(0)
    const rows = parse(highlightsCsv(source))
    expect(rows.some((r) => r['corrected text'] === 'yes')).toBe(true)
    for (const row of rows) expect(row['corrected text']).toBe(corrected.has(row['article id']!) && row.anchored === 'yes' ? 'yes' : 'no')
  })
})
