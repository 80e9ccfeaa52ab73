import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { ImportRefused } from '../types'
import { calendarDate, decodeText, extractTxt, httpUrl, languageTag } from './txt'

const file = (name: string, bytes: Uint8Array) => ({ name, bytes })

describe('extractTxt', () => {
  it('reads Windows-1252 with curly quotes and CRLF, one paragraph per line', async () => {
    const source = 'The critic wrote: \u201cA quiet film about the roads not taken.\u201d   \r\n\r\n\r\nShe didn\u2019t look back \u2014 not once.\r\n  Indented line.\r\n'
    const result = await extractTxt(file('review.txt', iconv.encode(source, 'win1252')))
    expect(result).toEqual({
      format: 'txt',
      text: 'The critic wrote: “A quiet film about the roads not taken.”\nShe didn’t look back — not once.\n  Indented line.',
      kinds: ['paragraph', 'paragraph', 'paragraph'],
      meta: {}
    })
  })

  it('reads ISO-8859-1 as Windows-1252, as browsers do, so curly quotes stay curly', () => {
    const bytes = iconv.encode('\u2018K-Pops!\u2019 \u201cMaster Conductor\u201d', 'win1252')
    expect(decodeText(file('a.txt', bytes), 'ISO-8859-1')).toBe('‘K-Pops!’ “Master Conductor”')
  })

  it.each([
    ['UTF-16 LE', Uint8Array.from([0xff, 0xfe, ...iconv.encode('Séance “one”\r\nTwo', 'utf-16le')])],
    ['UTF-16 BE', Uint8Array.from([0xfe, 0xff, ...iconv.encode('Séance “one”\r\nTwo', 'utf-16be')])],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('Séance “one”\r\nTwo')])],
    ['UTF-8 with CR line ends', Buffer.from('Séance “one”\rTwo')]
  ])('reads %s', async (_, bytes) => {
    const result = await extractTxt(file('a.txt', bytes))
    expect(result.text).toBe('Séance “one”\nTwo')
    expect(result.kinds).toEqual(['paragraph', 'paragraph'])
  })

  it('does not guess a title from the first line', async () => {
    const result = await extractTxt(file('a.txt', Buffer.from('Past Lives\nA review.')))
    expect(result.meta).toEqual({})
  })

  it.each([
    ['empty.txt', Buffer.from(' \r\n\r\n '), 'empty.txt has no text to import.'],
    ['binary.txt', Uint8Array.from([0x00, 0x01, 0x02, 0x00, 0x89, 0x50, 0x4e, 0x47, 0x00]), 'binary.txt does not hold text (it looks like a binary file).']
  ])('refuses %s with one sentence naming it', async (name, bytes, message) => {
    await expect(extractTxt(file(name, bytes))).rejects.toThrow(new ImportRefused(name, message))
  })

  it('refuses a file over the size limit before decoding it', async () => {
    const limits = { maxFileBytes: 10, maxZipEntries: 1, maxExpandedBytes: 1, maxMillis: 1 }
    await expect(extractTxt(file('long.txt', Buffer.from('x'.repeat(2048))), limits)).rejects.toThrow('long.txt is 2 KB, more than the 1 KB Liner Notes imports.')
  })
})

describe('metadata fields', () => {
  it.each([
    ['2024-09-27', '2024-09-27'],
    ['2024-09-27T23:30:00-04:00', '2024-09-27'],
    ['2024/9/7', '2024-09-07'],
    ['Sep 27, 2024', '2024-09-27'],
    ['27 September 2024', '2024-09-27'],
    ['2024-02-31', undefined],
    ['2024', undefined],
    ['last Tuesday', undefined],
    [new Date('2024-09-27T00:00:00Z'), '2024-09-27']
  ])('calendarDate(%s) is %s', (value, expected) => {
    expect(calendarDate(value)).toBe(expected)
  })

  it('keeps only absolute http(s) addresses, never resolving relative ones', () => {
    expect(httpUrl('https://a.example/x')).toBe('https://a.example/x')
    expect(httpUrl('/reviews/x')).toBeUndefined()
    expect(httpUrl('javascript:alert(1)')).toBeUndefined()
    expect(httpUrl('ftp://a.example/x')).toBeUndefined()
  })

  it('canonicalises language tags', () => {
    expect(languageTag('en_us')).toBe('en-US')
    expect(languageTag('not a language')).toBeUndefined()
  })
})
