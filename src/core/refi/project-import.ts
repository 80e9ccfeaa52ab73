// A REFI-QDA project or codebook from another tool (or from Liner Notes) into the library, in one
// transaction: every source an article made as any import makes one (its text file kept byte for byte
// with its SHA-256), every code a theme, every coded selection a highlight placed by the usual anchoring
// (the offsets first, the words they select after), every note a highlight note, an article memo or a
// free-standing note. A file that cannot be read, or a write that fails, leaves the library as it was.
import { randomUUID } from 'node:crypto'
import { anchor, describeRange } from '../../shared/anchoring'
import type { ImportOutcome } from '../../shared/ipc/contract'
import type { ProjectImportReport, ThemeClash } from '../../shared/ipc/imports'
import type { Article, Highlight, Note, Theme } from '../../shared/model'
import { noteText, type NoteDoc } from '../../shared/note-doc'
import { codePointRange, noteFromComments } from '../import/annotations'
import { decodeText } from '../import/formats/txt'
import { articleWithBytes, prepareArticle, type ImportFile, type PreparedArticle } from '../import/import-files'
import { ImportRefused, type Extracted, type ImportLimits } from '../import/types'
import { sha256Hex } from '../library/hash'
import { factsOf, type LibraryStore, type Transaction } from '../library/store'
import { shownText } from '../services/article-texts'
import { defaultColor } from '../services/themes'
import { siblingNamed } from '../services/theme-tree'
import type { ParsedCode } from './codebook'
import { readCodebookFile, readProjectFile, type ParsedNote, type ParsedProject, type ParsedSelection, type ParsedSource } from './project-read'

export const REFI_EXTENSIONS = ['qdpx', 'qdc'] as const

/** 'qdpx' or 'qdc' for a REFI-QDA file's name, else null. */
export function refiKind(name: string): 'qdpx' | 'qdc' | null {
  const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase()
  return extension === 'qdpx' || extension === 'qdc' ? extension : null
}

export interface RefiImportOptions {
  themes: ThemeClash
  limits: ImportLimits
}

export interface RefiImportResult {
  outcomes: ImportOutcome[]
  /** Null when the file was refused as a whole (its one outcome says why). */
  report: ProjectImportReport | null
}

/** Where each source's passages go: a new article, or the one already holding the same text file. */
interface SourcePlan {
  source: ParsedSource
  label: string
  /** The text as the file has it (line ends as written), which the file's offsets may count in. */
  raw: string
  /** The same with every line end a "\n": the text of a new article. */
  normalized: string
  prepared: PreparedArticle | null
  existing: Article | null
  /** The existing article's shown text; the new article's is `normalized`. */
  text: string | null
}

export async function importRefiFile(store: LibraryStore, file: ImportFile, options: RefiImportOptions): Promise<RefiImportResult> {
  const refused = (message: string): RefiImportResult => ({ outcomes: [{ file: file.name, status: 'refused', articleId: null, title: null, message }], report: null })
  if (file.bytes.byteLength > options.limits.maxFileBytes) {
    return refused(`${file.name} is larger than ${Math.round(options.limits.maxFileBytes / 1024 / 1024)} MB, the most Liner Notes imports at once; it was not read.`)
  }
  let project: ParsedProject
  try {
    project = refiKind(file.name) === 'qdc' ? readCodebookFile(file.name, file.bytes) : readProjectFile(file.name, file.bytes, options.limits)
  } catch (error) {
    if (error instanceof ImportRefused) return refused(error.message)
    throw error
  }
  await store.whenLoaded()
  const outcomes: ImportOutcome[] = []
  const plans = await planSources(store, file.name, project, outcomes)
  const written: PreparedArticle[] = []
  try {
    for (const plan of plans) {
      if (plan.prepared) {
        written.push(plan.prepared)
        await plan.prepared.write()
      }
    }
    const report = await store.transact((tx) => new ProjectWriter(tx, project, file.name, options.themes).write(plans))
    for (const plan of plans) outcomes.push(outcomeOf(plan))
    return { outcomes: [...outcomes.filter((o) => o.status === 'refused'), ...outcomes.filter((o) => o.status !== 'refused')], report }
  } catch (error) {
    for (const prepared of written) await prepared.discard()
    return refused(`${file.name} could not be imported (${(error as Error).message}); nothing was changed.`)
  }
}

