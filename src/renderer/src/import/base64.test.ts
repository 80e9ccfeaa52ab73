import { describe, expect, it } from 'vitest'
import { toBase64 } from './base64'

describe('toBase64', () => {
  it.each([
    ['empty', new Uint8Array()],
    ['one byte', Uint8Array.of(0xff)],
    ['two bytes', Uint8Array.of(0, 1)],
    ['text with accents', new TextEncoder().encode('Café — “quoted”')],
    ['every byte value', Uint8Array.from({ length: 256 }, (_, i) => i)]
  ])('encodes %s as Node does', (_, bytes) => {
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })

  it('encodes a file of several megabytes (many chunks, none on a 3-byte boundary at the end) without overflowing the stack', () => {
    const bytes = Uint8Array.from({ length: 5 * 1024 * 1024 + 1 }, (_, i) => (i * 31) % 256)
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })
})
