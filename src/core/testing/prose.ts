// Seeded filler prose for generated libraries: a vocabulary of a few thousand words drawn with a skew
// (a few common words, a long tail), so texts have the repetition and spread of real writing, which is
// what search, anchoring by quote and word counts are sensitive to. Deterministic for a given seed.

/** mulberry32: tiny, fast and good enough for test data; the same seed always gives the same stream. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = () => number

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!
export const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1))

const COMMON = `the a of and to in that is was it for on with as his her their this by at from but not be are have
had one all they who what when which there more about so can out up into than them some its only also after
like just over how even much most very where through back still first well way because while those both`.split(/\s+/)

const CRITIC = `film cinema camera frame shot scene sequence director actor actress performance script screenplay
score soundtrack edit editing montage close-up lens light shadow colour grain festival premiere audience critic
review studio producer documentary fiction genre comedy drama thriller horror western musical noir melodrama
character dialogue silence memory grief family father mother son daughter home city street night morning
story image sound voice gesture rhythm pace tone mood tension surface depth landscape portrait interview
archive footage stage debut career release box office streaming theatre screen spectator gaze narrative
structure ending opening chapter season sequel remake adaptation novel source history heritage identity
culture language music band album song record tour studio session rhythm beat melody lyric chorus verse
childhood youth age love loss hope anger joy fear humour irony satire realism dream fantasy myth ritual
season winter summer spring autumn river sea road car train house room window door table kitchen garden
moment years decade century generation tradition influence style craft vision ambition risk failure success
quiet loud slow fast bright dark warm cold tender brutal strange familiar intimate distant honest playful
careful restless patient generous precise loose sharp soft raw polished modest grand small large long short
makes takes finds shows builds holds turns keeps leaves gives brings carries follows watches listens returns
remembers imagines wants needs feels knows seems becomes remains begins ends moves opens closes breaks`.split(/\s+/)

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z']
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io']
const CODAS = ['', '', 'n', 'r', 'l', 's', 't', 'nd', 'rk', 'st', 'm', 'ng']

/** Made-up words shaped like English (onset, vowel, coda), to fill the vocabulary's long tail. */
function madeUpWords(random: Random, count: number, taken: Set<string>): string[] {
  const words: string[] = []
  while (words.length < count) {
    // Mostly one or two syllables: a made-up word as long as a real one, not a tongue-twister.
    const syllables = random() < 0.85 ? between(random, 1, 2) : 3
    let word = ''
    for (let s = 0; s < syllables; s++) word += pick(random, ONSETS) + pick(random, VOWELS) + pick(random, CODAS)
    if (!taken.has(word)) {
      taken.add(word)
      words.push(word)
    }
  }
  return words
}

/** Builds sentences and paragraphs from one vocabulary. */
export class Prose {
  private readonly words: string[]

  constructor(private readonly random: Random, vocabularySize = 3000) {
    const real = [...new Set([...COMMON, ...CRITIC])]
    this.words = [...real, ...madeUpWords(random, Math.max(0, vocabularySize - real.length), new Set(real))]
  }

  /**
   * Skewed towards the front of the list, where the real words are: a rough Zipf curve. With 3,000
   * words, about half of all words drawn are real ones and the made-up tail still gets used.
   */
  word(): string {
    return this.words[Math.floor(this.words.length * this.random() ** 3.2)]!
  }

  sentence(low = 6, high = 22, end = '.'): string {
    const count = between(this.random, low, high)
    const parts: string[] = []
    for (let i = 0; i < count; i++) {
      let word = this.word()
      if (i > 1 && i < count - 1 && this.random() < 0.08) word += ','
      parts.push(word)
    }
    const first = parts[0]!
    parts[0] = first[0]!.toUpperCase() + first.slice(1)
    return parts.join(' ') + end
  }

  paragraph(low = 2, high = 7): string {
    const count = between(this.random, low, high)
    const sentences: string[] = []
    for (let i = 0; i < count; i++) sentences.push(this.sentence())
    return sentences.join(' ')
  }

  /** A title: a few capitalised words. */
  title(low = 2, high = 8): string {
    const count = between(this.random, low, high)
    const words: string[] = []
    for (let i = 0; i < count; i++) {
      const word = this.word()
      words.push(word[0]!.toUpperCase() + word.slice(1))
    }
    return words.join(' ')
  }
}

const FIRST_NAMES = `Ada Amara Anders Bea Bruno Camila Chidi Dara Elif Emil Farah Felix Greta Hana Hugo Ines Ivan Jae Jonas
Kaveh Keshia Lena Luca Maya Milo Nadia Noor Oskar Paz Priya Quinn Rafael Rosa Sami Sofia Tariq Thea Uma Vera Wren
Xavier Yara Yusuf Zadie Soul Marlon Agnes Kenji Leila Omar`.split(/\s+/)
const SURNAMES = `Abara Bergstrom Castillo Dimitrov Eze Fontaine Garcia Haddad Ishikawa Jovanovic Kowalski Lindqvist
Mensah Novak Okafor Petrov Quispe Rasheed Santos Tanaka Ueda Varga Whitfield Xu Yilmaz Zeller Brooks Hannam Moreau
Achebe Delacroix Ferrante Gallo Holm Kaur Mbeki Nakamura Ortiz Silva`.split(/\s+/)

export const personName = (random: Random): string => `${pick(random, FIRST_NAMES)} ${pick(random, SURNAMES)}`
