import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { countWords, foldForSearch, inQuotes, openingWords, queryWords, sentenceRanges, snapToGraphemes, speakerLabelLength, splitParagraphs } from './text'

const ARCHIVE = join(import.meta.dirname, '../../archive')
const texts = readdirSync(ARCHIVE)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => [f, readFileSync(join(ARCHIVE, f), 'utf8')] as const)

describe('splitParagraphs', () => {
  it.each(texts)('keeps exact offsets into %s', (_file, text) => {
    const paragraphs = splitParagraphs(text)
    expect(paragraphs.length).toBeGreaterThan(5)
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text)
    expect(paragraphs.map((p) => p.text)).toEqual(text.split('\n').filter((l) => l.trim() !== ''))
  })

  it('handles Windows line ends and blank lines', () => {
    expect(splitParagraphs('One.\r\n\r\nTwo.\r\n  \r\n')).toEqual([
      { start: 0, end: 4, text: 'One.' },
      { start: 8, end: 12, text: 'Two.' }
    ])
  })
})

describe('countWords', () => {
  it.each([
    ['', 0],
    ['K-Pops! is a film.', 5],
    ['“Come Home” (feat. André 3000)', 5],
    ['Anderson .Paak — director', 3]
  ])('counts %j as %i words', (text, n) => {
    expect(countWords(text)).toBe(n)
  })

  it('counts a paragraph of megabytes in pieces, splitting no word', () => {
    // 300,000 words on one line: whole, the segmenter takes minutes over it.
    expect(countWords('Words enough to fill a page, “André”. '.repeat(50_000))).toBe(350_000)
    // A run with no space in it is cut where it must be: at most one word more per piece.
    expect(countWords('x'.repeat(1_000))).toBe(4)
  })
})

describe('openingWords', () => {
  it.each([
    [' date 2024-09-09 Anderson Paak proves once again that he can do it all with', 12, 'date 2024-09-09 Anderson Paak proves once again that he can do it'],
    ['Slow and\n\nsmooth.\tFind your rhythm.', 12, 'Slow and smooth. Find your rhythm.'],
    ['one two three', 2, 'one two'],
    ['   ', 12, ''],
    ['', 12, '']
  ])('takes the opening of %j (%i words)', (text, count, opening) => {
    expect(openingWords(text, count)).toBe(opening)
  })

  it('takes twelve words unless told otherwise', () => {
    expect(openingWords('a b c d e f g h i j k l m n').split(' ')).toHaveLength(12)
  })
})

describe('foldForSearch', () => {
  it.each([
    ['André', 'andre'],
    ['MONÁE', 'monae'],
    ['isn’t', "isn't"],
    ['“Bubblin,”', '"bubblin,"'],
    ['Paak’s', "paak's"],
    ['ﬁlm', 'film'],
    ['Øresund STRAẞE', 'oresund strasse'],
    ['  Black   musical\tlineage ', 'black musical lineage'],
    ['한국', '한국']
  ])('folds %j to %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded)
  })

  it('splits a query into words, ignoring extra spaces', () => {
    expect(queryWords('  Janelle   MONÁE \n')).toEqual(['janelle', 'monae'])
    expect(queryWords('   ')).toEqual([])
  })

  it('is idempotent', () => {
    for (const text of ['Crème Brûlée', '“Don’t”', 'ÆSIR  ﬁre']) expect(foldForSearch(foldForSearch(text))).toBe(foldForSearch(text))
  })
})

describe('speakerLabelLength', () => {
  it.each([
    ['PAAK: I’ll just say Michel is very French.', 'PAAK:'],
    ['ANDERSON .PAAK: It started around quarantine.', 'ANDERSON .PAAK:'],
    ['CATHY SHIM: Myself, I worked on the Wild Card stage', 'CATHY SHIM:'],
    ['Keshia Hannam:', 'Keshia Hannam:'],
    ['Anderson .Paak:', 'Anderson .Paak:'],
    ['Once we got into shooting, I was obsessed: I loved it.', ''],
    ['As for what prompted the project, Paak said: "It started', '']
  ])('finds the label of %j', (paragraph, label) => {
    expect(paragraph.slice(0, speakerLabelLength(paragraph))).toBe(label)
  })
})

describe('sentenceRanges', () => {
  it('steps through sentences inside paragraphs, never across them', () => {
    const text = 'Slow and smooth. Find your rhythm.\nPAAK: Yes.  \nAnderson .Paak’s debut. It opened Feb. 27 in AMC theaters.'
    expect(sentenceRanges(text).map((r) => text.slice(r.start, r.end))).toEqual([
      'Slow and smooth.',
      'Find your rhythm.',
      'PAAK: Yes.',
      'Anderson .Paak’s debut.',
      'It opened Feb. 27 in AMC theaters.'
    ])
  })
})

describe('snapToGraphemes', () => {
  const text = 'Soul 👨‍👩‍👦 loves André (Andre\u0301) and 🎷.'
  it.each([
    ['inside a surrogate pair', text.indexOf('🎷') + 1, text.indexOf('🎷') + 1, '🎷'],
    ['inside an emoji family', text.indexOf('👨') + 3, text.indexOf('👨') + 4, '👨‍👩‍👦'],
    ['before a combining accent', text.indexOf('Andre\u0301'), text.indexOf('Andre\u0301') + 5, 'Andre\u0301'],
    ['already whole', text.indexOf('loves'), text.indexOf('loves') + 5, 'loves']
  ])('widens a range %s to whole characters', (_, start, end, expected) => {
    const snapped = snapToGraphemes(text, start, end === start ? end + 0 : end)
    const cut = text.slice(snapped.start, Math.max(snapped.end, snapped.start))
    expect(cut.includes(expected) || cut === expected).toBe(true)
    expect(cut).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$|^\p{M}/u)
    expect(text.slice(snapped.end, snapped.end + 1)).not.toMatch(/^[\uDC00-\uDFFF\u0300-\u036f\u200d]/)
  })
})

describe('inQuotes', () => {
  it.each([
    ['plain words', '“plain words”'],
    ['“He directed me as if it was music.”', '“He directed me as if it was music.”'],
    ['"straight"', '"straight"'],
    ['“only an opening mark', '““only an opening mark”']
  ])('%j → %j', (text, quoted) => {
    expect(inQuotes(text)).toBe(quoted)
  })
})
