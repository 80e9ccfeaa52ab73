// Example-based checks of anchoring on the real archived articles: round trips, repeated phrases, edited
// highlights and highlights whose words were deleted.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { anchor, anchorAll, MIN_FUZZY_QUOTE_LENGTH, MIN_QUOTE_SIMILARITY } from './anchor'
import { describeRange, type Selectors } from './selectors'

const archive = new URL('../../../archive/', import.meta.url)
const articles = readdirSync(archive)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, archive), 'utf8') }))
const kpops = readFileSync(new URL('000_ad238df8b954e232.txt', archive), 'utf8')

/** mulberry32: a tiny seeded generator, so the "random" ranges are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Every sentence of every paragraph, as [start, end) ranges with surrounding whitespace trimmed off. */
function sentenceRanges(text: string): [number, number][] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
  const ranges: [number, number][] = []
  for (const line of text.matchAll(/[^\n]+/g)) {
    for (const sentence of segmenter.segment(line[0])) {
      const leading = sentence.segment.length - sentence.segment.trimStart().length
      const trimmed = sentence.segment.trim()
      if (trimmed === '') continue
      const start = line.index + sentence.index + leading
      ranges.push([start, start + trimmed.length])
    }
  }
  return ranges
}

function randomRanges(text: string, count: number, seed: number): [number, number][] {
  const random = seededRandom(seed)
  return Array.from({ length: count }, () => {
    const start = Math.floor(random() * text.length)
    const length = 1 + Math.floor(random() * 300)
    return [start, Math.min(text.length, start + length)]
  })
}

function occurrences(text: string, phrase: string): number[] {
  const found: number[] = []
  for (let i = text.indexOf(phrase); i !== -1; i = text.indexOf(phrase, i + 1)) found.push(i)
  return found
}

function deleteRange(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(end)
}

describe('anchor on unchanged text', () => {
  it('finds all five archived articles', () => {
    expect(articles.map((a) => a.name)).toHaveLength(5)
  })

  it.each(articles)('round-trips every sentence and 200 random ranges of $name by position', ({ text }) => {
    const ranges = [...sentenceRanges(text), ...randomRanges(text, 200, text.length)]
    expect(ranges.length).toBeGreaterThan(220)
    for (const [start, end] of ranges) {
      expect(anchor(text, describeRange(text, start, end))).toEqual({ start, end, score: 1, method: 'position' })
    }
  })

  it('anchorAll keeps the order of its input', () => {
    const list = [describeRange(kpops, 203, 210), describeRange(kpops, 0, 9)]
    expect(anchorAll(kpops, list).map((r) => r?.start)).toEqual([203, 0])
  })
})

