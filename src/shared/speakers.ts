// Who says the words at a place in an interview, so a quotation can be cited as "— Anderson .Paak, in
// Collider" rather than as the outlet's. Pure: reads the speaker labels the text itself carries.
//
// Two layouts occur in the archive. A transcript labels each answer at the start of its paragraph
// ("PAAK: It all started…") and leaves the interviewer's questions unlabeled; a written Q&A puts a label
// on a line of its own ("Anderson .Paak:") that governs the paragraphs after it until the next label.
// A wrong name under a quotation is worse than none, so anything the labels do not settle is null.
//
// What interrupts an answer and what ends it:
// - a photo caption or a pull quote interrupts: it is nobody's, and the answer resumes after it;
// - a heading, an editor's note or a closing tagline ends it: nothing after is anyone's until a label.
// In a transcript, an unlabeled paragraph after an answer goes on with that answer when it is long enough
// to be one and is not itself a prompt (a paragraph the next label answers is the interviewer's: their
// question or reaction); a short line ("That ensemble is wild.") could be anyone's and ends the answer.
import type { Article, ArticleKind, Highlight } from './model'
import { speakerLabelLength, splitParagraphs, type Paragraph } from './text'

/** How an imported article marks its lines (by line number), as the reader shows them. */
export type LineKinds = Readonly<Record<string, 'heading' | 'quote' | 'list-item'>>

export interface SpeakerOptions {
  /**
   * The interviewer, whose questions a transcript leaves unlabeled. When given, an unlabeled paragraph
   * that ends with a question mark and is answered by the next labelled paragraph is theirs: in the
   * archive's transcript that rule picks out every question and nothing else.
   */
  interviewer?: string
  /** The text's marked headings and quotes, when the import kept them: a heading ends an answer, a quote interrupts it. */
  kinds?: LineKinds
}

/** One speaker's part of a passage: [start, end) in UTF-16 code units, without any speaker label. */
export interface Voice {
  start: number
  end: number
  speaker: string | null
}

export interface SpeakerMap {
  /** The speaker of the words at `offset` (UTF-16 code units), or null when the text does not say. */
  at(offset: number): string | null
  /**
   * The passage [start, end) cut where the speaker changes, in order. Speaker labels are not quoted
   * words, so they are left out ("SHIM: Producer 101" quotes "Producer 101"), and so are blank lines at
   * a cut. A passage of nothing but a label is one voice over the whole of it.
   */
  voices(start: number, end: number): Voice[]
  /** Every labelled speaker's name, as written in the text, sorted. */
  readonly names: readonly string[]
}

/** The speaker of the words at `offset` in an interview; null for other kinds or when unknown. */
export function speakerAt(text: string, offset: number, kind: ArticleKind | '', options: SpeakerOptions = {}): string | null {
  return speakerMap(text, kind, options).at(offset)
}

const NOBODY: SpeakerMap = { at: () => null, voices: (start, end) => [{ start, end, speaker: null }], names: [] }

/**
 * Reads the labels once, for looking up many offsets of the same text (an export attributes every
 * highlight of an article with one map).
 */
export function speakerMap(text: string, kind: ArticleKind | '', options: SpeakerOptions = {}): SpeakerMap {
  if (kind !== 'interview') return NOBODY
  const paragraphs = readParagraphs(text, options.kinds)
  // A Q&A label line that lost its colon ("Anderson .Paak " before the last answer) is a label line too.
  const labelLines = new Set(paragraphs.filter((p) => p.role === 'label-line').map((p) => foldCase(p.label ?? '')))
  for (const p of paragraphs) {
    if (p.role !== 'label-line' && p.role !== 'inline-label' && labelLines.has(foldCase(cleanLabel(p.text)))) {
      Object.assign(p, { role: 'label-line', label: cleanLabel(p.text), labelLength: p.text.length })
    }
  }
  const names = nameResolver(text, paragraphs)
  const interviewer = options.interviewer === undefined ? null : names.canonical(options.interviewer)
  const speakers = attribute(paragraphs, names, interviewer)
  const at = (offset: number): string | null => {
    const i = paragraphIndexAt(paragraphs, offset)
    return i === null ? null : (speakers[i] ?? null)
  }
  return {
    at,
    voices: (start, end) => voicesOf(paragraphs, speakers, start, end),
    names: names.all
  }
}

function voicesOf(paragraphs: readonly ReadParagraph[], speakers: readonly (string | null)[], start: number, end: number): Voice[] {
  const voices: Voice[] = []
  const first = paragraphIndexAt(paragraphs, start)
  for (let i = first ?? paragraphs.length; i < paragraphs.length; i++) {
    const p = paragraphs[i]!
    if (p.start >= end) break
    if (p.role === 'label-line') continue
    const from = Math.max(start, p.start + p.labelLength)
    // A line's trailing spaces (the archive's labels and paragraphs end in no-break spaces) are not quoted.
    const to = Math.min(end, p.start + p.text.trimEnd().length)
    if (from >= to) continue
    const speaker = speakers[i] ?? null
    const last = voices.at(-1)
    if (last && last.speaker === speaker) last.end = to
    else voices.push({ start: from, end: to, speaker })
  }
  return voices.length > 0 ? voices : [{ start, end, speaker: null }]
}

