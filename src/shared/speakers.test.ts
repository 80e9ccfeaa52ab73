import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { speakerAt, speakerMap } from './speakers'
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
    ['I moved the script around a little bit', 'an answer going on past its labelled paragraph'],
    ['That ensemble is wild', 'the interviewer reacting, with no question mark'],
    ['Learning that you’re made for it.', 'the interviewer reacting, before a section heading'],
    ['The Many Collaborative Modes of Anderson .Paak', 'a section heading'],
    ['“He’s locked in as a director.', 'a pull quote'],
    ['Anderson .Paak has astounded audiences', 'the introduction'],
    ['The Running Man Review', 'teaser links saved from the page']
  ])('%j is nobody’s without an interviewer (%s)', (phrase) => {
    expect(speakerAt(TRANSCRIPT, offsetOf(TRANSCRIPT, phrase), 'interview')).toBeNull()
  })

  it.each([
    ['Jee, how does your character feel', 'Perri Nemiroff'],
    ['I want to talk about this being your feature directorial debut', 'Perri Nemiroff'],
    ['Given you’ve made it through to the finish line', 'Perri Nemiroff'], // ends with ?” — a question
    ['I moved the script around a little bit', null], // not a question: still undecided
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
    const text = 'Jane Roe:\r\n\r\nFirst answer.\r\nSecond paragraph.\r\n'
    expect(speakerAt(text, text.indexOf('Second'), 'interview')).toBe('Jane Roe')
  })
})
