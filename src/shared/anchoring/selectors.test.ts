// Checks that describeRange saves exactly the words, context and offsets a highlight needs later.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONTEXT_LENGTH, describeRange } from './selectors'

const article = readFileSync(new URL('../../../archive/000_ad238df8b954e232.txt', import.meta.url), 'utf8')

describe('describeRange', () => {
  it('saves the words, 32 characters of context each side and the offsets', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz0123456789 the highlighted words ABCDEFGHIJKLMNOPQRSTUVWXYZ!@#$%^&*()'
    const start = text.indexOf('the highlighted')
    const end = start + 'the highlighted words'.length
    expect(describeRange(text, start, end)).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'the highlighted words',
        prefix: 'fghijklmnopqrstuvwxyz0123456789 ',
        suffix: ' ABCDEFGHIJKLMNOPQRSTUVWXYZ!@#$%'
      },
      position: { type: 'TextPositionSelector', start: 37, end: 58 }
    })
    expect(CONTEXT_LENGTH).toBe(32)
  })

  it('saves a shorter prefix at the start of the text', () => {
    const selectors = describeRange(article, 0, 9)
    expect(selectors.quote.exact).toBe('‘K-Pops!’')
    expect(selectors.quote.prefix).toBe('')
    expect(selectors.quote.suffix).toBe(' – Anderson .Paak Is a “Master C')
    expect(selectors.position).toEqual({ type: 'TextPositionSelector', start: 0, end: 9 })
  })

  it('saves a shorter suffix at the end of the text', () => {
    const text = 'Short text ending here.'
    const selectors = describeRange(text, 11, text.length)
    expect(selectors.quote).toMatchObject({ exact: 'ending here.', prefix: 'Short text ', suffix: '' })
    expect(selectors.position).toMatchObject({ start: 11, end: 23 })
  })

  it('saves the whole text as the quote with no context', () => {
    expect(describeRange('K-Pops!', 0, 7).quote).toMatchObject({ exact: 'K-Pops!', prefix: '', suffix: '' })
  })

  it('counts curly quotes as single characters and keeps them verbatim', () => {
    const start = article.indexOf('“Master Conductor”')
    const { quote, position } = describeRange(article, start, start + 18)
    expect(quote.exact).toBe('“Master Conductor”')
    expect(quote.prefix).toBe('‘K-Pops!’ – Anderson .Paak Is a ')
    expect(quote.suffix).toBe(' as a Director\nSep 27, 2024\nThe ')
    expect(position).toMatchObject({ start: 32, end: 50 })
  })

  it('keeps an em dash in the context verbatim', () => {
    const start = article.indexOf('Dr. Dre')
    const { quote, position } = describeRange(article, start, start + 7)
    expect(quote.exact).toBe('Dr. Dre')
    expect(quote.prefix).toBe('reatest of the hip-hop greats — ')
    expect(quote.suffix).toBe(', Kendrick Lamar, Snoop Dogg, Pu')
    expect(position).toMatchObject({ start: 816, end: 823 })
  })

  it.each([
    ['a negative start', -1, 3],
    ['an end past the text', 0, 11],
    ['an empty range', 4, 4],
    ['a reversed range', 5, 2],
    ['a fractional offset', 1.5, 3]
  ])('throws RangeError for %s', (_name, start, end) => {
    expect(() => describeRange('0123456789', start, end)).toThrow(RangeError)
  })
})
