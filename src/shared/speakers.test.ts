import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { passageVoices, speakerAt, speakerMap, voiceNames, type Voice } from './speakers'
import { splitParagraphs } from './text'

const ARCHIVE = join(import.meta.dirname, '../../archive')
const read = (file: string): string => readFileSync(join(ARCHIVE, file), 'utf8')
const TRANSCRIPT = read('000_ad238df8b954e232.txt')
const QA = read('002_28dc0072aca979dd.txt')
const NEWS = read('001_0a74aad613f8da6e.txt')

/** The offset of the only occurrence of `phrase`, so a case cannot silently test the wrong passage. */
function offsetOf(text: string, phrase: string): number {
  const at = text.indexOf(phrase)
  if (at === -1 || text.indexOf(phrase, at + 1) !== -1) throw new Error(`"${phrase}" must occur exactly once`)
  return at
}

describe('speakerAt in the Collider transcript (labels open the paragraph)', () => {
  it.each([
    ['It all started in quarantine', 'Anderson .Paak'], // PAAK:
    ['The film is about a washed-up musician played by myself', 'Anderson .Paak'], // ANDERSON .PAAK:
    ['PAAK: Working with Missy', 'Anderson .Paak'], // a highlight that includes the label itself
    ['I moved the script around a little bit', 'Anderson .Paak'], // his answer going on in the next paragraph
    ['With movies, though, I think there are far more departments', 'Anderson .Paak'], // going on up to a heading
    ['As a producer, it’s been a crazy journey', 'Jonnie Park'], // resumed after a photo caption
    ['Then the strike happened', 'Anderson .Paak'], // resumed after a photo caption
    ['Once we got into shooting, I was obsessed', 'Anderson .Paak'], // and going on
    ['a lot of our audience is first going to learn about it', 'Perri Nemiroff'], // PERRI NEMIROFF:
    ['I can elaborate. As an artist myself', 'Kevin Woo'], // KEVIN WOO:
    ['I can’t spell it too much', 'Kevin Woo'], // WOO:
    ['straightforward when he has his director hat on', 'Soul Rasheed'], // SOUL RASHEED:
    ['For Tae Young, he’s more inspired', 'Soul Rasheed'], // RASHEED:
    ['it feels like there’s just one version of Anderson', 'Jee Young Han'], // JEE YOUNG HAN:
    ['I think she’s torn', 'Jee Young Han'], // HAN:
    ['I think with his directing, the great thing', 'Jonnie Park'], // JONNIE PARK:
    ['art imitating life', 'Jonnie Park'], // PARK:
    ['I worked on the Wild Card stage', 'Cathy Shim'], // CATHY SHIM:
    ['SHIM: Producer 101', 'Cathy Shim'] // SHIM:
  ])('%j is said by %s', (phrase, speaker) => {
    expect(speakerAt(TRANSCRIPT, offsetOf(TRANSCRIPT, phrase), 'interview')).toBe(speaker)
  })

  it.each([
    ['Jee, how does your character feel', 'an unlabeled question'],
    ['That ensemble is wild', 'the interviewer reacting, with no question mark'],
    ['Learning that you’re made for it.', 'the interviewer reacting, before a section heading'],
    ['The Many Collaborative Modes of Anderson .Paak', 'a section heading'],
    ['“He’s locked in as a director.', 'a pull quote'],
    ['Anderson .Paak has astounded audiences', 'the introduction'],
    ['The Running Man Review', 'teaser links saved from the page'],
    ['Special thanks to this year’s partners', 'an acknowledgement after the last answer'],
    ['The Michel Gondry musical features', 'a teaser’s tagline after a heading']
  ])('%j is nobody’s without an interviewer (%s)', (phrase) => {
    expect(speakerAt(TRANSCRIPT, offsetOf(TRANSCRIPT, phrase), 'interview')).toBeNull()
  })

  it.each([
    ['Jee, how does your character feel', 'Perri Nemiroff'],
    ['I want to talk about this being your feature directorial debut', 'Perri Nemiroff'],
    ['Given you’ve made it through to the finish line', 'Perri Nemiroff'], // ends with ?” — a question
    ['I moved the script around a little bit', 'Anderson .Paak'], // his answer going on: not answered by a label
    ['That’s so cool. You’re wearing a million hats', null], // answered, but not a question
    ['That ensemble is wild', null]
  ])('with the interviewer named, %j is said by %s', (phrase, speaker) => {
    // The caller's spelling is mapped to the text's: the transcript labels her once, "PERRI NEMIROFF:".
    const at = offsetOf(TRANSCRIPT, phrase)
    expect(speakerAt(TRANSCRIPT, at, 'interview', { interviewer: 'PERRI NEMIROFF' })).toBe(speaker)
  })

  it('gives every question of the transcript to the interviewer and no other unlabeled paragraph', () => {
    const map = speakerMap(TRANSCRIPT, 'interview', { interviewer: 'Perri Nemiroff' })
    const unlabeledHers = splitParagraphs(TRANSCRIPT).filter((p) => map.at(p.start) === 'Perri Nemiroff' && !p.text.startsWith('PERRI'))
    expect(unlabeledHers).toHaveLength(10)
    for (const p of unlabeledHers) expect(p.text).toMatch(/\?”?$/)
  })

  it('names every labelled speaker once, as the prose spells them', () => {
    expect(speakerMap(TRANSCRIPT, 'interview').names).toEqual([
      'Anderson .Paak',
      'Cathy Shim',
      'Jee Young Han',
      'Jonnie Park',
      'Kevin Woo',
      'Perri Nemiroff',
      'Soul Rasheed'
    ])
  })
})