type Role = 'label-line' | 'inline-label' | 'caption' | 'pull-quote' | 'heading' | 'note' | 'speech'

interface ReadParagraph extends Paragraph {
  role: Role
  /** The label as written, without the colon and surrounding space; null when unlabeled. */
  label: string | null
  /** Characters of the label and the space after it at the paragraph's start; 0 when unlabeled. */
  labelLength: number
}

/**
 * Photo credits sit between an answer and the next question ("Image by Photagonist at TIFF",
 * "… Film Still (Photo by Jake Giles Netter)", "(REUTERS/Carlos Osorio)"); they belong to nobody.
 */
const CAPTION_START = /^(?:image|photo|photograph)s?\s+(?:by|via|courtesy|credit)\b/i
const CAPTION_CREDIT = /\((?:[^()]*\b(?:photo|photograph|image|credit|courtesy)\b[^()]*)\)\s*$/i
const CAPTION_AGENCY = /\([A-Z]{2,}\/[^()]+\)\s*$/
/** An editor's note or acknowledgement: about the piece, said by nobody in it. */
const NOTE =
  /^[\s([*†]*(?:editor[’']?s[\s\u00a0]+note\b|note:|special thanks\b|this (?:interview|conversation|q&a) (?:has been|was|is) (?:edited|condensed|lightly)|(?:interview|conversation) (?:has been |was )?(?:edited|condensed)\b)/iu
/** A paragraph wholly inside quotation marks, short enough to be set apart from the text: a pull quote. */
const PULL_QUOTE = /^\s*[“"‘'«][^\n]*[”"’'»]\s*$/u
const PULL_QUOTE_WORDS = 40
/** A line with no closing punctuation whose words are mostly capitalised: a heading. */
const HEADING_WORDS = 14
/** Shorter unlabeled paragraphs could be anyone's: they do not carry on an answer. */
const ANSWER_WORDS = 12
/** Words of someone speaking: a line with none of them, after the last answer, is the publication's. */
const PERSONAL = /(?<![\p{L}\p{N}])(?:i|i['’](?:m|ve|d|ll)|me|my|mine|we|we['’](?:re|ve|d|ll)|us|our|you|you['’](?:re|ve|d|ll)|your)(?![\p{L}\p{N}])/iu

function readParagraphs(text: string, kinds: LineKinds | undefined): ReadParagraph[] {
  let line = 0
  let at = 0
  return splitParagraphs(text).map((p) => {
    for (; at < p.start; at++) if (text.charCodeAt(at) === 10) line++
    return readParagraph(p, kinds?.[String(line)])
  })
}

function readParagraph(p: Paragraph, marked: LineKinds[string] | undefined): ReadParagraph {
  const length = speakerLabelLength(p.text)
  if (length > 0) {
    const label = cleanLabel(p.text.slice(0, length).replace(/:\s*$/, ''))
    const rest = p.text.slice(length)
    const labelLength = length + (rest.length - rest.trimStart().length)
    return { ...p, label, labelLength, role: rest.trim() === '' ? 'label-line' : 'inline-label' }
  }
  return { ...p, label: null, labelLength: 0, role: roleOf(p.text, marked) }
}

function roleOf(text: string, marked: LineKinds[string] | undefined): Role {
  if (CAPTION_START.test(text) || CAPTION_CREDIT.test(text) || CAPTION_AGENCY.test(text)) return 'caption'
  if (NOTE.test(text)) return 'note'
  if (marked === 'heading') return 'heading'
  if (marked === 'quote' || (PULL_QUOTE.test(text) && wordCount(text) <= PULL_QUOTE_WORDS)) return 'pull-quote'
  if (looksLikeHeading(text)) return 'heading'
  return 'speech'
}

/** Words a heading may leave in lower case. */
const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'as', 'from', 'into', 'vs', 'via'])

function looksLikeHeading(text: string): boolean {
  const trimmed = text.trim().replace(/[”"’'»)\]]+$/u, '')
  if (/[.!?…:;,]$/u.test(trimmed)) return false
  const words = trimmed.split(/\s+/u).filter((w) => /\p{L}/u.test(w))
  if (words.length < 2 || words.length > HEADING_WORDS) return false
  const capitalised = words.filter((w) => MINOR_WORDS.has(w.toLowerCase()) || /^[^\p{L}]*\p{Lu}/u.test(w))
  return capitalised.length === words.length
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

/** Collapses spaces (the archive's labels carry no-break spaces) so equal labels compare equal. */
function cleanLabel(label: string): string {
  return label.replace(/\s+/gu, ' ').trim()
}

interface Turn {
  speaker: string
  /** A written Q&A's turn lasts until the next label; a transcript's is carried on paragraph by paragraph. */
  layout: 'qa' | 'transcript'
}

function attribute(paragraphs: ReadParagraph[], names: NameResolver, interviewer: string | null): (string | null)[] {
  let turn: Turn | null = null
  return paragraphs.map((p, i) => {
    if (p.role === 'caption' || p.role === 'pull-quote') return null
    if (p.role === 'heading' || p.role === 'note') {
      turn = null
      return null
    }
    if (p.role === 'label-line') {
      turn = { speaker: names.canonical(p.label ?? p.text), layout: 'qa' }
      return turn.speaker
    }
    if (p.role === 'inline-label') {
      turn = { speaker: names.canonical(p.label ?? ''), layout: 'transcript' }
      return turn.speaker
    }
    if (turn !== null && carriesOn(turn, paragraphs, i)) return turn.speaker
    turn = null
    return interviewer !== null && isAnsweredQuestion(paragraphs, i) ? interviewer : null
  })
}

/** Whether an unlabeled paragraph goes on with the answer before it (see the module note). */
function carriesOn(turn: Turn, paragraphs: readonly ReadParagraph[], i: number): boolean {
  const p = paragraphs[i]!
  const next = paragraphs.slice(i + 1).find((q) => q.role !== 'caption' && q.role !== 'pull-quote')
  // A short last line after the final answer that speaks as nobody (no I, we or you) is a tagline
  // ("K-Pops! is in theaters now."), not the answer's end.
  const tagline = next === undefined && wordCount(p.text) < ANSWER_WORDS && !PERSONAL.test(p.text)
  if (turn.layout === 'qa') return !tagline
  if (tagline || wordCount(p.text) < ANSWER_WORDS) return false
  return next === undefined || (next.role !== 'inline-label' && next.role !== 'label-line')
}

/** Ends with "?" (before closing quotes or brackets) and the next paragraph that is not a caption is labelled. */
function isAnsweredQuestion(paragraphs: ReadParagraph[], i: number): boolean {
  const text = paragraphs[i]?.text ?? ''
  if (!/\?[\s"'”’)\]»]*$/u.test(text)) return false
  const next = paragraphs.slice(i + 1).find((p) => p.role !== 'caption' && p.role !== 'pull-quote')
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
export function articleSpeakers(text: string, kind: ArticleKind | '', author: string, kinds?: LineKinds): (offset: number) => string | null {
  const map = articleSpeakerMap(text, kind, author, kinds)
  return (offset) => map.at(offset)
}

/** The speaker map of one article, its interviewer named as `articleSpeakers` does. */
export function articleSpeakerMap(text: string, kind: ArticleKind | '', author: string, kinds?: LineKinds): SpeakerMap {
  const plain = speakerMap(text, kind, kinds ? { kinds } : {})
  const wanted = author.trim().toLocaleLowerCase('en')
  const interviewer = plain.names.find((name) => name.toLocaleLowerCase('en') === wanted)
  return interviewer === undefined ? plain : speakerMap(text, kind, { interviewer, ...(kinds ? { kinds } : {}) })
}

/** A speaker set by hand on a highlight: a name, or null for "nobody"; absent, the text decides. */
export interface SpeakerByHand {
  name: string | null
}

/**
 * Who says a highlighted passage [start, end): the text's voices, or the user's word for the whole
 * passage when they set one by hand (the user has the last word).
 */
export function passageVoices(map: SpeakerMap, start: number, end: number, byHand?: SpeakerByHand): Voice[] {
  const voices = map.voices(start, end)
  if (byHand === undefined) return voices
  return [{ start: voices[0]?.start ?? start, end: voices.at(-1)?.end ?? end, speaker: byHand.name }]
}

/** The named speakers of a passage's voices, each once, in order. */
export function voiceNames(voices: readonly Voice[]): string[] {
  return [...new Set(voices.flatMap((v) => (v.speaker === null ? [] : [v.speaker])))]
}

/** The speaker map of the text an article shows: its marked lines count only while the original is shown. */
export function speakerMapOfArticle(article: Pick<Article, 'meta' | 'correctedText' | 'kinds'>, text: string): SpeakerMap {
  return articleSpeakerMap(text, article.meta.kind, article.meta.author, article.correctedText === null ? article.kinds : undefined)
}

/** Who says a highlight at its stored place in the current text, the user's word first; each once. */
export function highlightSpeakers(map: SpeakerMap, highlight: Pick<Highlight, 'position' | 'speaker'>): string[] {
  return voiceNames(passageVoices(map, highlight.position.start, highlight.position.end, highlight.speaker))
}
