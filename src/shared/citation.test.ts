// The citation line every exporter and the note editor print under a quotation, in each style.
import { describe, expect, it } from 'vitest'
import { articleLabel, citationLine, quotationCitation, quotationWithCitation, type CitationSource, type CitationStyle } from './citation'

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

  it('cites a quotation in the default style where no style is chosen (the note editor)', () => {
    const quote = { articleTitle: 'K-Pops!', outlet: 'Collider', date: '2024-09-27', speaker: 'Anderson .Paak' }
    expect(quotationCitation(quote)).toBe('— Anderson .Paak, in Collider, K-Pops!, Sep 27, 2024')
    expect(quotationCitation({ ...quote, speaker: null })).toBe('— Collider, K-Pops!, Sep 27, 2024')
    expect(quotationCitation({ ...quote, outlet: '', date: 'not a date' })).toBe('— Anderson .Paak, in K-Pops!')
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

describe('quotationWithCitation', () => {
  const source = { title: '‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director', outlet: 'Collider', author: 'Perri Nemiroff', date: '2024-09-27', speaker: 'Soul Rasheed' }
  it('gives the quote and its citation as plain text, without doubling quotation marks', () => {
    expect(quotationWithCitation('He’s more inspired by his dad.', source, 'text', 'liner-notes://open/a/h')).toBe(
      '“He’s more inspired by his dad.” — Soul Rasheed, in Collider, ‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director, Sep 27, 2024'
    )
    expect(quotationWithCitation('“Music.”', { ...source, speaker: null }, 'text', 'x')).toMatch(/^“Music\.” — Collider, /)
  })
  it('gives a Markdown block quote with the citation and a link back', () => {
    expect(quotationWithCitation('One line.\n# Not a heading', source, 'markdown', 'liner-notes://open/a/h')).toBe(
      '> One line.\n> \\# Not a heading\n>\n> — Soul Rasheed, in Collider, ‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director, Sep 27, 2024 ([open](liner-notes://open/a/h))\n'
    )
  })
})
