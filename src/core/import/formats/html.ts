// A saved web page: the article's own words, without the page around them (navigation, ads, related
// links, comments, cookie banners), and the metadata the page's tags state. linkedom builds the DOM
// without running a script or fetching anything; scripts, styles, frames and embeds are removed before
// Readability looks for the article, and nothing here reads an address except the metadata fields, as
// strings. (Readability rewrites relative hrefs against the page's base as strings; nothing is loaded.)
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { ArticleKind } from '../../../shared/model'
import { countWords } from '../../../shared/text'
import { DEFAULT_LIMITS, ImportRefused, type Extracted, type ExtractedMeta, type ImportLimits } from '../types'
import { byline, calendarDate, checkSize, decodeText, definedMeta, field, finish, httpUrl, languageTag, type Block, type ImportFile } from './txt'

/** The little of the DOM the walker reads; linkedom's nodes have it. */
export interface DomNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly nodeValue: string | null
  readonly childNodes: ArrayLike<DomNode>
  getAttribute?(name: string): string | null
  hasAttribute?(name: string): boolean
}

interface PageElement extends DomNode {
  getAttribute(name: string): string | null
  readonly textContent: string | null
  remove(): void
}

interface PageDocument {
  readonly documentElement: PageElement | null
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>
}

interface ParsedPage {
  document: PageDocument & { body: DomNode | null }
}

export async function extractHtml(file: ImportFile, limits: ImportLimits = DEFAULT_LIMITS): Promise<Extracted> {
  checkSize(file, limits)
  const { document } = parsePage(decodeText(file, declaredCharset(file.bytes)))
  // Read before Readability, which rewrites the document, and before the scripts (JSON-LD) go.
  const meta = pageMeta(document)
  for (const element of document.querySelectorAll(INERT_OR_ACTIVE.join(','))) element.remove()
  if (document.body !== null) checkDepth(file.name, document.body)
  const article = findArticle(file.name, document)
  if (meta.author === undefined && article.byline !== undefined) meta.author = article.byline
  const blocks = withoutByline(htmlBlocks(article.content, { pageChrome: true }), meta.author)
  const prose = blocks.filter((b) => b.kind !== 'heading').reduce((n, b) => n + countWords(b.text), 0)
  if (prose < MIN_ARTICLE_WORDS) throw noArticle(file.name)
  return finish(file.name, 'html', blocks, meta)
}

/**
 * Readability keeps the byline line ("By Ada Critic") when the page's tags already name the author; the
 * line only restates the metadata, so one near the top that names exactly that author goes.
 */
function withoutByline(blocks: Block[], author: string | undefined): Block[] {
  if (author === undefined) return blocks
  const same = (s: string): string => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('en')
  const i = blocks.slice(0, 3).findIndex((b) => /^by\s/i.test(b.text) && same(b.text.replace(/^by\s+/i, '')) === same(author))
  return i < 0 ? blocks : blocks.filter((_, j) => j !== i)
}

/**
 * Fewer words of prose than this and what Readability found is the page's chrome (a menu, a cookie
 * notice, a footer), not an article: a film review's shortest capsule runs to several sentences.
 */
const MIN_ARTICLE_WORDS = 25

/** Removed before Readability: they carry code, styling or other documents, never the article's words. */
const INERT_OR_ACTIVE = ['script', 'style', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'template', 'base', 'link']

const noArticle = (name: string): ImportRefused =>
  new ImportRefused(name, `${name} is a web page in which Liner Notes could not find an article’s text.`)

function findArticle(name: string, document: PageDocument): { content: DomNode; byline?: string } {
  let result: ReturnType<Readability<DomNode>['parse']>
  try {
    // The serializer hands back the article's DOM node itself, which the walker reads; no HTML is re-parsed.
    // linkedom's document stands in for the DOM Document Readability is typed against.
    result = new Readability<DomNode>(document as unknown as ConstructorParameters<typeof Readability>[0], { serializer: (node) => node as DomNode }).parse()
  } catch {
    throw noArticle(name)
  }
  if (!result?.content) throw noArticle(name)
  const byline = result.byline?.replace(/^\s*by\s+/i, '').trim()
  return { content: result.content, byline: byline === '' ? undefined : byline }
}

/**
 * Readability's time grows much faster than the page when elements nest deeply (200 levels: about two
 * seconds; 1,000: minutes), and the walker recurses; real pages stay well under 100 levels.
 */
const MAX_DEPTH = 256

function checkDepth(name: string, root: DomNode): void {
  const stack: [DomNode, number][] = [[root, 0]]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, depth] = item
    if (depth > MAX_DEPTH) throw new ImportRefused(name, `${name} nests its elements too deeply (more than ${MAX_DEPTH} levels) to be read.`)
    for (const child of Array.from(node.childNodes)) if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1])
  }
}