async function planSources(store: LibraryStore, fileName: string, project: ParsedProject, outcomes: ImportOutcome[]): Promise<SourcePlan[]> {
  const plans: SourcePlan[] = []
  const bySha = new Map<string, SourcePlan>()
  for (const source of project.sources) {
    const label = `${fileName} › ${source.name || source.fileName}`
    const refuse = (why: string): void => void outcomes.push({ file: label, status: 'refused', articleId: null, title: null, message: `“${source.name || source.fileName}” was not imported: ${why}.` })
    if (source.bytes === null) {
      refuse(source.problem ?? 'its text could not be found')
      continue
    }
    let raw: string
    try {
      raw = decodeText({ name: source.fileName, bytes: source.bytes })
    } catch (error) {
      refuse(error instanceof ImportRefused ? 'its text file does not hold text' : (error as Error).message)
      continue
    }
    const normalized = raw.replace(/\r\n?/g, '\n')
    if (normalized.trim() === '') {
      refuse('its text is empty')
      continue
    }
    const sha = sha256Hex(source.bytes)
    const twin = bySha.get(sha)
    const existing = twin?.prepared?.article ?? twin?.existing ?? articleWithBytes(store.articles(), sha) ?? null
    let plan: SourcePlan
    if (existing) {
      const text = twin ? twin.text ?? twin.normalized : shownText(existing, await store.readOriginal(existing)).text
      plan = { source, label, raw, normalized, prepared: null, existing, text }
    } else {
      const extracted: Extracted = { format: 'txt', text: normalized, kinds: normalized.split('\n').map(() => 'paragraph'), meta: metaOf(source) }
      plan = { source, label, raw, normalized, prepared: prepareArticle(store, { name: source.fileName, bytes: source.bytes }, extracted, sha), existing: null, text: normalized }
    }
    bySha.set(sha, plan)
    plans.push(plan)
  }
  return plans
}

function outcomeOf(plan: SourcePlan): ImportOutcome {
  const article = plan.prepared?.article ?? plan.existing
  const title = article?.meta.title || null
  if (plan.prepared) return { file: plan.label, status: 'imported', articleId: article?.id ?? null, title, message: '' }
  return { file: plan.label, status: 'duplicate', articleId: article?.id ?? null, title, message: `Its text is already in your library as “${title ?? article?.id}”; its coded passages were placed there.` }
}

/** An article's details from the source's name and the variables named like them (Liner Notes writes Title, Outlet, Author, Date, URL, Kind). */
function metaOf(source: ParsedSource): Extracted['meta'] {
  const variable = (name: string): string | undefined => [...source.variables].find(([key]) => key.toLowerCase() === name)?.[1]
  const kind = variable('kind')
  return {
    title: variable('title') ?? source.name,
    ...(variable('outlet') ? { outlet: variable('outlet') } : {}),
    ...(variable('author') ? { author: variable('author') } : {}),
    ...(variable('date') ? { date: variable('date')?.slice(0, 10) } : {}),
    ...(variable('url') ? { url: variable('url') } : {}),
    ...(kind === 'interview' || kind === 'review' || kind === 'news' || kind === 'feature' ? { kind } : {})
  }
}

/** The library's changes for one project, made inside its transaction. */
class ProjectWriter {
  private readonly report: ProjectImportReport
  /** Theme ids by code GUID key. */
  private readonly themeOf = new Map<string, string>()
  private readonly usedNotes = new Set<string>()
  /** Codings whose code the codebook does not have. */
  private unknownCodes = 0

  constructor(
    private readonly tx: Transaction,
    private readonly project: ParsedProject,
    file: string,
    private readonly clash: ThemeClash
  ) {
    this.report = {
      file,
      kind: project.kind,
      name: project.name,
      themesCreated: 0,
      themesMerged: [],
      themesRenamed: [],
      highlights: 0,
      notes: 0,
      unplaced: [],
      notCarried: [...project.notCarried]
    }
  }

  write(plans: readonly SourcePlan[]): ProjectImportReport {
    for (const code of this.project.codes) this.addCode(code, null)
    for (const plan of plans) this.addSource(plan)
    this.addFreeNotes()
    if (this.unknownCodes > 0) {
      this.report.notCarried.push(`${this.unknownCodes === 1 ? 'A coding names a code' : `${this.unknownCodes} codings name codes`} the project's codebook does not have; those passages were kept without them.`)
    }
    return this.report
  }

  // ---- Codes ----

  private addCode(code: ParsedCode, parentId: string | null): void {
    const name = (code.name || 'Untitled code').slice(0, 80).trim()
    const same = siblingNamed(this.tx.themes(), parentId, name, new Set())
    let theme: Theme
    if (same && this.clash === 'merge') {
      theme = same
      this.report.themesMerged.push(name)
    } else {
      const kept = same ? this.freeName(name, parentId) : name
      if (same) this.report.themesRenamed.push({ from: name, to: kept })
      const now = this.tx.now
      theme = {
        id: `theme-${randomUUID()}`,
        name: kept,
        color: code.color ?? defaultColor(this.tx.themes()),
        description: code.description.slice(0, 500),
        parentId,
        createdAt: now,
        updatedAt: now
      }
      if (code.description.length > 500) this.report.notCarried.push(`The description of “${name}” beyond its first 500 characters: a theme's description holds 500.`)
      this.tx.putTheme(theme)
      this.report.themesCreated++
    }
    if (code.key !== '') this.themeOf.set(code.key, theme.id)
    for (const child of code.children) this.addCode(child, theme.id)
  }

