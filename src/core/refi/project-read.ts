// Reading another tool's REFI-QDA file into a plain shape, before anything touches the library: a .qdc
// (a codebook) or a .qdpx (a zip with a project .qde and its sources). Tolerant of what tools are known to
// write — the .qde named after the project, `Sources/` for `sources/`, a plainTextPath without
// `internal://`, a bare `&` — and explicit about what Liner Notes cannot hold: every such thing is named in
// `notCarried`, one sentence each. Pure: bytes in, no library, no disk.
import { decodeText } from '../import/formats/txt'
import { listZip, readZipEntry, type ZipEntry } from '../import/formats/zip-check'
import { ImportRefused, type ImportLimits } from '../import/types'
import { allCodes, noteRefs, readCodes, type ParsedCode } from './codebook'
import { guidKey } from './guid'
import { childNamed, childrenNamed, parseXml, XmlError, type XmlElement } from './xml'

export interface ParsedSelection {
  key: string
  /** As the file gives them: Unicode code points of the source's text. */
  start: number
  end: number
  /** The selection's name; ATLAS.ti, MAXQDA and Liner Notes put the selected words there. */
  name: string
  /** guidKeys of the codes its Codings name. */
  codes: string[]
  noteRefs: string[]
  created: string | null
  modified: string | null
}

export interface ParsedSource {
  key: string
  name: string
  /** The text file's bytes as the package holds them (or PlainTextContent as UTF-8); null when it could not be found. */
  bytes: Uint8Array | null
  /** The file's name in the package, for the article's original; the source's name when its text was inline. */
  fileName: string
  /** Why the text could not be had, when `bytes` is null. */
  problem: string | null
  description: string
  selections: ParsedSelection[]
  /** Variables by name, as text. */
  variables: Map<string, string>
  noteRefs: string[]
  /** Codings of the whole source (no selection). */
  sourceCodings: number
  created: string | null
}

export interface ParsedNote {
  key: string
  name: string
  text: string
  created: string | null
  modified: string | null
}

export interface ParsedProject {
  kind: 'project' | 'codebook'
  name: string
  origin: string
  codes: ParsedCode[]
  sources: ParsedSource[]
  notes: Map<string, ParsedNote>
  /** NoteRefs of the project itself, and its Description as a note. */
  projectNoteRefs: string[]
  description: string
  /** One sentence per kind of thing left out. */
  notCarried: string[]
}

/** A .qdc file's codebook. Throws ImportRefused with one sentence naming the file and the problem. */
export function readCodebookFile(fileName: string, bytes: Uint8Array): ParsedProject {
  const root = parse(fileName, bytes, 'codebook')
  if (root.name !== 'CodeBook') throw new ImportRefused(fileName, `${fileName} is not a REFI-QDA codebook: its root element is <${root.name}>, not <CodeBook>.`)
  const notCarried: string[] = []
  const sets = childNamed(root, 'Sets')
  if (sets && sets.children.length > 0) notCarried.push(`${count(sets.children.length, 'set')} of codes: Liner Notes has no groups of themes besides the tree.`)
  const codes = readCodes(root)
  if (codes.length === 0) throw new ImportRefused(fileName, `${fileName} holds no codes.`)
  return { kind: 'codebook', name: fileName, origin: root.attrs.origin ?? '', codes, sources: [], notes: new Map(), projectNoteRefs: [], description: '', notCarried }
}