describe('anchor with a repeated phrase', () => {
  const positions = occurrences(kpops, 'K-Pops!')
  const highlights = positions.map((p) => describeRange(kpops, p, p + 'K-Pops!'.length))

  it('finds the nine occurrences the test relies on', () => {
    expect(positions).toHaveLength(9)
  })

  it('re-anchors each occurrence to itself after text is inserted at the very beginning', () => {
    const inserted = 'Editor’s note: this interview was lightly edited for length.\n'
    const shifted = inserted + kpops
    for (const [i, selectors] of highlights.entries()) {
      const start = (positions[i] ?? -1) + inserted.length
      expect(anchor(shifted, selectors)).toMatchObject({ start, end: start + 7, method: 'quote' })
    }
  })

  it('still picks each occurrence by its context when the stale positions point near other occurrences', () => {
    // 1,000 inserted characters move every stale offset at least that far from its own occurrence, and
    // closer to another one for most of them, so only prefix and suffix can decide.
    const inserted = kpops.slice(3000, 4000)
    expect(inserted).not.toContain('K-Pops!')
    const shifted = inserted + kpops
    for (const [i, selectors] of highlights.entries()) {
      const start = (positions[i] ?? -1) + inserted.length
      expect(anchor(shifted, selectors)).toMatchObject({ start, method: 'quote' })
    }
  })

  it('lets context outweigh a misleading position between two copies of a whole caption', () => {
    // Both copies of this photo caption pass the floors; only the weighted context tells them apart.
    const text = readFileSync(new URL('002_28dc0072aca979dd.txt', archive), 'utf8')
    const caption = 'Soul Rasheed K-POPS Film Still'
    const [first, second] = occurrences(text, caption)
    expect(second).toBeDefined()
    const inserted = text.slice(0, 2500) // moves the second caption's stale offset nearer the first copy
    for (const start of [first ?? -1, second ?? -1]) {
      const selectors = describeRange(text, start, start + caption.length)
      const expected = { start: start + inserted.length, method: 'quote' }
    expect(anchor(inserted + text, selectors)).toMatchObject(expected)
    }
  })

  it('falls back to the nearest occurrence when there is no context to compare', () => {
    // The control for the two tests above: without prefix and suffix the stale position, which
    // misleads here, is all that is left.
    const bare = highlights.map((s) => ({ ...s, quote: { ...s.quote, prefix: '', suffix: '' } }))
    const shifted = kpops.slice(3000, 3020) + kpops
    const starts = anchorAll(shifted, bare).map((r) => r?.start)
    // Occurrence 2's stale offset is now 2 characters from occurrence 1 and 20 from its own copy.
    expect(starts[2]).toBe((positions[1] ?? -1) + 20)
  })

  it('does not trust a stale position that now holds another copy of a short quote', () => {
    const [first, second] = [positions[1] ?? -1, positions[2] ?? -1]
    const selectors = describeRange(kpops, second, second + 7)
    // Inserting exactly the distance between two copies slides the first copy under the stale offsets.
    const shifted = kpops.slice(5000, 5000 + second - first) + kpops
    expect(shifted.slice(second, second + 7)).toBe('K-Pops!')
    expect(anchor(shifted, selectors)).toMatchObject({ start: second + (second - first), method: 'quote' })
  })

  it(`matches an edited quote under ${MIN_FUZZY_QUOTE_LENGTH} characters only between its intact context`, () => {
    const at = positions[4] ?? -1 // "K-Pops! follows a washed-up musician"
    const selectors = describeRange(kpops, at, at + 7)
    const edited = kpops.slice(0, at) + 'K-Pop!' + kpops.slice(at + 7)
    // Both sides of the saved context are still there, back to back around the edit: that is the place.
    expect(anchor(edited, selectors)).toMatchObject({ start: at, end: at + 6, method: 'fuzzy' })
    // Once one side has changed too, a changed short quote is not searched for at all.
    const alsoSuffix = edited.slice(0, at + 6) + ' follows a washed-out' + edited.slice(at + 6 + ' follows a washed-up'.length)
    expect(alsoSuffix.slice(at, at + 30)).toBe('K-Pop! follows a washed-out mu')
    expect(anchor(alsoSuffix, selectors)).toBeNull()
  })

  it('re-anchors a short quote whose context on one side was rewritten entirely', () => {
    const at = positions[4] ?? -1
    const selectors = describeRange(kpops, at, at + 7)
    const rewritten = kpops.slice(0, at - 40) + 'A different lead-in, written later on.\n' + kpops.slice(at)
    const start = at - 40 + 'A different lead-in, written later on.\n'.length
    expect(anchor(rewritten, selectors)).toMatchObject({ start, end: start + 7, method: 'quote' })
  })

  it('prefers the original, its context edited, to an identical copy of its paragraph pasted elsewhere', () => {
    const at = positions[4] ?? -1
    const selectors = describeRange(kpops, at, at + 7)
    const lineStart = kpops.lastIndexOf('\n', at) + 1
    const lineEnd = kpops.indexOf('\n', at) + 1
    const paragraph = kpops.slice(lineStart, lineEnd)
    const edited = kpops.slice(0, at + 7) + ' then' + kpops.slice(at + 7)
    // Pasted after the original, and pasted well before it (which moves the original by its length).
    const after = edited + '\n' + paragraph
    expect(anchor(after, selectors)).toMatchObject({ start: at, end: at + 7 })
    const before = paragraph + edited
    expect(anchor(before, selectors)).toMatchObject({ start: at + paragraph.length, end: at + paragraph.length + 7 })
  })

  it('leaves a short repeated quote unanchored when its own line is deleted', () => {
    const at = positions[1] ?? -1 // the line "K-Pops!" between "his film" and "at TIFF 2024."
    const selectors = describeRange(kpops, at, at + 7)
    expect(kpops.slice(at - 1, at + 8)).toBe('\nK-Pops!\n')
    expect(anchor(deleteRange(kpops, at, at + 8), selectors)).toBeNull()
  })
})