describe('speakerAt in the written Q&A (labels on their own line)', () => {
  it.each([
    ['The whole process was amazing', 'Anderson .Paak'],
    ['Saying I wanted to do it was one thing', 'Anderson .Paak'], // the answer's second paragraph
    ['He was doing video game tutorials', 'Anderson .Paak'], // its fourth
    ['Could you tell us a little bit', 'Keshia Hannam'],
    ['Can we talk a little bit about your identity?', 'Keshia Hannam'],
    ['We understand that some of your family from Korea', 'Catherine Nguyen'],
    ['Soul’s mom is full Korean', 'Anderson .Paak'], // "Anderson .Paak:" without the usual no-break space
    ['I think we just have to protect creatives', 'Anderson .Paak'], // after "Anderson .Paak " with no colon
    ['Keshia Hannam:\u00a0\n\nCalling it', 'Keshia Hannam'] // on the label line itself
  ])('%j is said by %s', (phrase, speaker) => {
    expect(speakerAt(QA, offsetOf(QA, phrase), 'interview')).toBe(speaker)
  })

  it.each([
    ['Anderson .Paak K-POPS Behind-the-Scenes', 'a photo credit before the first question'],
    ['Anderson .Paak and Soul Rasheed, at K-POPS’ World Premiere', 'an agency credit between answer and question'],
    ['Cast of K-POPS at Toronto International Film Festival', 'a caption that follows an answer'],
    ['While it is very much a lighthearted family comedy', 'the introduction']
  ])('%j is nobody’s (%s)', (phrase) => {
    expect(speakerAt(QA, offsetOf(QA, phrase), 'interview')).toBeNull()
  })

  it('gives the blank line between paragraphs to the paragraph after it', () => {
    const label = offsetOf(QA, 'Catherine Nguyen:')
    expect(speakerAt(QA, label - 1, 'interview')).toBe('Catherine Nguyen')
  })
})

