// Highlights as W3C Web Annotations (Web Annotation Data Model, W3C Recommendation 23 February 2017,
// https://www.w3.org/TR/annotation-model/), the format annotation tools and servers exchange. The export
// is an AnnotationCollection (§5.1) holding all annotations in one embedded AnnotationPage (§5.2), the
// shape the Web Annotation Protocol serves; tools that want a plain list take `first.items`.
import { z } from 'zod'
import type { Article } from '../../shared/model'
import type { NoteDoc } from '../../shared/note-doc'
import { indexLibrary, type ExportSource, type PlacedHighlight } from './library-index'
import { linerNotesUrl } from './links'
import { writeMarkdown, root } from './markdown-syntax'
import { noteToMdast } from './note-markdown'
import { DEFAULT_CITATION_STYLE, quotationCitation, type CitationStyle } from '../../shared/citation'

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
export const COLLECTION_ID = 'liner-notes://annotations'

/** The motivations the model defines (§3.3.5); bodies use them as their `purpose`. */
export const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging'
] as const

/** An IRI (RFC 3987): a scheme, a colon, no spaces. */
const Iri = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/, 'Expected an IRI')
/** xsd:dateTime with a time zone, as §3.3.1 asks for `created`, `modified` and `generated`. */
const DateTime = z.iso.datetime({ offset: true })

export const TextQuoteSelectorSchema = z
  .object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string().min(1).optional(), suffix: z.string().min(1).optional() })
  .strict()

export const TextPositionSelectorSchema = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().min(0), end: z.number().int().min(0) })
  .strict()
  .refine((s) => s.start <= s.end, { message: 'A position selector ends at or after its start (§4.2.5)' })

/** An embedded textual body (§3.2.4), its role given by `purpose` (§3.3.5). */
export const TextualBodySchema = z
  .object({ type: z.literal('TextualBody'), value: z.string(), purpose: z.enum(MOTIVATIONS).optional(), format: z.string().min(1).optional() })
  .strict()

export const WebAnnotationSchema = z
  .object({
    '@context': z.literal(ANNOTATION_CONTEXT),
    id: Iri,
    type: z.literal('Annotation'),
    motivation: z.enum(MOTIVATIONS),
    created: DateTime.optional(),
    modified: DateTime.optional(),
    generator: z.object({ type: z.literal('Software'), name: z.string().min(1) }).strict().optional(),
    creator: z.object({ type: z.literal('Person'), name: z.string().min(1) }).strict().optional(),
    body: z.array(TextualBodySchema).min(1).optional(),
    target: z
      .object({
        source: Iri,
        // Several selectors are alternatives describing the same segment (§4.2).
        selector: z.array(z.union([TextQuoteSelectorSchema, TextPositionSelectorSchema])).min(1)
      })
      .strict(),
    /** An unanchored highlight: its words are not in the article's current text (only its quote is given). */
    'liner-notes:unanchored': z.literal(true).optional(),
    /** Quoted from the user's correction of the text (*Correct text*), not from the original. */
    'liner-notes:correctedText': z.literal(true).optional()
  })
  .strict()
export type WebAnnotation = z.infer<typeof WebAnnotationSchema>

export const AnnotationPageSchema = z
  .object({ id: Iri, type: z.literal('AnnotationPage'), partOf: Iri, startIndex: z.number().int().min(0), items: z.array(WebAnnotationSchema) })
  .strict()

export const AnnotationCollectionSchema = z
  .object({
    '@context': z.literal(ANNOTATION_CONTEXT),
    id: Iri,
    type: z.literal('AnnotationCollection'),
    label: z.string().min(1),
    total: z.number().int().min(0),
    generated: DateTime,
    generator: z.object({ type: z.literal('Software'), name: z.string().min(1) }).strict(),
    first: AnnotationPageSchema,
    last: Iri
  })
  .strict()
  .refine((c) => c.total === c.first.items.length, { message: 'total counts the annotations in the collection (§5.1)' })
export type AnnotationCollection = z.infer<typeof AnnotationCollectionSchema>

export interface WebAnnotationOptions {
  /** The export time (ISO 8601): the collection's `generated` (§3.3.1). */
  now: string
  /** How quotations inside notes are cited; default 'outlet-title-date'. */
  citationStyle?: CitationStyle
  /** The person credited as every annotation's `creator` (§3.3.1), when the user gives a name. */
  creator?: string
}

