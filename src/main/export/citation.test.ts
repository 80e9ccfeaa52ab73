import { describe, expect, it } from 'vitest'
import { articleLabel, citationLine, formatDate, quotationCitation, type CitationSource, type CitationStyle } from './citation'

describe('formatDate', () => {
  it.each([
    ['2024-09-27', 'Sep 27, 2024'],
    ['2024-09-09', 'Sep 9, 2024'],
    ['2026-03-03', 'Mar 3, 2026'],
    ['2024-02-29', 'Feb 29, 2024'],
    ['2025-02-29', ''],
    ['2024-13-01', ''],
    ['', ''],
    ['Sep 27, 2024', '']
  ])('writes %j as %j', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown)
  })

  it('agrees with Intl en-US in UTC', () => {
    const intl = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })
    for (const iso of ['2024-01-05', '2024-05-31', '2024-09-27', '2024-12-31']) expect(formatDate(iso)).toBe(intl.format(new Date(`${iso}T00:00:00Z`)))
  })
})

describe('citationLine', () => {
  const collider: CitationSource = { title: '‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director', outlet: 'Collider', author: 'Perri Nemiroff', date: '2024-09-27' }
  it.each<[CitationStyle, CitationSource, string]>([
    ['outlet-title-date', collider, '— Collider, ‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director, Sep 27, 2024'],
    ['outlet-date', { ...collider, speaker: 'Anderson .Paak' }, '— Anderson .Paak, in Collider, Sep 27, 2024'],
    ['outlet-title-date', { ...collider, speaker: 'Anderson .Paak' }, '— Anderson .Paak, in Collider, ‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director, Sep 27, 2024'],
    ['author-title-outlet-date', collider, '— Perri Nemiroff, ‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director, Collider, Sep 27, 2024'],
    ['title-outlet-date', { ...collider, outlet: '', date: '' }, '— ‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director'],
    ['outlet-date', { title: '[Anderson .Paak, widely recognized…]', outlet: '', author: '', date: '', speaker: 'Keshia Hannam' }, '— Keshia Hannam, in [Anderson .Paak, widely recognized…]'],
    ['outlet-date', { title: '', outlet: '', author: '', date: '', speaker: 'Keshia Hannam' }, '— Keshia Hannam'],
    ['outlet-date', { title: '', outlet: '', author: '', date: '' }, '— source unknown']
  ])('%s: %j', (style, source, line) => {
    expect(citationLine(source, style)).toBe(line)
  })

  it('cites a quotation in a note from what the quotation keeps', () => {
    expect(quotationCitation({ articleTitle: '', outlet: 'Mochi', date: '2024-09-20', speaker: null }, 'outlet-title-date')).toBe('— Mochi, Sep 20, 2024')
  })
})

describe('articleLabel', () => {
  it.each([
    ['A title', 'text', 'A title'],
    ['', ' date 2024-09-09 Anderson Paak proves once again that he can do it all with', '[date 2024-09-09 Anderson Paak proves once again that he can do it…]'],
    ['', '   ', '[Untitled article]'],
    ['', null, '[Untitled article]']
  ])('labels %j / %j as %j', (title, text, label) => {
    expect(articleLabel(title, text)).toBe(label)
  })
})