describe('speakerAt outside interviews and at the edges', () => {
  it.each([['news'], ['review'], ['feature'], ['']] as const)('is null for kind %j even on a quotation', (kind) => {
    expect(speakerAt(NEWS, offsetOf(NEWS, 'It started around quarantine'), kind)).toBeNull()
    expect(speakerAt(TRANSCRIPT, offsetOf(TRANSCRIPT, 'It all started in quarantine'), kind)).toBeNull()
  })

  it.each([
    ['past the end', (t: string) => t.length],
    ['on trailing blank lines', (t: string) => t.length - 1]
  ])('is null %s', (_case, offset) => {
    expect(speakerAt(TRANSCRIPT, offset(TRANSCRIPT), 'interview')).toBeNull()
  })

  it('keeps a surname that two full labels share as its own name', () => {
    const text = 'JONNIE PARK: Hi.\nEDDIE PARK: Hello.\nPARK: Which of us?\n'
    expect(speakerAt(text, text.indexOf('Which'), 'interview')).toBe('Park')
  })

  it('title-cases an all-caps label the prose never spells', () => {
    const text = 'Q. How was it?\nMARY O’NEIL: Fine.\n'
    expect(speakerAt(text, text.indexOf('Fine'), 'interview')).toBe('Mary O’neil')
  })

  it('reads Windows line ends', () => {
    const text = 'Jane Roe:\r\n\r\nFirst answer.\r\nAnd my second paragraph.\r\n'
    expect(speakerAt(text, text.indexOf('Second'), 'interview')).toBe('Jane Roe')
  })
})

/** The voices of the passage from `from` to the end of `to`, as quoted words and speakers. */
function voicesBetween(text: string, from: string, to: string): { words: string; speaker: string | null }[] {
  const start = offsetOf(text, from)
  const end = offsetOf(text, to) + to.length
  return speakerMap(text, 'interview').voices(start, end).map((v: Voice) => ({ words: text.slice(v.start, v.end), speaker: v.speaker }))
}

describe('a passage across a change of speaker is cut there', () => {
  it('gives a written Q&A question and its answer each to its own speaker, without the labels', () => {
    const voices = voicesBetween(QA, 'Can we talk a little bit about your identity?', 'I grew up in a Black household.')
    expect(voices.map((v) => v.speaker)).toEqual(['Keshia Hannam', 'Anderson .Paak'])
    expect(voices[0]!.words).toMatch(/^Can we talk a little bit about your identity\?.*[^\s]$/)
    expect(voices[0]!.words).not.toContain('Anderson .Paak')
    expect(voices[1]!.words).toBe('I grew up in a Black household.')
  })

  it('cuts the end of one transcript answer from the next speaker’s, leaving out the label', () => {
    const voices = voicesBetween(TRANSCRIPT, 'it’s easy for me to act and work on set', 'It’s interesting because Anderson')
    expect(voices).toEqual([
      { words: expect.stringMatching(/^it’s easy for me to act and work on set/), speaker: 'Soul Rasheed' },
      { words: 'It’s interesting because Anderson', speaker: 'Jee Young Han' }
    ])
  })

  it('leaves out a label a passage starts on', () => {
    const start = offsetOf(TRANSCRIPT, 'SHIM: Producer 101')
    const voices = speakerMap(TRANSCRIPT, 'interview').voices(start, start + 'SHIM: Producer 101'.length)
    expect(voices.map((v) => ({ words: TRANSCRIPT.slice(v.start, v.end), speaker: v.speaker }))).toEqual([{ words: 'Producer 101', speaker: 'Cathy Shim' }])
  })

  it('keeps one voice across a caption inside the same answer, and names nobody for the caption', () => {
    const voices = voicesBetween(TRANSCRIPT, 'We’ve been friends for over a decade', 'As a producer, it’s been a crazy journey')
    expect(voices.map((v) => v.speaker)).toEqual(['Jonnie Park', null, 'Jonnie Park'])
    expect(voices[1]!.words).toBe('Image by Photagonist at TIFF')
  })

  it('is one voice in a text that is not an interview', () => {
    const start = offsetOf(NEWS, 'It started around quarantine')
    expect(speakerMap(NEWS, 'news').voices(start, start + 10)).toEqual([{ start, end: start + 10, speaker: null }])
  })
})