/** Wraps a fragment (a paste, a Markdown HTML block) in a document so linkedom gives it a body. */
export function parsePage(html: string): ParsedPage {
  const whole = /<(?:html|body)[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`
  return parseHTML(whole) as unknown as ParsedPage
}

/** A `<meta charset>` (or http-equiv content type) in the page's first 1024 bytes, as browsers prescan. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024))
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]
}

/**
 * The blocks of an HTML fragment, everything in it kept (what a paste or a Markdown HTML block holds);
 * `name` names the source in a refusal.
 */
export function fragmentBlocks(name: string, html: string): Block[] {
  const { document } = parsePage(html)
  if (document.body === null) return []
  checkDepth(name, document.body)
  return htmlBlocks(document.body, { pageChrome: false })
}

// --- The walker ------------------------------------------------------------------------------------

/**
 * Never text: code, styles, embedded documents and media, form controls. Figure captions go too: the
 * reader shows no pictures, and a caption without its picture reads as a stray line in the prose (most
 * are credits, "Photo by …"). The original file keeps them.
 */
const SKIP = new Set([
  'head', 'title', 'meta', 'link', 'base', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'video', 'audio', 'img', 'picture', 'source', 'track', 'map',
  'button', 'input', 'select', 'option', 'textarea', 'datalist', 'output', 'progress', 'meter', 'dialog', 'figcaption'
])

/** A saved page's chrome, should any be left in what Readability found; a paste keeps what the user chose. */
const PAGE_CHROME = new Set(['nav', 'footer', 'aside', 'form', 'menu'])

/** Elements that start and end a line; everything else is inline and flows into the line it is in. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul'
])

/** When blocks nest, the more specific kind wins: a list inside a quotation is still a list. */
const RANK = { paragraph: 0, quote: 1, 'list-item': 2, heading: 3 } as const
type Kind = keyof typeof RANK

function ownKind(tag: string): Kind {
  if (/^h[1-6]$/.test(tag)) return 'heading'
  if (tag === 'li') return 'list-item'
  if (tag === 'blockquote') return 'quote'
  return 'paragraph'
}

function isHidden(element: DomNode): boolean {
  if (element.hasAttribute?.('hidden') === true) return true
  if (element.getAttribute?.('aria-hidden') === 'true') return true
  return /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(element.getAttribute?.('style') ?? '')
}

/**
 * The DOM's text as the reader's lines: p, headings, quotations, list items, table cells and other blocks
 * each start a line, `<br>` ends one, inline markup (emphasis, links, spans) is reduced to its text with
 * white space collapsed as a browser shows it; `<pre>` keeps its lines.
 */
export function htmlBlocks(root: DomNode, options: { pageChrome: boolean }): Block[] {
  const blocks: Block[] = []
  let line = ''
  let lineKind: Kind = 'paragraph'
  const flush = (): void => {
    if (line.trim() !== '') blocks.push({ text: line.trim(), kind: lineKind })
    line = ''
  }
  const append = (text: string, kind: Kind): void => {
    if (line === '') lineKind = kind
    line += line.endsWith(' ') && text.startsWith(' ') ? text.slice(1) : text
  }
  const walk = (node: DomNode, kind: Kind, pre: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.nodeValue ?? ''
      if (!pre) append(text.replace(/[ \t\n\r\f]+/g, ' '), kind)
      else
        text.split(/\r\n|[\r\n]/).forEach((part, i) => {
          if (i > 0) flush()
          append(part, kind)
        })
      return
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== DOCUMENT_FRAGMENT_NODE) return
    const tag = node.nodeName.toLowerCase()
    if (SKIP.has(tag) || (options.pageChrome && PAGE_CHROME.has(tag)) || isHidden(node)) return
    if (tag === 'br') return flush()
    const block = BLOCK.has(tag)
    const own = ownKind(tag)
    const inner = RANK[own] > RANK[kind] ? own : kind
    if (block) flush()
    for (const child of Array.from(node.childNodes)) walk(child, inner, pre || tag === 'pre')
    if (block) flush()
  }
  walk(root, 'paragraph', false)
  flush()
  return blocks
}

const ELEMENT_NODE = 1
const TEXT_NODE = 3
const DOCUMENT_FRAGMENT_NODE = 11

// --- Metadata --------------------------------------------------------------------------------------

/**
 * What the page's own tags state, each field from the first source that gives it: OpenGraph and
 * article:* tags, JSON-LD, Highwire `citation_*` tags (scholarly and many news sites), then plain HTML.
 * Nothing is inferred from the prose.
 */
function pageMeta(document: PageDocument): ExtractedMeta {
  const tags = metaTags(document)
  const tag = (...names: string[]): string | undefined => names.map((n) => field(tags.get(n)?.[0])).find((v) => v !== undefined)
  const ld = jsonLd(document)
  const article = ld.find((node) => types(node).some((t) => ARTICLE_TYPES.has(t)))
  const outlet = tag('og:site_name') ?? field(nameOf(article?.['publisher'])) ?? tag('citation_journal_title', 'citation_publisher')
  const title = tag('og:title') ?? field(article?.['headline']) ?? tag('citation_title', 'twitter:title') ?? pageTitle(document, outlet)
  const date = [
    tag('article:published_time'),
    field(article?.['datePublished']),
    tag('citation_publication_date', 'citation_date', 'datepublished'),
    timeDatePublished(document)
  ]
    .map(calendarDate)
    .find((d) => d !== undefined)
  const url = [...selectAttr(document, 'link[rel~="canonical"]', 'href'), tags.get('og:url')?.[0], article?.['url'], tags.get('citation_public_url')?.[0], tags.get('citation_fulltext_html_url')?.[0], tags.get('citation_abstract_html_url')?.[0]]
    .map(httpUrl)
    .find((u) => u !== undefined)
  const author =
    byline(people(article?.['author'])) ??
    byline(tags.get('citation_author') ?? []) ??
    tag('author') ??
    byline((tags.get('article:author') ?? []).filter((a) => !/^https?:/i.test(a)))
  const language = [document.documentElement?.getAttribute('lang'), tags.get('content-language')?.[0], article?.['inLanguage'], tags.get('og:locale')?.[0]]
    .map(languageTag)
    .find((l) => l !== undefined)
  return definedMeta({ title, outlet, author, date, url, language, kind: ldKind(ld) })
}

/** Every `<meta>` by its name, property, itemprop or http-equiv, lower-cased, values in page order. */
function metaTags(document: PageDocument): Map<string, string[]> {
  const tags = new Map<string, string[]>()
  for (const meta of document.querySelectorAll('meta')) {
    const content = meta.getAttribute('content')
    if (content === null) continue
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase()
      if (key) tags.set(key, [...(tags.get(key) ?? []), content])
    }
  }
  return tags
}

function selectAttr(document: PageDocument, selector: string, attr: string): string[] {
  return Array.from(document.querySelectorAll(selector), (e) => e.getAttribute(attr) ?? '')
}

function timeDatePublished(document: PageDocument): string | undefined {
  return selectAttr(document, 'time[itemprop="datePublished"]', 'datetime')[0]
}

/** The `<title>`, without the outlet's name when the page appends it ("Review | Outlet"). */
function pageTitle(document: PageDocument, outlet: string | undefined): string | undefined {
  const title = field(Array.from(document.querySelectorAll('title'))[0]?.textContent)
  if (title === undefined || outlet === undefined) return title
  const suffix = new RegExp(`\\s+[|\\-–—:·•]\\s+${outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i')
  return field(title.replace(suffix, '')) ?? title
}

type LdNode = Record<string, unknown>

/** The page's JSON-LD objects, `@graph` members included; a block that is not JSON is skipped. */
function jsonLd(document: PageDocument): LdNode[] {
  const nodes: LdNode[] = []
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect)
    else if (isObject(value)) {
      nodes.push(value)
      if ('@graph' in value) collect(value['@graph'])
    }
  }
  for (const script of document.querySelectorAll('script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue
    try {
      collect(JSON.parse(script.textContent ?? '') as unknown)
    } catch {
      // A malformed block states nothing.
    }
  }
  return nodes
}

function isObject(value: unknown): value is LdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function types(node: LdNode): string[] {
  const t = node['@type']
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''))
}

const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle',
  'ReviewNewsArticle', 'Review', 'CriticReview', 'BlogPosting', 'Report', 'ScholarlyArticle', 'Interview'
])

/** schema.org types that say what kind of piece this is; other article types say nothing of it. */
const KIND_OF_TYPE: Record<string, ArticleKind> = {
  Review: 'review',
  CriticReview: 'review',
  ReviewNewsArticle: 'review',
  NewsArticle: 'news',
  ReportageNewsArticle: 'news',
  Interview: 'interview'
}

/** A kind only when the page's types agree on one ("NewsArticle" and "Review" together say neither). */
function ldKind(nodes: readonly LdNode[]): ArticleKind | undefined {
  const kinds = new Set(nodes.flatMap((node) => types(node).flatMap((t) => KIND_OF_TYPE[t] ?? [])))
  return kinds.size === 1 ? [...kinds][0] : undefined
}

/** Names from a JSON-LD author: a string, a Person or Organization, or a list of them. */
function people(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(people)
  const name = nameOf(value)
  return name === undefined ? [] : [name]
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return /^https?:/i.test(value) ? undefined : value
  return isObject(value) && typeof value['name'] === 'string' ? value['name'] : undefined
}
