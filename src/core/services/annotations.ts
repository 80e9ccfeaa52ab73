// Annotation import requests: a W3C Web Annotation or Hypothesis file (see import/annotations.ts) becomes
// highlights on the articles its targets name, tags become themes and comments notes — all in one
// transaction, so an import is on disk whole or not at all. What cannot be placed is listed with why.
import { randomUUID } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { anchor, describeRange } from '../../shared/anchoring'
import type { AnnotationImportSummary, ParsedRequestOf, UnplacedAnnotation } from '../../shared/ipc/contract'
import type { Article, Highlight, Theme } from '../../shared/model'
import { themeNameKey } from '../../shared/theme-tree'
import { buildCodebook } from '../export/codebook'
import { parseLinerNotesUrl } from '../export/links'
import {
  codePointRange,
  noteFromComments,
  normalizedWebAddress,
  parseAnnotationFile,
  themePath,
  type AnnotationTarget,
  type ParsedAnnotation
} from '../import/annotations'
import { LibraryError } from '../library/errors'
import type { LibraryStore, StoredText, Transaction } from '../library/store'
import { ArticleTexts, shownText } from './article-texts'
import type { ExportEffects } from './exports'
import { requireArticle } from './records'
import { defaultColor } from './themes'
import { siblingNamed } from './theme-tree'

/** The contract's own cap on the text of an import request; a chosen file larger than this is refused unread. */
const MAX_FILE_BYTES = 200 * 1024 * 1024

export function annotationServices(store: LibraryStore, effects: ExportEffects) {
  async function importAnnotations(json: string, articleId: string | undefined): Promise<AnnotationImportSummary> {
    await store.whenLoaded()
    const named = articleId === undefined ? null : requireArticle(store, articleId)
    const annotations = parseAnnotationFile(json)
    const finder = articleFinder(store.articles())
    const candidates = annotations.map((a) => a.targets.map((t) => (named ? [named] : finder(t.source, a.id))))

    // Texts are read before the transaction (reading is async, a change is not); the correction is taken from the draft.
    const texts = new ArticleTexts(store)
    const originals = new Map<string, StoredText>()
    const titles = new Map<string, string>()
    for (const article of new Set(candidates.flat(2))) {
      originals.set(article.id, await texts.original(article))
      titles.set(article.id, await texts.titleOf(article))
    }
    return store.transact((tx) => {
      const importer = new Importer(tx, originals, titles)
      annotations.forEach((annotation, i) => importer.add(annotation, candidates[i] ?? []))
      return importer.summary()
    })
  }

  return {
    'annotations:import': async ({ json, articleId }: ParsedRequestOf<'annotations:import'>): Promise<AnnotationImportSummary> =>
      importAnnotations(json, articleId),

    'annotations:choose': async ({ articleId }: ParsedRequestOf<'annotations:choose'>): Promise<AnnotationImportSummary | null> => {
      if (!effects.dialogs) throw new LibraryError('conflict', 'There is no file dialog here to choose the annotations to import.')
      if (articleId !== undefined) requireArticle(store, articleId)
      const path = await effects.dialogs.chooseOpenPath({
        title: 'Import annotations',
        filters: [{ name: 'Web Annotations or Hypothesis export (JSON)', extensions: ['json', 'jsonld'] }]
      })
      if (path === null) return null
      const unreadable = (error: unknown): never => {
        throw new LibraryError('not-found', `${path} could not be read (${error instanceof Error ? error.message : String(error)}).`)
      }
      const size = await stat(path).then((s) => s.size, unreadable)
      if (size > MAX_FILE_BYTES) throw new LibraryError('invalid-request', 'This file is larger than 200 MB, more than one import of annotations takes.')
      return importAnnotations(await readFile(path, 'utf8').catch(unreadable), articleId)
    }
  }
}

/**
 * The articles a target's source names: a liner-notes:// address or an article id names one; a web
 * address names every article at that address (normally one). The annotation's own id breaks a tie, and
 * stands in when the address names none: our export names each annotation
 * liner-notes://open/<article>/<highlight>, and a copy of the library may not know the article's address.
 */
function articleFinder(articles: readonly Article[]): (source: string | null, annotationId: string | null) => Article[] {
  const byId = new Map(articles.map((a) => [a.id, a]))
  const byAddress = new Map<string, Article[]>()
  for (const article of articles) {
    const address = article.meta.url ? normalizedWebAddress(article.meta.url) : null
    if (address !== null) byAddress.set(address, [...(byAddress.get(address) ?? []), article])
  }
  return (source, annotationId) => {
    if (source === null) return []
    const direct = byId.get(parseLinerNotesUrl(source)?.articleId ?? source)
    if (direct) return [direct]
    const address = normalizedWebAddress(source)
    const found = address === null ? [] : (byAddress.get(address) ?? [])
    const preferred = annotationId === null ? undefined : parseLinerNotesUrl(annotationId)?.articleId
    const own = preferred === undefined ? undefined : byId.get(preferred)
    if (found.length === 0) return own ? [own] : []
    return [...found].sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred))
  }
}

/** One import's work inside its transaction: placing each annotation, finding or creating its themes, counting. */
class Importer {
  private readonly unplaced: UnplacedAnnotation[] = []
  private highlights = 0
  private notes = 0
  private themesCreated = 0
  /** Theme ids by the tag's name key, so a tag used a thousand times is looked up once. */
  private readonly themeIds = new Map<string, string | null>()
  /** Each article's highlighted ranges ("start:end"), read once and kept up to date, so a large import stays linear. */
  private readonly ranges = new Map<string, Set<string>>()
  /** Existing themes by their full path ("heritage/Korean roots"), for a name that itself holds a slash. */
  private readonly byPath: Map<string, string>