/** A .qdpx package. Throws ImportRefused with one sentence naming the file and the problem. */
export function readProjectFile(fileName: string, bytes: Uint8Array, limits: ImportLimits): ParsedProject {
  const entries = listZip(fileName, bytes, limits, 'REFI-QDA project (.qdpx)')
  const qde = projectEntry(entries)
  if (!qde) throw new ImportRefused(fileName, `${fileName} is not a REFI-QDA project: it holds no .qde file.`)
  const root = parse(fileName, readZipEntry(fileName, bytes, qde), 'project')
  if (root.name !== 'Project') throw new ImportRefused(fileName, `${fileName} is not a REFI-QDA project: its ${qde.name} has <${root.name}> where <Project> belongs.`)

  const byPath = new Map(entries.filter((e) => !e.name.endsWith('/')).map((e) => [packagePath(e.name), e]))
  const textOf = (path: string): { bytes: Uint8Array | null; fileName: string; problem: string | null } => {
    const inside = internalPath(path)
    if (inside === null) return { bytes: null, fileName: path, problem: `its text is a file outside the package (${path})` }
    const entry = byPath.get(packagePath(`sources/${inside}`)) ?? byPath.get(packagePath(inside))
    if (!entry) return { bytes: null, fileName: inside, problem: `its text file (${inside}) is not in the package` }
    if (entry.originalSize > limits.maxFileBytes) return { bytes: null, fileName: inside, problem: `its text file (${inside}) is larger than ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB` }
    return { bytes: readZipEntry(fileName, bytes, entry), fileName: inside.split('/').at(-1) ?? inside, problem: null }
  }

  const notCarried: string[] = []
  const variableNames = new Map<string, string>()
  for (const variable of childrenNamed(childNamed(root, 'Variables') ?? EMPTY, 'Variable')) variableNames.set(guidKey(variable.attrs.guid ?? ''), variable.attrs.name ?? '')

  const sources: ParsedSource[] = []
  const skipped = { picture: [] as string[], pdf: [] as string[], audio: [] as string[], video: [] as string[] }
  let pictureSelections = 0
  for (const source of childNamed(root, 'Sources')?.children ?? []) {
    const name = source.attrs.name ?? ''
    if (source.name === 'TextSource') sources.push(readSource(source, variableNames, textOf))
    else if (source.name === 'PictureSource') {
      skipped.picture.push(name)
      pictureSelections += childrenNamed(source, 'PictureSelection').length
    } else if (source.name === 'PDFSource') skipped.pdf.push(name)
    else if (source.name === 'AudioSource') skipped.audio.push(name)
    else if (source.name === 'VideoSource') skipped.video.push(name)
  }
  const listed = (names: string[]): string => ` (${names.slice(0, 5).map((n) => n || 'unnamed').join(', ')}${names.length > 5 ? ', …' : ''})`
  if (skipped.picture.length > 0) {
    notCarried.push(`${count(skipped.picture.length, 'picture source')}${listed(skipped.picture)}${pictureSelections > 0 ? ` with ${count(pictureSelections, 'coded region')}` : ''}: Liner Notes holds texts only.`)
  }
  if (skipped.pdf.length > 0) notCarried.push(`${count(skipped.pdf.length, 'PDF source')}${listed(skipped.pdf)} and their coded regions: a PDF's regions are places on a page, not words of a text. Import the PDFs themselves to read them as articles.`)
  if (skipped.audio.length > 0) notCarried.push(`${count(skipped.audio.length, 'audio source')}${listed(skipped.audio)} and their transcripts: Liner Notes holds texts only.`)
  if (skipped.video.length > 0) notCarried.push(`${count(skipped.video.length, 'video source')}${listed(skipped.video)} and their transcripts: Liner Notes holds texts only.`)

  const metaNames = new Set(['title', 'outlet', 'author', 'date', 'url', 'kind'])
  const otherVariables = new Set(sources.flatMap((s) => [...s.variables.keys()]).filter((n) => !metaNames.has(n.toLowerCase())))
  if (otherVariables.size > 0) notCarried.push(`Variables ${[...otherVariables].slice(0, 8).map((n) => `“${n}”`).join(', ')}: an article has only title, outlet, author, date, URL and kind.`)
  const cases = childrenNamed(childNamed(root, 'Cases') ?? EMPTY, 'Case').length
  if (cases > 0) notCarried.push(`${count(cases, 'case')}: Liner Notes has no cases.`)
  const sets = childrenNamed(childNamed(root, 'Sets') ?? EMPTY, 'Set').length
  if (sets > 0) notCarried.push(`${count(sets, 'set')} (groups of codes, sources or notes): Liner Notes has no such groups.`)
  const graphs = childrenNamed(childNamed(root, 'Graphs') ?? EMPTY, 'Graph').length
  if (graphs > 0) notCarried.push(`${count(graphs, 'graph')} (network views): Liner Notes has no graphs.`)
  const links = childrenNamed(childNamed(root, 'Links') ?? EMPTY, 'Link').length
  if (links > 0) notCarried.push(`${count(links, 'link')} between objects: Liner Notes has no such links.`)
  const wholeSource = sources.reduce((sum, s) => sum + s.sourceCodings, 0)
  if (wholeSource > 0) notCarried.push(`${count(wholeSource, 'coding')} of whole sources: a theme belongs to a passage, not to a whole article.`)

  const notes = new Map<string, ParsedNote>()
  for (const note of childrenNamed(childNamed(root, 'Notes') ?? EMPTY, 'Note')) {
    const key = guidKey(note.attrs.guid ?? '')
    const inline = childNamed(note, 'PlainTextContent')?.text
    const path = note.attrs.plainTextPath
    let text = inline ?? ''
    if (inline === undefined && path) {
      const found = textOf(path)
      text = found.bytes ? decodeText({ name: found.fileName, bytes: found.bytes }) : ''
    }
    notes.set(key, { key, name: note.attrs.name ?? '', text: text.replace(/\r\n?/g, '\n'), created: note.attrs.creationDateTime ?? null, modified: note.attrs.modifiedDateTime ?? null })
  }
  return {
    kind: 'project',
    name: root.attrs.name ?? fileName,
    origin: root.attrs.origin ?? '',
    codes: readCodes(childNamed(root, 'CodeBook')),
    sources,
    notes,
    projectNoteRefs: noteRefs(root),
    description: childNamed(root, 'Description')?.text.trim() ?? '',
    notCarried
  }
}

