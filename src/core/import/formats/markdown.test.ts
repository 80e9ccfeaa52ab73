import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ImportRefused } from '../types'
import { extractMarkdown } from './markdown'

const fixture = (name: string) => ({ name, bytes: readFileSync(new URL(`../fixtures/${name}`, import.meta.url)) })
const md = (text: string, name = 'notes.md') => extractMarkdown({ name, bytes: Buffer.from(text) })
const lines = (r: { text: string; kinds: string[] }) => r.text.split('\n').map((text, i) => [r.kinds[i], text])

describe('extractMarkdown', () => {
  it('reads front matter as metadata and the body as kinds of paragraph, markup reduced to its words', async () => {
    const result = await extractMarkdown(fixture('front-matter.md'))
    expect(result.format).toBe('md')
    expect(result.meta).toEqual({
      title: 'Notes on *Past Lives*',
      author: 'Ada Critic and Ben Reviewer',
      date: '2023-06-02',
      url: 'https://notes.example/past-lives',
      outlet: 'The Daily Reel',
      kind: 'review',
      language: 'en-GB'
    })
    expect(lines(result)).toEqual([
      ['heading', 'Notes on Past Lives'],
      ['paragraph', 'Celine Song’s debut is a film of glances and pauses, with a score by Christopher Bear and Daniel Rossen.'],
      ['heading', 'What stays with you'],
      ['quote', '“Maybe in another life we could be something else to each other.” — Nora'],
      ['list-item', 'the bar scene, shot as a triangle of faces;'],
      ['list-item', 'the Skype calls, lit by laptop screens;'],
      ['list-item', 'nested: the frozen video'],
      ['list-item', 'the walk to the Uber.'],
      ['paragraph', 'Running time: 106 minutes.'],
      ['paragraph', 'Opens Friday.']
    ])
  })

  it('takes the only first-level heading as the title when front matter gives none', async () => {
    expect((await md('# Past Lives\n\nA review.')).meta).toEqual({ title: 'Past Lives' })
    expect((await md('Intro.\n\n# Past Lives\n\nA review.')).meta).toEqual({})
    expect((await md('# One\n\n# Two\n')).meta).toEqual({})
    expect((await md('---\ntitle: Stated\n---\n# Heading\n')).meta).toEqual({ title: 'Stated' })
  })

  it('keeps only metadata the front matter states in a usable form', async () => {
    const result = await md('---\ndate: 2024\nurl: /relative\nkind: essay\nsource: https://a.example\nauthor:\n  - name: Jane Doe\n---\nText.')
    expect(result.meta).toEqual({ author: 'Jane Doe' })
  })

  it('reads a --- block that is not a mapping as Markdown (a rule, then a setext heading)', async () => {
    const result = await md('---\nJust a line\n---\nText.')
    expect(lines(result)).toEqual([
      ['heading', 'Just a line'],
      ['paragraph', 'Text.']
    ])
  })

  it('passes raw HTML blocks through the HTML walker and drops their scripts', async () => {
    const result = await md('<div><p>From <b>HTML</b>.</p><script>alert(1)</script></div>\n\n> quoted<br>line two')
    expect(lines(result)).toEqual([
      ['paragraph', 'From HTML.'],
      ['quote', 'quoted'],
      ['quote', 'line two']
    ])
  })

  it('refuses front matter that is not YAML, naming the file and the line', async () => {
    const error = await md('---\ntitle: ok\nauthor: [unclosed\n---\nText.', 'bad.md').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportRefused)
    expect((error as ImportRefused).message).toMatch(/^bad\.md starts with front matter that is not valid YAML \(line \d+\)\.$/)
  })
})

describe('extractMarkdown: nesting', () => {
  it('refuses quotations nested past what the parser reads in good time, naming the file', async () => {
    const error = await md(`${'> '.repeat(100)}deep`, 'deep.md').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportRefused)
    expect(error).toMatchObject({ message: 'deep.md nests quotations or lists too deeply (more than 64 levels) to be read.' })
  })

  it('reads a long rule of markers as a rule', async () => {
    expect((await md(`One.\n\n${'* '.repeat(100)}\n\nTwo.`)).text).toBe('One.\nTwo.')
  })
})