  /** "heritage (imported)", or "(imported 2)" and on when that too is taken. */
  private freeName(name: string, parentId: string | null): string {
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? ' (imported)' : ` (imported ${n})`
      const candidate = `${name.slice(0, 80 - suffix.length).trimEnd()}${suffix}`
      if (!siblingNamed(this.tx.themes(), parentId, candidate, new Set())) return candidate
    }
  }

  // ---- Sources and their passages ----

  private addSource(plan: SourcePlan): void {
    const { source } = plan
    let article = plan.existing ? this.tx.article(plan.existing.id) : plan.prepared?.article ?? null
    if (article === null || plan.text === null) {
      for (const selection of source.selections) this.unplaced(plan, selection, 'the text of the article it matches is missing from the library folder')
      return
    }
    if (plan.prepared) {
      const memo = this.combine([...(source.description ? [this.plainDoc(source.description)] : []), ...source.noteRefs.map((ref) => this.noteDoc(ref))])
      const created = isoTime(source.created)
      article = { ...article, memo, ...(created ? { addedAt: created } : {}) }
      this.tx.putArticle(article)
      if (memo) this.report.notes++
    }
    const ranges = this.selectionRanges(plan)
    // Tools write one selection per code on the same words (MAXQDA, ATLAS.ti); the library keeps one highlight with all their themes.
    const byRange = new Map<string, { range: { start: number; end: number }; selections: ParsedSelection[] }>()
    source.selections.forEach((selection, i) => {
      const range = ranges[i]
      if (range === null || range === undefined) return
      const placed = this.place(plan, selection, range)
      if (placed === null) return
      const key = `${placed.start}:${placed.end}`
      const group = byRange.get(key) ?? { range: placed, selections: [] }
      group.selections.push(selection)
      byRange.set(key, group)
    })
    // Only an article already in the library can hold highlights on the same words (a new one's are grouped above).
    const existing = new Map(plan.existing ? this.tx.highlightsOf(article.id).map((h) => [`${h.position.start}:${h.position.end}`, h]) : [])
    for (const [key, { range, selections }] of byRange) this.putHighlight(article, plan.text, range, selections, existing.get(key))
  }

  /**
   * Each selection's range in the normalized text, or null (with the reason recorded). Positions count code
   * points of the text file as written (§10.2). A file with CRLF line ends may have been counted without
   * them by the tool that wrote it; of the two readings, the one whose passages start and end at word
   * boundaries more often is taken (the file as written on a tie).
   */
  private selectionRanges(plan: SourcePlan): ({ start: number; end: number } | null)[] {
    const { raw, normalized, source } = plan
    const lineEnds = crlfOffsets(raw)
    const asWritten = (s: ParsedSelection): { start: number; end: number } | null => {
      const units = s.start >= 0 && s.end > s.start ? codePointRange(raw, s.start, s.end) : null
      return units && { start: withoutCarriageReturns(lineEnds, units.start), end: withoutCarriageReturns(lineEnds, units.end) }
    }
    const asNormalized = (s: ParsedSelection): { start: number; end: number } | null => (s.start >= 0 && s.end > s.start ? codePointRange(normalized, s.start, s.end) : null)
    let read = asWritten
    if (raw.includes('\r\n')) {
      const score = (ranges: ({ start: number; end: number } | null)[]): number => ranges.reduce((sum, r) => sum + (r ? atBoundary(normalized, r.start) + atBoundary(normalized, r.end) : 0), 0)
      if (score(source.selections.map(asNormalized)) > score(source.selections.map(asWritten))) read = asNormalized
    }
    return source.selections.map((s) => {
      const range = read(s)
      if (range !== null) return range
      // No usable position: the selection's name, when it holds the words, is looked for instead.
      const words = s.name.trim()
      if (words.length >= 3) {
        const at = normalized.indexOf(words)
        if (at !== -1) return { start: at, end: at + words.length }
      }
      this.unplaced(plan, s, `its position (${s.start}–${s.end}) is not inside the text`)
      return null
    })
  }

  /** The range on the article's text: as computed for a new article; anchored by its words on an existing one. */
  private place(plan: SourcePlan, selection: ParsedSelection, range: { start: number; end: number }): { start: number; end: number } | null {
    if (plan.prepared || plan.text === plan.normalized) return range
    const selectors = describeRange(plan.normalized, range.start, range.end)
    const found = plan.text === null ? null : anchor(plan.text, selectors)
    if (found === null) {
      this.unplaced(plan, selection, `its words (“${shorten(selectors.quote.exact)}”) are not in the article already in the library`)
      return null
    }
    return { start: found.start, end: found.end }
  }

  private putHighlight(article: Article, text: string, range: { start: number; end: number }, selections: readonly ParsedSelection[], same: Highlight | undefined): void {
    const themeIds: string[] = []
    const missing: string[] = []
    for (const key of selections.flatMap((s) => s.codes)) {
      const id = this.themeOf.get(key)
      if (id === undefined) missing.push(key)
      else if (!themeIds.includes(id)) themeIds.push(id)
    }
    this.unknownCodes += missing.length
    const note = this.combine(selections.flatMap((s) => s.noteRefs).map((ref) => this.noteDoc(ref)))
    this.report.highlights++
    if (note) this.report.notes++
    if (same) {
      // The same words are already a highlight: it gains the themes (and, when it has none, the note).
      this.tx.putHighlight({ ...same, themeIds: [...new Set([...same.themeIds, ...themeIds])], note: same.note ?? note, updatedAt: this.tx.now })
      return
    }
    const created = isoTime(selections[0]?.created ?? null) ?? this.tx.now
    const highlight: Highlight = {
      id: `hl-${randomUUID()}`,
      articleId: article.id,
      ...describeRange(text, range.start, range.end),
      color: null,
      themeIds,
      note,
      createdAt: created,
      updatedAt: isoTime(selections[0]?.modified ?? null) ?? created
    }
    this.tx.putHighlight(highlight)
  }

  private unplaced(plan: SourcePlan, selection: ParsedSelection, why: string): void {
    const words = selection.name.trim() ? `“${shorten(selection.name)}”` : `a passage`
    this.report.unplaced.push(`${words} in “${plan.source.name || plan.source.fileName}”: ${why}.`)
  }

  // ---- Notes ----

  /** Liner Notes writes its notes as Markdown; other tools' notes are plain text. */
  private noteDoc(key: string): NoteDoc | null {
    const note = this.project.notes.get(key)
    if (!note) return null
    this.usedNotes.add(key)
    return this.docOf(note)
  }

  private docOf(note: ParsedNote): NoteDoc | null {
    const markdown = this.project.origin.startsWith('Liner Notes')
    return noteFromComments([{ value: note.text, format: markdown ? 'text/markdown' : 'text/plain' }])
  }

  private plainDoc(text: string): NoteDoc | null {
    return noteFromComments([{ value: text, format: 'text/plain' }])
  }

  private combine(docs: readonly (NoteDoc | null)[]): NoteDoc | null {
    const content = docs.flatMap((doc) => doc?.content ?? [])
    return content.length === 0 ? null : { type: 'doc', content }
  }

  /** Notes on the project, on codes, or on nothing: free-standing notes. The project's description is one too. */
  private addFreeNotes(): void {
    const now = this.tx.now
    const put = (title: string, doc: NoteDoc | null, created: string | null, modified: string | null): void => {
      if (doc === null) return
      const createdAt = isoTime(created) ?? now
      const note: Note = { id: `note-${randomUUID()}`, title: title.slice(0, 300), doc, facts: factsOf(noteText(doc)), createdAt, updatedAt: isoTime(modified) ?? createdAt }
      this.tx.putNote(note)
      this.report.notes++
    }
    if (this.project.description) put(this.project.name, this.plainDoc(this.project.description), null, null)
    for (const note of this.project.notes.values()) {
      if (!this.usedNotes.has(note.key)) put(note.name, this.docOf(note), note.created, note.modified)
    }
  }
}

/** Where each CRLF's "\r" is, in order. */
function crlfOffsets(raw: string): number[] {
  const offsets: number[] = []
  for (let at = raw.indexOf('\r\n'); at !== -1; at = raw.indexOf('\r\n', at + 2)) offsets.push(at)
  return offsets
}

/** A UTF-16 offset in text with CRLF line ends, as the same offset once each CRLF is a single "\n". */
function withoutCarriageReturns(crlfs: readonly number[], offset: number): number {
  let low = 0
  let high = crlfs.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((crlfs[mid] ?? 0) < offset) low = mid + 1
    else high = mid
  }
  return offset - low
}

/** 1 when the offset falls between a word and a non-word character (or at either end of the text). */
function atBoundary(text: string, offset: number): number {
  const word = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)
  return word(text[offset - 1]) !== word(text[offset]) || offset === 0 || offset === text.length ? 1 : 0
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length <= 60 ? line : `${line.slice(0, 59).trimEnd()}…`
}

function isoTime(value: string | null): string | null {
  if (value === null) return null
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString()
}