const EMPTY: XmlElement = { name: '', attrs: {}, children: [], text: '' }

function readSource(
  source: XmlElement,
  variableNames: ReadonlyMap<string, string>,
  textOf: (path: string) => { bytes: Uint8Array | null; fileName: string; problem: string | null }
): ParsedSource {
  const name = (source.attrs.name ?? '').trim()
  const inline = childNamed(source, 'PlainTextContent')?.text
  const path = source.attrs.plainTextPath
  let found: { bytes: Uint8Array | null; fileName: string; problem: string | null }
  if (inline !== undefined) found = { bytes: new TextEncoder().encode(inline), fileName: `${name || 'source'}.txt`, problem: null }
  else if (path) found = textOf(path)
  else found = { bytes: null, fileName: name, problem: source.attrs.richTextPath ? 'it has only a rich-text version (no plain text to anchor passages in)' : 'it has no text' }
  const variables = new Map<string, string>()
  for (const value of childrenNamed(source, 'VariableValue')) {
    const ref = childNamed(value, 'VariableRef')?.attrs.targetGUID
    const variable = ref ? variableNames.get(guidKey(ref)) : undefined
    const data = value.children.find((c) => c.name.endsWith('Value'))
    if (variable !== undefined && data) variables.set(variable, data.text.trim())
  }
  return {
    key: guidKey(source.attrs.guid ?? ''),
    name,
    ...found,
    description: childNamed(source, 'Description')?.text.trim() ?? '',
    selections: childrenNamed(source, 'PlainTextSelection').map(readSelection),
    variables,
    noteRefs: noteRefs(source),
    sourceCodings: childrenNamed(source, 'Coding').length,
    created: source.attrs.creationDateTime ?? null
  }
}

function readSelection(selection: XmlElement): ParsedSelection {
  const position = (value: string | undefined): number => (value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : -1)
  return {
    key: guidKey(selection.attrs.guid ?? ''),
    start: position(selection.attrs.startPosition),
    end: position(selection.attrs.endPosition),
    name: selection.attrs.name ?? '',
    codes: childrenNamed(selection, 'Coding')
      .map((coding) => guidKey(childNamed(coding, 'CodeRef')?.attrs.targetGUID ?? ''))
      .filter((key) => key !== ''),
    noteRefs: [...noteRefs(selection), ...childrenNamed(selection, 'Coding').flatMap(noteRefs)],
    created: selection.attrs.creationDateTime ?? null,
    modified: selection.attrs.modifiedDateTime ?? null
  }
}

/** project.qde, else the one .qde (tools name it after the project), at the top of the package first. */
function projectEntry(entries: readonly ZipEntry[]): ZipEntry | undefined {
  const qdes = entries.filter((e) => /\.qde$/i.test(e.name) && !e.name.split('/').some((part) => part === '__MACOSX'))
  return qdes.find((e) => e.name.toLowerCase() === 'project.qde') ?? qdes.sort((a, b) => a.name.split('/').length - b.name.split('/').length)[0]
}

/**
 * The path inside the package a plainTextPath names: `internal://x.txt` (the standard), or a bare `x.txt`
 * some tools write; null for `absolute://` and `relative://` paths, which name files outside the package.
 */
function internalPath(path: string): string | null {
  const trimmed = path.trim()
  const scheme = /^([a-z]+):\/\//i.exec(trimmed)?.[1]?.toLowerCase()
  if (scheme === undefined) return trimmed.replace(/^\/+/, '')
  return scheme === 'internal' ? trimmed.slice('internal://'.length).replace(/^\/+/, '') : null
}

/** How a path is matched: `Sources/` and `sources/` alike, percent-escapes read, backslashes as slashes. */
function packagePath(path: string): string {
  let decoded = path
  try {
    decoded = decodeURIComponent(path)
  } catch {
    // A stray % is part of the name.
  }
  return decoded.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase()
}

function parse(fileName: string, bytes: Uint8Array, what: 'project' | 'codebook'): XmlElement {
  let xml: string
  try {
    xml = decodeText({ name: fileName, bytes })
  } catch {
    throw new ImportRefused(fileName, `${fileName} is not a REFI-QDA ${what}: it does not hold XML text.`)
  }
  try {
    return parseXml(xml)
  } catch (error) {
    if (error instanceof XmlError) {
      const why = error.broken ? `is broken (${error.message})` : error.message
      throw new ImportRefused(fileName, `${fileName} is not a readable REFI-QDA ${what}: its XML ${why}.`)
    }
    throw error
  }
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`
}

export { allCodes }
