import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { speakerMap } from '../../../shared/speakers'
import { ImportRefused } from '../types'
import { extractHtml } from './html'

const fixture = (name: string) => ({ name, bytes: readFileSync(new URL(`../fixtures/${name}`, import.meta.url)) })
const page = (html: string, name = 'page.html') => extractHtml({ name, bytes: Buffer.from(html) })
const lines = (r: { text: string; kinds: string[] }) => r.text.split('\n').map((text, i) => [r.kinds[i], text])

/** Enough prose for Readability and the article check to take a body as an article. */
const PROSE = '<p>Celine Song’s debut is a film of glances, pauses and the long silences between two people who were children together in Seoul, and who meet again in New York.</p>'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('extractHtml: a saved page', () => {
  it('keeps the article verbatim and none of the page around it, without fetching anything', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network in an importer')))
    vi.stubGlobal('fetch', fetch)
    const result = await extractHtml(fixture('saved-review.html'))
    expect(fetch).not.toHaveBeenCalled()
    expect(result.format).toBe('html')
    expect(lines(result)).toEqual([
      ['paragraph', 'Celine Song’s debut is a film of glances, pauses and the long silences between two people who were children together in Seoul and meet again, twenty-four years later, in New York.'],
      ['paragraph', 'Greta Lee plays Nora with a watchful warmth, and Teo Yoo gives Hae Sung the stillness of a man who has waited too long to say what he came to say. The film never pushes; it lets the city do the talking.'],
      ['heading', 'The idea of in-yun'],
      ['paragraph', 'Song builds the film around in-yun, the Korean idea of providence between people, and the concept gives the final scene on the street its quiet, devastating weight.'],
      ['quote', '“Maybe in another life we could be something else to each other.”'],
      ['paragraph', 'What stays with you:'],
      ['list-item', 'the bar scene, shot as a triangle of faces;'],
      ['list-item', 'the Skype calls, lit by laptop screens;'],
      ['list-item', 'the two-minute walk to the Uber at the end.'],
      ['paragraph', 'Past Lives opens in cinemas on Friday.'],
      ['paragraph', 'Running time: 106 minutes.']
    ])
    for (const boilerplate of ['cookies', 'Accept all', 'Home', 'Festivals', 'Advertisement', 'Related', 'Aftersun', 'Minari', 'Comments', 'Commenter42', 'Overrated', 'rights reserved', 'Injected', 'tracker', 'Photo by A24', 'By Ada Critic']) {
      expect(result.text).not.toContain(boilerplate)
    }
  })

  it('reads the metadata from the page’s own tags', async () => {
    const result = await extractHtml(fixture('saved-review.html'))
    expect(result.meta).toEqual({
      title: '‘Past Lives’ review: a quiet film about the roads not taken',
      outlet: 'The Daily Reel',
      author: 'Ada Critic',
      date: '2023-06-02',
      url: 'https://dailyreel.example/reviews/past-lives',
      language: 'en-GB',
      kind: 'review'
    })
  })

  it('falls back to <title> without the outlet, citation_* tags, and takes no relative address', async () => {
    const result = await page(`<html><head><title>A Quiet Film | The Reel</title>
      <meta property="og:site_name" content="The Reel"><link rel="canonical" href="/reviews/quiet">
      <meta name="citation_author" content="Ada Critic"><meta name="citation_author" content="Ben Reviewer">
      <meta name="citation_date" content="2023/6/2"></head><body><article>${PROSE}</article></body></html>`)
    expect(result.meta).toEqual({ title: 'A Quiet Film', outlet: 'The Reel', author: 'Ada Critic and Ben Reviewer', date: '2023-06-02' })
  })

  it('states a kind only when the JSON-LD types agree on one', async () => {
    const ld = (types: string) => `<script type="application/ld+json">{"@type": ${types}}</script>`
    expect((await page(`<html><head>${ld('"NewsArticle"')}</head><body>${PROSE}</body></html>`)).meta.kind).toBe('news')
    expect((await page(`<html><head>${ld('["NewsArticle", "Review"]')}</head><body>${PROSE}</body></html>`)).meta.kind).toBeUndefined()
    expect((await page(`<html><head>${ld('"BlogPosting"')}</head><body>${PROSE}</body></html>`)).meta.kind).toBeUndefined()
  })

  it('decodes the charset the page declares when its bytes are not UTF-8', async () => {
    const html = `<html><head><meta charset="iso-8859-1"></head><body><p>\u201cA quiet film\u201d \u2014 the critic\u2019s words.</p>${PROSE}</body></html>`
    const result = await extractHtml({ name: 'legacy.html', bytes: iconv.encode(html, 'win1252') })
    expect(result.text.split('\n')[0]).toBe('“A quiet film” — the critic’s words.')
  })
})

describe('extractHtml: an interview', () => {
  it('keeps speaker labels in both layouts, so the reader still attributes the answers', async () => {
    const result = await extractHtml(fixture('interview-page.html'))
    expect(result.text.split('\n')).toEqual([
      'Celine Song sat down with us before the film’s premiere to talk about playwriting, Seoul and the ending everyone asks about.',
      'Why did this story have to be a film rather than a play?',
      'SONG: Because the distance is the story. On stage you cannot put twelve thousand kilometres between two actors and make the audience feel every one of them.',
      'Mara Quill:',
      'How did you cast Hae Sung?',
      'Celine Song:',
      'We looked for a long time. Teo came in and did not try to charm anyone, and that was exactly right for a man who has been waiting his whole life.',
      'CELINE SONG: And he listens on camera, which is the rarest thing of all.'
    ])
    expect(result.meta).toEqual({ title: 'In conversation with Celine Song', outlet: 'Reel Talk', author: 'Mara Quill and Joon Park', date: '2023-05-30', language: 'en', kind: 'news' })
    const speakers = speakerMap(result.text, 'interview')
    const at = (words: string) => speakers.at(result.text.indexOf(words))
    expect(speakers.names).toEqual(['Celine Song', 'Mara Quill'])
    expect(at('Because the distance')).toBe('Celine Song')
    expect(at('How did you cast')).toBe('Mara Quill')
    expect(at('We looked for a long time')).toBe('Celine Song')
    expect(at('And he listens')).toBe('Celine Song')
  })
})

describe('extractHtml: refusals', () => {
  it('refuses a page with no article, in one sentence naming the file', async () => {
    const error = await page(
      `<html><head><title>Sign in</title></head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/a">About</a></li></ul></nav>
       <div class="cookie">We use cookies. <button>OK</button></div><form><input name="q"></form><footer>© 2024 Site</footer></body></html>`,
      'sign-in.html'
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportRefused)
    expect(error).toMatchObject({ file: 'sign-in.html', message: 'sign-in.html is a web page in which Liner Notes could not find an article’s text.' })
  })
})

describe('extractHtml: nesting', () => {
  it('refuses elements nested past what Readability reads in good time, naming the file', async () => {
    const error = await page(`<html><body>${'<div>'.repeat(300)}${PROSE}${'</div>'.repeat(300)}</body></html>`, 'deep.html').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportRefused)
    expect(error).toMatchObject({ message: 'deep.html nests its elements too deeply (more than 256 levels) to be read.' })
  })
})