describe('the user has the last word on a passage’s speaker', () => {
  const map = speakerMap(QA, 'interview')
  const start = offsetOf(QA, 'Can we talk a little bit about your identity?')
  const end = offsetOf(QA, 'Soul’s mom is full Korean') + 10

  it('names the set speaker for the whole passage', () => {
    const voices = passageVoices(map, start, end, { name: 'Soul Rasheed' })
    expect(voices).toEqual([{ start, end, speaker: 'Soul Rasheed' }])
    expect(voiceNames(voices)).toEqual(['Soul Rasheed'])
  })

  it('names nobody when cleared, and the text’s speakers when not set', () => {
    expect(voiceNames(passageVoices(map, start, end, { name: null }))).toEqual([])
    expect(voiceNames(passageVoices(map, start, end))).toEqual(['Keshia Hannam', 'Anderson .Paak'])
  })
})

describe('attribution ends at headings, notes and taglines, and resumes across an interruption', () => {
  const QA_TEXT = [
    'Jane Roe:',
    'How did the film start?',
    'Sam Lee:',
    'It began with sketches my son and I made at home during the long winter.',
    'Photo by A. Person',
    'And then a producer called me about making it into a feature film.',
    '“It began with sketches my son and I made.”',
    'We shot the whole thing in twenty-one days, which still amazes me today.',
    'What Comes Next for Sam Lee',
    'The director is developing a second feature about his hometown and its music.',
    'Editor’s note: This interview has been edited for length and clarity.',
    'The film opens in theaters on Friday.',
    ''
  ].join('\n')

  it.each([
    ['It began with sketches my son and I made at home', 'Sam Lee'],
    ['And then a producer called me', 'Sam Lee'], // after a photo caption
    ['We shot the whole thing', 'Sam Lee'] // after a pull quote
  ])('%j is said by %s', (phrase, speaker) => {
    expect(speakerAt(QA_TEXT, offsetOf(QA_TEXT, phrase), 'interview')).toBe(speaker)
  })

  it.each([
    ['Photo by A. Person', 'a photo caption'],
    ['“It began with sketches my son and I made.”', 'a pull quote'],
    ['What Comes Next for Sam Lee', 'a heading'],
    ['The director is developing a second feature', 'the text after a heading'],
    ['Editor’s note', 'an editor’s note'],
    ['The film opens in theaters', 'a closing tagline']
  ])('%j is nobody’s (%s)', (phrase) => {
    expect(speakerAt(QA_TEXT, offsetOf(QA_TEXT, phrase), 'interview')).toBeNull()
  })

  it('ends at a line the import marked as a heading and steps over one marked as a quote', () => {
    const text = 'Sam Lee:\nIt began with sketches my son and I made at home during the long winter.\nA quiet start.\nThe point is that we made it together, over a year.\nAfter that, a word on the soundtrack and its making.\n'
    const plain = speakerMap(text, 'interview')
    expect(plain.at(offsetOf(text, 'The point is'))).toBe('Sam Lee')
    const marked = speakerMap(text, 'interview', { kinds: { '2': 'quote', '4': 'heading' } })
    expect(marked.at(offsetOf(text, 'A quiet start'))).toBeNull()
    expect(marked.at(offsetOf(text, 'The point is'))).toBe('Sam Lee')
    expect(marked.at(offsetOf(text, 'After that'))).toBeNull()
  })

  it('gives a transcript answer that goes on after a caption to the same speaker, and a short reaction to nobody', () => {
    const text = [
      'SAM LEE: It began with sketches my son and I made at home during the long winter.',
      'Image by A. Person',
      'Then a producer called, and we spent the next year turning the sketches into a script.',
      'What a story.',
      'SAM LEE: Thanks.',
      ''
    ].join('\n')
    expect(speakerAt(text, offsetOf(text, 'Then a producer called'), 'interview')).toBe('Sam Lee')
    expect(speakerAt(text, offsetOf(text, 'What a story'), 'interview')).toBeNull()
  })
})
