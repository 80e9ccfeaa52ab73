// Who says the words at a place in an interview, so a quotation can be cited as "— Anderson .Paak, in
// Collider" rather than as the outlet's. Pure: reads the speaker labels the text itself carries.
//
// Two layouts occur in the archive. A transcript labels each answer at the start of its paragraph
// ("PAAK: It all started…") and leaves the interviewer's questions unlabeled; a written Q&A puts a label
// on a line of its own ("Anderson .Paak:") that governs the paragraphs after it until the next label.
// A wrong name under a quotation is worse than none, so anything the labels do not settle is null:
// an unlabeled transcript paragraph may be the interviewee going on, the interviewer reacting ("That
// ensemble is wild."), a section heading or a pull quote, and nothing in the text tells them apart.
import type { ArticleKind } from './model'
import { speakerLabelLength, splitParagraphs, type Paragraph } from './text'

export interface SpeakerOptions {
  /**
   * The interviewer, whose questions a transcript leaves unlabeled. When given, an unlabeled paragraph
   * that ends with a question mark and is answered by the next labelled paragraph is theirs: in the
   * archive's transcript that rule picks out every question and nothing else.
   */
  interviewer?: string
}

export interface SpeakerMap {
  /** The speaker of the words at `offset` (UTF-16 code units), or null when the text does not say. */
  at(offset: number): string | null
  /** Every labelled speaker's name, as written in the text, sorted. */
  readonly names: readonly string[]
}

/** The speaker of the words at `offset` in an interview; null for other kinds or when unknown. */
export function speakerAt(text: string, offset: number, kind: ArticleKind | '', options: SpeakerOptions = {}): string | null {
  return speakerMap(text, kind, options).at(offset)
}

/**
 * Reads the labels once, for looking up many offsets of the same text (an export attributes every
 * highlight of an article with one map).
 */
export function speakerMap(text: string, kind: ArticleKind | '', options: SpeakerOptions = {}): SpeakerMap {
  if (kind !== 'interview') return { at: () => null, names: [] }
  const paragraphs = splitParagraphs(text).map(readParagraph)
  const names = nameResolver(text, paragraphs)
  const interviewer = options.interviewer === undefined ? null : names.canonical(options.interviewer)
  const speakers = attribute(paragraphs, names, interviewer)
  return {
    at: (offset) => {
      const i = paragraphIndexAt(paragraphs, offset)
      return i === null ? null : (speakers[i] ?? null)
    },
    names: names.all
  }
}

type Role = 'label-line' | 'inline-label' | 'caption' | 'speech'

interface ReadParagraph extends Paragraph {
  role: Role
  /** The label as written, without the colon and surrounding space; null when unlabeled. */
  label: string | null
}

/**
 * Photo credits sit between an answer and the next question ("Image by Photagonist at TIFF",
 * "… Film Still (Photo by Jake Giles Netter)", "(REUTERS/Carlos Osorio)"); they belong to nobody.
 */
const CAPTION_START = /^(?:image|photo|photograph)s?\s+(?:by|via|courtesy|credit)\b/i
const CAPTION_CREDIT = /\((?:[^()]*\b(?:photo|photograph|image|credit|courtesy)\b[^()]*)\)\s*$/i
const CAPTION_AGENCY = /\([A-Z]{2,}\/[^()]+\)\s*$/

function readParagraph(p: Paragraph): ReadParagraph {
  const length = speakerLabelLength(p.text)
  if (length > 0) {
    const label = cleanLabel(p.text.slice(0, length).replace(/:\s*$/, ''))
    const rest = p.text.slice(length)
    return { ...p, label, role: rest.trim() === '' ? 'label-line' : 'inline-label' }
  }
  const caption = CAPTION_START.test(p.text) || CAPTION_CREDIT.test(p.text) || CAPTION_AGENCY.test(p.text)
  return { ...p, label: null, role: caption ? 'caption' : 'speech' }
}

/** Collapses spaces (the archive's labels carry no-break spaces) so equal labels compare equal. */
function cleanLabel(label: string): string {
  return label.replace(/\s+/gu, ' ').trim()
}