describe('anchor with edited highlights', () => {
  const sentence =
    'Anderson .Paak has astounded audiences for the better part of fifteen years with his musical talent.'
  const start = kpops.indexOf(sentence)
  const selectors = describeRange(kpops, start, start + sentence.length)

  it('anchors a highlight whose words had a typo fixed, fuzzily and in place', () => {
    const edited = kpops.replace('astounded audiences', 'astonished audiences')
    const result = anchor(edited, selectors)
    expect(result).toMatchObject({ start, end: start + sentence.length + 1, method: 'fuzzy' })
    expect(result?.score).toBeGreaterThan(0.9)
    expect(result?.score).toBeLessThan(1)
  })

  it('finds where the edit was, not just the longest match approx-string-match reports', () => {
    const text = readFileSync(new URL('001_0a74aad613f8da6e.txt', archive), 'utf8')
    const start = text.indexOf('obsessed') + 4
    const selectors = describeRange(text, start, start + 'ssed with K-pop. His'.length)
    const edited = text.replace('obsessed', 'obsesed') // "sesed with…" costs one error too
    expect(anchor(edited, selectors)).toMatchObject({ start, end: selectors.position.end - 1, method: 'fuzzy' })
  })

  it('takes an edit at the very end of the text into the highlight rather than cutting it off', () => {
    const text = readFileSync(new URL('004_2d86f5da9e5657dc.txt', archive), 'utf8').trimEnd()
    const end = text.length
    const selectors = describeRange(text, end - 'quite sensational.”'.length, end)
    expect(selectors.quote.suffix).toBe('')
    const edited = text.slice(0, end - 1) + '!' + text.slice(end - 1)
    expect(anchor(edited, selectors)).toMatchObject({ start: selectors.position.start, end: end + 1 })
  })

  it('anchors by quote, not position, when only the context changed', () => {
    const edited = kpops.replace('overcoming them together.', 'overcoming it together.')
    const result = anchor(edited, selectors)
    expect(result).toMatchObject({ start: start - 2, end: start - 2 + sentence.length, method: 'quote' })
    // "them" -> "it" is 4 edits to the prefix's 32 characters, weighted 20 of 92.
    expect(result?.score).toBeCloseTo(1 - (20 * 4) / 32 / 92, 3)
  })

  it('anchors a long quote by its words alone once all its context was rewritten', () => {
    const before = kpops.lastIndexOf('\n', start - 2)
    const after = kpops.indexOf('\n', start)
    const rewritten =
      kpops.slice(0, before) + '\nA new paragraph, written later, that shares nothing.\n' + sentence +
      ' Then another new sentence follows it here.' + kpops.slice(after)
    const end = rewritten.indexOf(sentence) + sentence.length
    expect(anchor(rewritten, selectors)).toMatchObject({ end, method: 'quote' })
  })

  it('finds the quote even when the stored position is outside the text', () => {
    const stale: Selectors = { ...selectors, position: { type: 'TextPositionSelector', start: 90000, end: 90100 } }
    expect(anchor(kpops, stale)).toMatchObject({ start, method: 'quote' })
  })

  it(`rejects a rewording that keeps less than ${MIN_QUOTE_SIMILARITY} of the quote, context or not`, () => {
    // 31 edits in 100 characters: Hypothesis (up to 50) would anchor here; the floor allows 25.
    const reworded = 'Anderson .Paak has delighted crowds for the better part of two decades with his musical gifts.'
    expect(anchor(kpops.replace(sentence, reworded), selectors)).toBeNull()
  })

  it('still anchors a rewording just inside the floor', () => {
    // 24 edits in 100 characters.
    const reworded = 'Anderson .Paak has astounded crowds for the better part of two decades with his musical gifts.'
    const result = anchor(kpops.replace(sentence, reworded), selectors)
    expect(result).toMatchObject({ start, end: start + reworded.length, method: 'fuzzy' })
  })

  it('returns null for an empty quote', () => {
    const empty: Selectors = { ...selectors, quote: { ...selectors.quote, exact: '' } }
    expect(anchor(kpops, empty)).toBeNull()
  })
})

