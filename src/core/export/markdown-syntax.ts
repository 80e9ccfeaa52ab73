// The one place Markdown text is produced: every exporter builds an mdast tree and this module writes it
// with mdast-util-to-markdown, whose escaping keeps any quoted text (with `*`, `_`, `#`, `>`, `[`, `<`,
// backticks…) reading as itself. Front matter is written by the `yaml` package for the same reason.
import type { Blockquote, Delete, Html, Paragraph, Parents, Root, RootContent } from 'mdast'
import { toMarkdown, type Info, type Options, type State, type Unsafe } from 'mdast-util-to-markdown'
import { stringify } from 'yaml'

/** Constructs inside which text is a URL or a title, where escaping would change the address. */
const URL_CONSTRUCTS: Unsafe['notInConstruct'] = ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe']

/**
 * Characters that CommonMark leaves alone but Obsidian (the exports' main reader) would turn into syntax:
 * `~` (GFM strikethrough), `#word` (a tag), `$` (maths), `^id` (a block id), `==` (a highlight) and
 * `%%` (a comment). Escaped with a backslash, which every CommonMark reader shows as the bare character.
 */
const OBSIDIAN_UNSAFE: Unsafe[] = [
  { character: '~', inConstruct: 'phrasing', notInConstruct: URL_CONSTRUCTS },
  { character: '#', inConstruct: 'phrasing', notInConstruct: URL_CONSTRUCTS },
  { character: '$', inConstruct: 'phrasing', notInConstruct: URL_CONSTRUCTS },
  { character: '^', inConstruct: 'phrasing', notInConstruct: URL_CONSTRUCTS },
  { character: '=', after: '=', inConstruct: 'phrasing', notInConstruct: URL_CONSTRUCTS },
  { character: '%', after: '%', inConstruct: 'phrasing', notInConstruct: URL_CONSTRUCTS }
]

/** GFM strikethrough, `~~text~~`, as mdast-util-gfm-strikethrough writes it (the core does not know it). */
function strikethrough(node: Delete, _parent: Parents | undefined, state: State, info: Info): string {
  const tracker = state.createTracker(info)
  let value = tracker.move('~~')
  value += state.containerPhrasing(node, { ...tracker.current(), before: value, after: '~' })
  value += tracker.move('~~')
  return value
}
// Tells the writer what the node starts with, so text before it that would merge with `~~` is escaped.
strikethrough.peek = () => '~'

const OPTIONS: Options = {
  bullet: '-',
  emphasis: '_',
  rule: '*',
  fences: true,
  handlers: { delete: strikethrough },
  unsafe: OBSIDIAN_UNSAFE
}

/** A Markdown file: YAML front matter (when given), then the tree. */
export function writeMarkdown(tree: Root, frontMatter?: Record<string, unknown>): string {
  const body = toMarkdown(tree, OPTIONS)
  return frontMatter === undefined ? body : `${writeFrontMatter(frontMatter)}\n${body}`
}

/** `---`-fenced YAML. Keys keep the order given; no line folding, so each value stays on one line. */
export function writeFrontMatter(fields: Record<string, unknown>): string {
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n`
}

/** Text as Markdown paragraphs: one per non-blank line, as the archive writes a paragraph per line. */
export function textParagraphs(text: string): Paragraph[] {
  return quoteLines(text).map((line) => paragraph(line))
}

/** The lines of a quotation that a reader sees: every line that is not blank, exactly as written. */
export function quoteLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '')
}

export function blockquoteOf(text: string): Blockquote {
  return { type: 'blockquote', children: textParagraphs(text) }
}

/**
 * A quotation that more than one person speaks: each speaker's part opens with their name in bold
 * ("**Keshia Hannam:** Can we talk…"); a part the text gives to nobody (a caption) has no name.
 */
export function voicedBlockquoteOf(voices: readonly { quote: string; speaker: string | null }[]): Blockquote {
  return {
    type: 'blockquote',
    children: voices.flatMap((voice) => {
      const [first, ...rest] = textParagraphs(voice.quote)
      if (!first) return []
      if (voice.speaker === null) return [first, ...rest]
      const name: Paragraph['children'][number] = { type: 'strong', children: [{ type: 'text', value: `${voice.speaker}:` }] }
      return [{ ...first, children: [name, { type: 'text', value: ' ' }, ...first.children] }, ...rest]
    })
  }
}

export function paragraph(...parts: (string | Paragraph['children'][number])[]): Paragraph {
  return { type: 'paragraph', children: parts.map((p) => (typeof p === 'string' ? { type: 'text', value: p } : p)) }
}

/**
 * Written as is, unescaped: only for Obsidian tokens this module's callers have already reduced to
 * letters, digits, '_', '-' and '/' (tags, block ids), which escaping would break (`\#tag` is no tag).
 */
export function verbatim(value: string): Html {
  if (!/^[#^]?[\p{L}\p{M}\p{N}_/-]+$/u.test(value)) throw new Error(`Not a plain Obsidian token: ${JSON.stringify(value)}`)
  return { type: 'html', value }
}

export function root(children: RootContent[]): Root {
  return { type: 'root', children }
}
