import { describe, expect, it } from 'vitest'
import { ImportRefused } from '../types'
import { extractPaste } from './paste'

const lines = (r: { text: string; kinds: string[] }) => r.text.split('\n').map((text, i) => [r.kinds[i], text])

describe('extractPaste', () => {
  it('keeps all of pasted HTML (no article search) with its kinds, and no metadata', async () => {
    const html = `<meta charset="utf-8"><!--StartFragment--><h2>Past Lives</h2><nav>Shown because the user chose it</nav>
      <p>A <em>short</em> paste.</p><blockquote>“In another life.”</blockquote><ul><li>one</li><li>two</li></ul>
      <script>fetch('https://tracker.example')</script><!--EndFragment-->`
    const result = await extractPaste({ html, text: 'ignored' })
    expect(result).toMatchObject({ format: 'paste', meta: {} })
    expect(lines(result)).toEqual([
      ['heading', 'Past Lives'],
      ['paragraph', 'Shown because the user chose it'],
      ['paragraph', 'A short paste.'],
      ['quote', '“In another life.”'],
      ['list-item', 'one'],
      ['list-item', 'two']
    ])
  })

  it('reads plain text as a .txt file is read', async () => {
    const result = await extractPaste({ text: 'SONG: First answer.  \r\n\r\nMara Quill:\r\nSecond.' })
    expect(result).toEqual({ format: 'paste', text: 'SONG: First answer.\nMara Quill:\nSecond.', kinds: ['paragraph', 'paragraph', 'paragraph'], meta: {} })
  })

  it('uses the plain text when the HTML holds no words', async () => {
    const result = await extractPaste({ html: '<img src="https://x.example/a.png">', text: 'The words.' })
    expect(result.text).toBe('The words.')
  })

  it('refuses an empty paste in one sentence', async () => {
    const error = await extractPaste({ html: '<p> </p>', text: '  ' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportRefused)
    expect(error).toMatchObject({ message: 'The pasted text holds no text to import.' })
  })
})