/** Every highlight as an Annotation, in library order, gathered in one AnnotationCollection. */
export function webAnnotationCollection(source: ExportSource, options: WebAnnotationOptions): AnnotationCollection {
  const index = indexLibrary(source)
  const style = options.citationStyle ?? DEFAULT_CITATION_STYLE
  // Each article's text, and whether it holds characters beyond the 16-bit range (looked at once).
  const texts = new Map<string, { text: string; astral: boolean } | null>()
  const textOf = (article: Article): { text: string; astral: boolean } | null => {
    if (!texts.has(article.id)) {
      const text = article.correctedText ?? source.texts.get(article.file) ?? null
      texts.set(article.id, text === null ? null : { text, astral: /[\uD800-\uDBFF]/.test(text) })
    }
    return texts.get(article.id) ?? null
  }
  const items = index.articleIds.flatMap((id) => index.article(id)?.highlights.map((h) => annotation(h, (themeId) => index.codebook.pathName(themeId), style, textOf, options.creator)) ?? [])
  const page = `${COLLECTION_ID}?page=1`
  return {
    '@context': ANNOTATION_CONTEXT,
    id: COLLECTION_ID,
    type: 'AnnotationCollection',
    label: 'Liner Notes highlights',
    total: items.length,
    generated: options.now,
    generator: { type: 'Software', name: 'Liner Notes' },
    first: { id: page, type: 'AnnotationPage', partOf: COLLECTION_ID, startIndex: 0, items },
    last: page
  }
}

/** The collection as JSON-LD text, two-space indented. */
export function webAnnotationJson(source: ExportSource, options: WebAnnotationOptions): string {
  return `${JSON.stringify(webAnnotationCollection(source, options), null, 2)}\n`
}

/**
 * One highlight. The target's source is the article's web address when known (where other tools will
 * look for it), else its Liner Notes address. The selectors describe the text Liner Notes shows — its
 * current place for an anchored highlight, the saved selectors for an unanchored one.
 */
function annotation(
  placed: PlacedHighlight,
  themeName: (id: string) => string,
  style: CitationStyle,
  textOf: (article: Article) => { text: string; astral: boolean } | null,
  creator?: string
): WebAnnotation {
  const { highlight, article } = placed
  const tags = placed.themes.map((t) => ({ type: 'TextualBody' as const, purpose: 'tagging' as const, value: themeName(t.id) }))
  const note = highlight.note ? [{ type: 'TextualBody' as const, purpose: 'commenting' as const, value: noteMarkdown(highlight.note, style), format: 'text/markdown' }] : []
  const body = [...tags, ...note]
  const created = dateTime(highlight.createdAt)
  const modified = dateTime(highlight.updatedAt)
  return {
    '@context': ANNOTATION_CONTEXT,
    id: linerNotesUrl(article.id, highlight.id),
    type: 'Annotation',
    motivation: 'highlighting',
    ...(created ? { created } : {}),
    ...(modified ? { modified } : {}),
    generator: GENERATOR,
    ...(creator ? { creator: { type: 'Person' as const, name: creator } } : {}),
    ...(body.length > 0 ? { body } : {}),
    target: { source: article.meta.url || linerNotesUrl(article.id), selector: selectors(placed, textOf(article)) },
    // Its words are no longer in the text: the quote is what was highlighted, and no position is given
    // (the old one would point at other words).
    ...(placed.range === null ? { [UNANCHORED]: true } : {}),
    // Quoted from the user's correction of the article's text, not from the original as added.
    ...(placed.range !== null && article.correctedText !== null ? { [FROM_CORRECTED]: true } : {})
  }
}

/**
 * The quote, and for a highlight found in the text its position counted in Unicode code points, as the
 * model defines TextPositionSelector (§4.2.5); the library counts UTF-16 units, one more per emoji.
 */
function selectors(placed: PlacedHighlight, shown: { text: string; astral: boolean } | null): WebAnnotation['target']['selector'] {
  const { quote } = placed.selectors
  const quoteSelector = { type: 'TextQuoteSelector' as const, exact: quote.exact, ...(quote.prefix ? { prefix: quote.prefix } : {}), ...(quote.suffix ? { suffix: quote.suffix } : {}) }
  if (placed.range === null || shown === null) return [quoteSelector]
  const { text, astral } = shown
  return [quoteSelector, { type: 'TextPositionSelector', start: codePointOffset(text, placed.range.start, astral), end: codePointOffset(text, placed.range.end, astral) }]
}

/** How many code points precede a UTF-16 offset (the offset itself when the text has no astral characters). */
export function codePointOffset(text: string, offset: number, astral = /[\uD800-\uDBFF]/.test(text)): number {
  if (!astral) return offset
  let points = 0
  for (let i = 0; i < offset; i++, points++) {
    const unit = text.charCodeAt(i)
    const next = text.charCodeAt(i + 1)
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff && i + 1 < offset) i++
  }
  return points
}

/** What wrote each annotation (§3.3.1). */
const GENERATOR = { type: 'Software' as const, name: 'Liner Notes' }
/** Marks an annotation whose words could not be found in the article's current text. */
export const UNANCHORED = 'liner-notes:unanchored'
/** Marks an annotation quoted from the user's corrected text. */
export const FROM_CORRECTED = 'liner-notes:correctedText'

/** The note as Markdown: a commenting body's `format` may name any media type (§3.2.4). */
function noteMarkdown(doc: NoteDoc, style: CitationStyle): string {
  return writeMarkdown(root(noteToMdast(doc, { cite: (quote) => quotationCitation(quote, style) }))).trimEnd()
}

/** The stored time as xsd:dateTime, or undefined when it is not a time a parser can read. */
function dateTime(value: string): string | undefined {
  if (DateTime.safeParse(value).success) return value
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString()
}
