import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, ImportRefused } from '../types'
import { extractFile } from './index'

const refusal = (name: string, bytes: Uint8Array, limits = DEFAULT_LIMITS) => extractFile({ name, bytes }, limits).catch((e: unknown) => e)

describe('extractFile', () => {
  it.each([
    ['review.txt', 'txt'],
    ['REVIEW.TXT', 'txt'],
    ['notes.md', 'md'],
    ['notes.markdown', 'md'],
    ['page.htm', 'html']
  ])('reads %s as %s', async (name, format) => {
    const body = '<html><body><article><p>Celine Song’s debut is a film of glances, pauses and the long silences between two people who were children together in Seoul and meet again in New York.</p></article></body></html>'
    const bytes = Buffer.from(format === 'html' ? body : 'One.\nTwo.')
    expect((await extractFile({ name, bytes })).format).toBe(format)
  })

  it('keeps a .txt that holds HTML as text: the name the user gave decides', async () => {
    const result = await extractFile({ name: 'saved.txt', bytes: Buffer.from('<p>Hello</p>\n<p>World</p>') })
    expect(result).toMatchObject({ format: 'txt', text: '<p>Hello</p>\n<p>World</p>' })
  })

  it.each([
    ['notes.rtfd', Buffer.from('x'), 'notes.rtfd is not a format Liner Notes can import (it reads .txt, .text, .md, .markdown, .html, .htm, .pdf, .docx and .epub files).'],
    ['README', Buffer.from('x'), 'README is not a format Liner Notes can import (it reads .txt, .text, .md, .markdown, .html, .htm, .pdf, .docx and .epub files).'],
    ['paper.txt', Buffer.from('%PDF-1.7\n%\u00e2\u00e3'), 'paper.txt is a PDF, not a text file, despite its name.'],
    ['book.html', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'book.html is a zip archive (a .docx or .epub file, perhaps), not a text file, despite its name.']
  ])('refuses %s in one sentence naming it', async (name, bytes, message) => {
    const error = await refusal(name, bytes)
    expect(error).toBeInstanceOf(ImportRefused)
    expect(error).toMatchObject({ file: name, message })
  })

  it('refuses a file over the size limit before reading it', async () => {
    // Invalid as UTF-8 and as anything else: were it decoded, the refusal would be another.
    const bytes = new Uint8Array(3 * 1024 * 1024).fill(0)
    const error = await refusal('huge.txt', bytes, { ...DEFAULT_LIMITS, maxFileBytes: 2 * 1024 * 1024 })
    expect(error).toMatchObject({ file: 'huge.txt', message: 'huge.txt is 3 MB, more than the 2 MB Liner Notes imports.' })
  })
})