describe('anchor with an unchanged copy of an edited highlight elsewhere', () => {
  // The interview quotes itself: a pull quote repeats a sentence from the transcript further down.
  const body = kpops.indexOf('“Oh, he’s locked in as a director.')
  const pullQuote = kpops.indexOf('“He’s locked in as a director.')

  it.each([
    ['a short quote', 'locked in as a director', 'locked in as a directr'],
    [
      'a self-evident quote',
      'in as a director. He really can take out the',
      'in as a director. He realy can take out the'
    ]
  ])('re-anchors %s to its edited original, not to the pull quote', (_kind, quote, edit) => {
    const start = kpops.indexOf(quote, body)
    const selectors = describeRange(kpops, start, start + quote.length)
    expect(kpops.indexOf(quote, pullQuote)).toBeLessThan(body)
    const edited = kpops.slice(0, start) + edit + kpops.slice(start + quote.length)
    expect(anchor(edited, selectors)).toMatchObject({ start, end: start + edit.length, method: 'fuzzy' })
  })
})

describe('anchor when the highlighted paragraph is deleted', () => {
  const lineStart = kpops.indexOf('Anderson .Paak has astounded audiences')
  const lineEnd = kpops.indexOf('\n', lineStart) + 1
  const quote = 'A staple of Los Angeles hip-hop, .Paak has performed with the greatest of the hip-hop greats'
  const start = kpops.indexOf(quote)
  const selectors = describeRange(kpops, start, start + quote.length)
  const withoutParagraph = deleteRange(kpops, lineStart, lineEnd)

  it('returns null once the words are gone', () => {
    expect(start).toBeGreaterThan(lineStart)
    expect(start + quote.length).toBeLessThan(lineEnd)
    expect(anchor(withoutParagraph, selectors)).toBeNull()
  })

  it('does not move a deleted photo caption onto the caption of another photo', () => {
    const text = readFileSync(new URL('002_28dc0072aca979dd.txt', archive), 'utf8')
    const lineStart = text.indexOf('Anderson .Paak K-POPS Behind-the-Scenes')
    const lineEnd = text.indexOf('\n', lineStart) + 1
    const quoteStart = text.indexOf('Scenes (Photo', lineStart)
    // "Scenes (Photo by Jake Giles Netter)" is 7 edits from "Still (Photo by Jake Giles Netter)"
    // further down, whose suffix matches; only its prefix, half of it gone, says it is another photo.
    const selectors = describeRange(text, quoteStart, lineEnd - 1)
    expect(anchor(deleteRange(text, lineStart, lineEnd), selectors)).toBeNull()
  })

  // Several words changed (41 edits; the floor allows 23), then put back between the highlight's own saved
  // prefix and suffix, so only the quote-similarity floor stands between the highlight and the look-alike.
  const lookAlike = 'A staple of Chicago soul, .Paak has recorded alongside the finest of the soul greats'
  const planted = `\n${selectors.quote.prefix}${lookAlike}${selectors.quote.suffix}\n`
  const lastLine = withoutParagraph.lastIndexOf('Dec 15, 2025')

  it('control: with the paragraph still there, it anchors to the original, not the look-alike', () => {
    const at = kpops.lastIndexOf('Dec 15, 2025')
    const text = kpops.slice(0, at) + planted + kpops.slice(at)
    expect(anchor(text, selectors)).toMatchObject({ start, method: 'position' })
    const shifted = '\n' + text
    expect(anchor(shifted, selectors)).toMatchObject({ start: start + 1, method: 'quote' })
  })

  it('returns null even next to a look-alike sentence in the very same context', () => {
    const text = withoutParagraph.slice(0, lastLine) + planted + withoutParagraph.slice(lastLine)
    const lookAlikeStart = text.indexOf(lookAlike)
    expect(text.slice(lookAlikeStart - 32, lookAlikeStart)).toBe(selectors.quote.prefix)
    expect(text.slice(lookAlikeStart + lookAlike.length).startsWith(selectors.quote.suffix)).toBe(true)
    expect(anchor(text, selectors)).toBeNull()
  })
})
