// A Markdown file (an article saved by a read-later tool, or a critic's own notes): YAML front matter
// gives the metadata, the body gives the reader's lines with their kinds. Markup is reduced to the words
// it marks; nothing a link or image points at is read.
import { fromMarkdown } from 'mdast-util-from-markdown'
import type { PhrasingContent, RootContent } from 'mdast'
import { parseDocument } from 'yaml'
import { DEFAULT_LIMITS, ImportRefused, type Extracted, type ExtractedMeta, type ImportLimits } from '../types'
import { fragmentBlocks } from './html'
import {
  articleKind,
  byline,
  calendarDate,
  checkSize,
  decodeText,
  definedMeta,
  field,
  finish,
  httpUrl,
  languageTag,
  type Block,
  type ImportFile
} from './txt'

export async function extractMarkdown(file: ImportFile, limits: ImportLimits = DEFAULT_LIMITS): Promise<Extracted> {
  checkSize(file, limits)
  const { front, body } = splitFrontMatter(file.name, decodeText(file))
  const meta = frontMatterMeta(front)
  const tooDeep = new ImportRefused(file.name, `${file.name} nests quotations or lists too deeply (more than ${MAX_DEPTH} levels) to be read.`)
  if (containerDepth(body) > MAX_DEPTH) throw tooDeep
  let tree: ReturnType<typeof fromMarkdown>
  let blocks: Block[]
  try {
    tree = fromMarkdown(body)
    blocks = tree.children.flatMap((node) => blockLines(file.name, node, 'paragraph'))
  } catch (error) {
    // The parser and the walk recurse once per level; a nesting the line check missed ends here.
    if (error instanceof RangeError) throw tooDeep
    throw error
  }
  if (meta.title === undefined) meta.title = headingTitle(tree.children)
  return finish(file.name, 'md', blocks, definedMeta(meta))
}

/**
 * The parser's time grows with the square of the nesting (3,000 quotation levels: seconds) and it
 * recurses once per level; real writing nests a few levels.
 */
const MAX_DEPTH = 64

/**
 * The most quotation and list markers a line opens with before its text ("> > - text" is 3); a line of
 * markers alone ("* * *") is a rule, not nesting.
 */
function containerDepth(text: string): number {
  const marker = /[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/y
  let max = 0
  for (const line of text.split('\n')) {
    let depth = 0
    let end = 0
    marker.lastIndex = 0
    while (marker.exec(line) !== null) {
      depth++
      end = marker.lastIndex
    }
    if (line.slice(end).trim() !== '') max = Math.max(max, depth)
  }
  return max
}

/**
 * Front matter is a YAML mapping between a `---` line at the very start and the next `---` (or `...`)
 * line. A block that is YAML but not a mapping is not front matter (it stays in the body, where `---`
 * is a rule); a block that is not YAML at all is refused, since its lines would otherwise read as the
 * article's first paragraphs.
 */
function splitFrontMatter(name: string, text: string): { front: Record<string, unknown>; body: string } {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text)
  if (!m) return { front: {}, body: text }
  const doc = parseDocument(m[1] ?? '', { prettyErrors: false, uniqueKeys: false })
  const error = doc.errors[0]
  if (error) {
    const line = (m[1] ?? '').slice(0, error.pos[0]).split('\n').length + 1
    throw new ImportRefused(name, `${name} starts with front matter that is not valid YAML (line ${line}).`)
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 })
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { front: {}, body: text }
  return { front: value as Record<string, unknown>, body: text.slice(m[0].length) }
}

/** Front matter keys as read-later tools and static site generators spell them; the first one given wins. */
function frontMatterMeta(front: Record<string, unknown>): ExtractedMeta {
  const key = (...names: string[]): unknown => names.map((n) => front[n]).find((v) => v !== undefined && v !== null)
  const outlet = [front['outlet'], front['publication'], front['site'], front['source']].map(field).find((v) => v !== undefined && !/^https?:/i.test(v))
  return {
    title: field(key('title')),
    author: names(key('author', 'authors', 'byline')),
    date: calendarDate(key('date', 'published')),
    url: httpUrl(key('url', 'link', 'canonical')),
    outlet,
    kind: articleKind(key('kind')),
    language: languageTag(key('lang', 'language'))
  }
}

/** "Jane Doe", ["Jane Doe", "John Roe"] or [{ name: "Jane Doe" }] as one byline. */
function names(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value]
  return byline(list.map((v) => (typeof v === 'object' && v !== null && 'name' in v ? (v as { name: unknown }).name : v)).filter((v): v is string => typeof v === 'string'))
}

/** The opening level-one heading names the article when it is the only one; otherwise it is a section. */
function headingTitle(children: readonly RootContent[]): string | undefined {
  const first = children.find((node) => node.type !== 'definition' && node.type !== 'html')
  const h1s = children.filter((node) => node.type === 'heading' && node.depth === 1)
  if (first?.type !== 'heading' || first.depth !== 1 || h1s.length !== 1) return undefined
  return field(inlineText(first.children))
}

/**
 * A block's lines: headings, paragraphs in a quotation ('quote') or a list item ('list-item', however
 * deep), code blocks line by line, raw HTML blocks through the HTML walker. Rules, link definitions and
 * footnote definitions are not prose and are left out.
 */
function blockLines(name: string, node: RootContent, kind: Block['kind']): Block[] {
  switch (node.type) {
    case 'heading':
      return [{ text: inlineText(node.children), kind: 'heading' }]
    case 'paragraph':
      return [{ text: inlineText(node.children), kind }]
    case 'blockquote':
      return node.children.flatMap((child) => blockLines(name, child, kind === 'paragraph' ? 'quote' : kind))
    case 'list':
    case 'listItem':
      return node.children.flatMap((child) => blockLines(name, child, 'list-item'))
    case 'code':
      return node.value.split('\n').map((text) => ({ text, kind }))
    case 'html':
      return fragmentBlocks(name, node.value).map((block) => (kind === 'paragraph' ? block : { ...block, kind }))
    default:
      return []
  }
}

/**
 * Inline markup as its text: emphasis and links keep their words, code its text, images go. A hard
 * break (two trailing spaces, a backslash, `<br>`) ends a line; a soft one is a space, as it renders.
 */
function inlineText(nodes: readonly PhrasingContent[]): string {
  return nodes.map(inlineNode).join('')
}

function inlineNode(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
      return node.value.replace(/[ \t]*\n[ \t]*/g, ' ')
    case 'inlineCode':
      return node.value
    case 'break':
      return '\n'
    case 'html':
      return /^<br\s*\/?>$/i.test(node.value.trim()) ? '\n' : ''
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'link':
    case 'linkReference':
      return node.children.map(inlineNode).join('')
    default:
      return ''
  }
}