  constructor(
    private readonly tx: Transaction,
    private readonly originals: ReadonlyMap<string, StoredText>,
    private readonly titles: ReadonlyMap<string, string>
  ) {
    const themes = tx.themes()
    const codebook = buildCodebook(themes)
    this.byPath = new Map(themes.map((t) => [themeNameKey(codebook.pathName(t.id)), t.id]))
  }

  add(annotation: ParsedAnnotation, candidates: readonly Article[][]): void {
    const skip = (reason: string, target?: AnnotationTarget): void => {
      this.unplaced.push({ annotation: annotation.label, quote: target?.quote?.exact ?? null, reason })
    }
    if (annotation.problem !== null) return skip(annotation.problem)
    if (annotation.targets.length === 0) return skip('it has no target, so it names no words in any article')
    annotation.targets.forEach((target, i) => {
      const reason = this.place(annotation, target, candidates[i] ?? [])
      if (reason !== null) skip(reason, target)
    })
  }

  summary(): AnnotationImportSummary {
    return { highlights: this.highlights, themesCreated: this.themesCreated, notes: this.notes, unplaced: this.unplaced }
  }

  /** Places one target as a highlight; answers why not, or null when it was placed. */
  private place(annotation: ParsedAnnotation, target: AnnotationTarget, articles: readonly Article[]): string | null {
    if (articles.length === 0) {
      return target.source === null
        ? 'it does not say which article it belongs to; import it again naming the article'
        : `no article in the library has the address ${target.source}; import it again naming the article`
    }
    if (target.quote === null && target.position === null) {
      return 'it marks no words (it has no TextQuoteSelector or TextPositionSelector), so there is nothing to highlight'
    }
    let reason = ''
    for (const candidate of articles) {
      const article = this.tx.article(candidate.id)
      const original = this.originals.get(candidate.id)
      const title = this.titles.get(candidate.id) ?? candidate.id
      if (!article || !original) continue
      const { text } = shownText(article, original)
      if (text === null) {
        reason ||= `the text of “${title}” is missing from the library folder`
        continue
      }
      const range = locate(text, target)
      if (range === null) {
        reason ||= `its words are not in “${title}”`
        continue
      }
      const taken = this.rangesOf(article.id)
      const key = `${range.start}:${range.end}`
      if (taken.has(key)) return 'already in the library'
      taken.add(key)
      this.create(annotation, article.id, describeRange(text, range.start, range.end))
      return null
    }
    return reason || 'the article it names is no longer in the library'
  }

  private rangesOf(articleId: string): Set<string> {
    let ranges = this.ranges.get(articleId)
    if (!ranges) {
      ranges = new Set(this.tx.highlightsOf(articleId).map((h) => `${h.position.start}:${h.position.end}`))
      this.ranges.set(articleId, ranges)
    }
    return ranges
  }

  private create(annotation: ParsedAnnotation, articleId: string, selectors: Pick<Highlight, 'quote' | 'position'>): void {
    const now = this.tx.now
    const note = noteFromComments(annotation.comments)
    const themeIds = [...new Set(annotation.tags.map((tag) => this.themeFor(tag)).filter((id) => id !== null))]
    const createdAt = isoTime(annotation.created) ?? now
    this.tx.putHighlight({
      id: `hl-${randomUUID()}`,
      articleId,
      ...selectors,
      color: null,
      themeIds,
      note,
      createdAt,
      updatedAt: isoTime(annotation.modified) ?? createdAt
    })
    this.highlights++
    if (note !== null) this.notes++
  }

  /**
   * The theme a tag names: an existing theme with that full path, else the path walked from the top, each
   * step matched by sameThemeName (siblingNamed) or created with the palette colour themes:create gives.
   */
  private themeFor(tag: string): string | null {
    const key = themeNameKey(tag)
    const known = this.themeIds.get(key)
    if (known !== undefined) return known
    let id: string | null = this.byPath.get(key) ?? null
    if (id === null) {
      for (const name of themePath(tag)) id = (siblingNamed(this.tx.themes(), id, name, new Set()) ?? this.createTheme(name, id)).id
    }
    this.themeIds.set(key, id)
    return id
  }

  private createTheme(name: string, parentId: string | null): Theme {
    const now = this.tx.now
    const theme: Theme = { id: `theme-${randomUUID()}`, name, color: defaultColor(this.tx.themes()), description: '', parentId, createdAt: now, updatedAt: now }
    this.tx.putTheme(theme)
    this.themesCreated++
    return theme
  }
}

/**
 * Where a target's words are in `text`. The position is tried as the file gives it (UTF-16 units, as our
 * export and Hypothesis write) and as W3C code points; where neither holds the quote, the quote is
 * anchored as a highlight is (quote and context, then fuzzy). A position without a quote is taken in
 * code points, as the W3C model counts.
 */
function locate(text: string, { quote, position }: AnnotationTarget): { start: number; end: number } | null {
  const asPoints = position && /[\uD800-\uDBFF]/.test(text) ? codePointRange(text, position.start, position.end) : position
  if (quote === null) return asPoints && asPoints.end <= text.length ? asPoints : null
  // Positions count code points (§4.2.5): read so first; as UTF-16 units for files that count those.
  for (const range of [asPoints, position]) {
    if (range && text.slice(range.start, range.end) === quote.exact) return range
  }
  const hint = position ?? { start: 0, end: quote.exact.length }
  const found = anchor(text, { quote: { type: 'TextQuoteSelector', ...quote }, position: { type: 'TextPositionSelector', ...hint } })
  return found === null ? null : { start: found.start, end: found.end }
}

/** A time the file gives, as the ISO 8601 the library keeps; null when there is none or it cannot be read. */
function isoTime(value: string | null): string | null {
  if (value === null) return null
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString()
}
