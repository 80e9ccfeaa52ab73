// XML in and out for REFI-QDA files. Out: escaped text and attributes, written as strings (the files are
// small enough, and a string builder keeps element order exactly as the schema requires). In: a small
// element tree read with saxes, a strict, non-validating parser that never reads a DTD or expands an
// entity a file declares (no external entities, no "billion laughs"). Other tools' files are not always
// well-formed — a bare `&` in a name is the usual fault — so such ampersands are repaired before parsing.
import { SaxesParser } from 'saxes'

/** One element as the importer reads it: its local name (any prefix dropped), attributes, children and own text. */
export interface XmlElement {
  name: string
  attrs: Readonly<Record<string, string>>
  children: XmlElement[]
  /** The element's own character data (text and CDATA), children's text excluded. */
  text: string
}

/**
 * The file is not XML a parser can read, even after repair (`broken`: `message` says where and why), or is
 * XML made to hurt (`message` completes "its XML …").
 */
export class XmlError extends Error {
  override name = 'XmlError'
  constructor(
    message: string,
    readonly broken = true
  ) {
    super(message)
  }
}

/**
 * Deepest element nesting read. A REFI-QDA project is Project › CodeBook › Codes › Code… and a code tree
 * a few dozen deep is already unusual; a file nested deeper was made to exhaust the stack of whoever walks
 * its tree (the code tree is read recursively), and is refused while it is being parsed.
 */
export const MAX_XML_DEPTH = 256

/**
 * Characters XML 1.0 cannot hold at all (§2.2): C0 controls other than tab and line ends, U+FFFE,
 * U+FFFF and lone surrogates. Not even a character reference can carry them, so they are left out.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export function escapeText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Tabs and line ends are written as references: an attribute value's white space is otherwise normalised away (§3.3.3). */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
}

/** Attributes in the given order, undefined ones left out. */
export type Attributes = ReadonlyArray<readonly [string, string | number | boolean | undefined]>

/** An element on one line of its own, `children` (already written) indented beneath it. */
export function element(name: string, attributes: Attributes, children: readonly string[] = [], depth = 0): string {
  const pad = '  '.repeat(depth)
  const attrs = attributes
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('')
  if (children.length === 0) return `${pad}<${name}${attrs}/>`
  return `${pad}<${name}${attrs}>\n${children.join('\n')}\n${pad}</${name}>`
}

/** An element holding text only, on one line. */
export function textElement(name: string, text: string, depth = 0): string {
  return `${'  '.repeat(depth)}<${name}>${escapeText(text)}</${name}>`
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'

/**
 * `&` that does not start one of XML's five named references or a character reference becomes `&amp;`.
 * A file naming a code "R&D" (written unescaped by some tools) then reads as it was meant; an HTML
 * entity such as `&nbsp;`, which XML does not define, is kept as the characters it was written with.
 */
export function repairAmpersands(xml: string): string {
  return xml.replace(/&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/g, '&amp;')
}

/** The document's root element. Throws XmlError with the line and the parser's reason when it cannot be read. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true })
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  let failure: Error | null = null
  parser.on('error', (error) => {
    failure ??= error
  })
  // A DOCTYPE is where entities are declared ("billion laughs", external entities). saxes expands none of
  // them, but REFI-QDA files never carry one, so a file that does is refused rather than read half-way.
  parser.on('doctype', () => {
    throw new XmlError('declares a DOCTYPE, which REFI-QDA files never do', false)
  })
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_XML_DEPTH) throw new XmlError(`nests elements more than ${MAX_XML_DEPTH} levels deep`, false)
    const attrs: Record<string, string> = {}
    for (const [key, value] of Object.entries(tag.attributes)) attrs[localName(key)] = value
    const node: XmlElement = { name: localName(tag.name), attrs, children: [], text: '' }
    const parent = stack.at(-1)
    if (parent) parent.children.push(node)
    else root ??= node
    if (!tag.isSelfClosing) stack.push(node)
  })
  const addText = (text: string): void => {
    const current = stack.at(-1)
    if (current) current.text += text
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop()
  })
  try {
    parser.write(repairAmpersands(xml.replace(/^\uFEFF/, ''))).close()
  } catch (error) {
    if (error instanceof XmlError) throw error
    failure ??= error as Error
  }
  if (failure !== null) throw new XmlError(cleanMessage((failure as Error).message))
  if (root === null) throw new XmlError('it holds no XML element')
  return root
}

/** "qda:Code" → "Code": tools differ in whether they prefix REFI's namespace. */
function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

/** saxes says "3:17: disallowed character."; the sentence reads "line 3: disallowed character". */
function cleanMessage(message: string): string {
  const match = /^(?:[^:]*:)?(\d+):(\d+): (.*?)\.?$/s.exec(message)
  return match ? `line ${match[1]}: ${match[3]}` : message.replace(/\.$/, '')
}

/** The element's children called `name`. */
export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((child) => child.name === name)
}

export function childNamed(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((child) => child.name === name)
}