function attribute(paragraphs: ReadParagraph[], names: NameResolver, interviewer: string | null): (string | null)[] {
  const labelLines = new Set(paragraphs.filter((p) => p.role === 'label-line').map((p) => foldCase(p.label ?? '')))
  let turn: string | null = null
  return paragraphs.map((p, i) => {
    if (p.role === 'caption') return null
    if (p.role === 'label-line' || (p.role === 'speech' && isBareLabelLine(p, labelLines))) {
      turn = names.canonical(p.label ?? p.text)
      return turn
    }
    if (p.role === 'inline-label') {
      // A transcript labels every answer; what follows unlabeled is undecided (see the module note).
      turn = null
      return names.canonical(p.label ?? '')
    }
    if (turn !== null) return turn
    return interviewer !== null && isAnsweredQuestion(paragraphs, i) ? interviewer : null
  })
}

/** A Q&A's label line that lost its colon ("Anderson .Paak " before the last answer in the archive). */
function isBareLabelLine(p: ReadParagraph, labelLines: ReadonlySet<string>): boolean {
  return labelLines.has(foldCase(cleanLabel(p.text)))
}

/** Ends with "?" (before closing quotes or brackets) and the next paragraph that is not a caption is labelled. */
function isAnsweredQuestion(paragraphs: ReadParagraph[], i: number): boolean {
  const text = paragraphs[i]?.text ?? ''
  if (!/\?[\s"'”’)\]»]*$/u.test(text)) return false
  const next = paragraphs.slice(i + 1).find((p) => p.role !== 'caption')
  return next !== undefined && (next.role === 'inline-label' || next.role === 'label-line')
}

/** Index of the paragraph holding `offset`; an offset between paragraphs belongs to the next one. */
function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number | null {
  let lo = 0
  let hi = paragraphs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((paragraphs[mid]?.end ?? 0) <= offset) lo = mid + 1
    else hi = mid
  }
  return lo < paragraphs.length ? lo : null
}

interface NameResolver {
  /** A label (or a name given by the caller) as the person's name is written in the text. */
  canonical(label: string): string
  readonly all: readonly string[]
}

/**
 * Names a label by the fullest spelling the text gives: "ANDERSON .PAAK" becomes "Anderson .Paak" as the
 * prose writes it, and a surname-only label ("PAAK", "SHIM") becomes the one full label it ends.
 */
function nameResolver(text: string, paragraphs: readonly ReadParagraph[]): NameResolver {
  const labels = [...new Set(paragraphs.flatMap((p) => (p.label === null ? [] : [p.label])))].sort()
  const full = new Map<string, string>()
  for (const label of labels.filter((l) => l.includes(' '))) full.set(foldCase(label), spelledName(text, label))
  const canonical = (label: string): string => {
    const clean = cleanLabel(label)
    const known = full.get(foldCase(clean))
    if (known !== undefined) return known
    if (!clean.includes(' ')) {
      const matches = new Set([...full.entries()].filter(([key]) => surnameOf(key) === surnameOf(foldCase(clean))).map(([, name]) => name))
      if (matches.size === 1) return [...matches][0] ?? clean
    }
    return spelledName(text, clean)
  }
  const all = [...new Set(labels.map(canonical))].sort()
  return { canonical, all }
}

/** The name as written in the text: the label itself if it has lower case, else its first mixed-case spelling. */
function spelledName(text: string, label: string): string {
  if (label !== label.toUpperCase()) return label
  const words = label.split(' ').map(escapeRegExp).join('\\s+')
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu')
  for (const m of text.matchAll(pattern)) if (m[0] !== m[0].toUpperCase()) return cleanLabel(m[0])
  return titleCase(label)
}

/** "ANDERSON .PAAK" → "Anderson .Paak": each word's first letter upper case, the rest lower. */
function titleCase(label: string): string {
  return label
    .toLowerCase()
    .split(' ')
    .map((word) => word.replace(/\p{L}/u, (c) => c.toUpperCase()))
    .join(' ')
}

function surnameOf(name: string): string {
  return (name.split(' ').at(-1) ?? '').replace(/^[^\p{L}]+/u, '')
}

function foldCase(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('en')
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The speaker lookup for one article. The interviewer is named only when the author is one of the
 * speakers the text labels (Collider's transcript labels "PERRI NEMIROFF:" once), which says the
 * unlabeled questions are theirs; a joint byline ("Keshia Hannam and Catherine Nguyen") names no one.
 */
export function articleSpeakers(text: string, kind: ArticleKind | '', author: string): (offset: number) => string | null {
  const plain = speakerMap(text, kind)
  const wanted = author.trim().toLocaleLowerCase('en')
  const interviewer = plain.names.find((name) => name.toLocaleLowerCase('en') === wanted)
  const map = interviewer === undefined ? plain : speakerMap(text, kind, { interviewer })
  return (offset) => map.at(offset)
}
