// The whole library as a REFI-QDA project (REFI-QDA Project Exchange 1.5, schema Project-mrt2019.xsd,
// namespace urn:QDA-XML:project:1.0): a .qdpx zip holding project.qde and each article's reader text as
// sources/<GUID>.txt. Themes are Codes; highlights PlainTextSelections (offsets in Unicode code points of
// that .txt, §10.2) with a Coding per theme; highlight notes, memos and free-standing notes are Notes with
// NoteRefs; an article's details are variables. Pure: a library in, bytes out.
import { zipSync, type Zippable } from 'fflate'
import { DEFAULT_CITATION_STYLE, quotationCitation } from '../../shared/citation'
import type { Article, ArticleMeta } from '../../shared/model'
import type { NoteDoc } from '../../shared/note-doc'
import { indexLibrary, type ExportSource, type PlacedHighlight } from '../export/library-index'
import { root, writeMarkdown } from '../export/markdown-syntax'
import { noteToMdast } from '../export/note-markdown'
import { codePointOffset } from '../export/web-annotation'
import { codeElements, ORIGIN } from './codebook'
import { stableGuid } from './guid'
import { element, textElement, XML_DECLARATION } from './xml'

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0'
export const PROJECT_ENTRY = 'project.qde'
export const SOURCES_FOLDER = 'sources'

/** An article's details as project variables, in this order; Date is a date, the rest text. */
export const META_VARIABLES: readonly { field: keyof ArticleMeta; name: string; type: 'Text' | 'Date' }[] = [
  { field: 'title', name: 'Title', type: 'Text' },
  { field: 'outlet', name: 'Outlet', type: 'Text' },
  { field: 'author', name: 'Author', type: 'Text' },
  { field: 'date', name: 'Date', type: 'Date' },
  { field: 'url', name: 'URL', type: 'Text' },
  { field: 'kind', name: 'Kind', type: 'Text' }
]

export interface ProjectExport {
  /** project.qde, the XML. */
  qde: string
  /** The .qdpx: project.qde and sources/. */
  zip: Uint8Array
  articles: number
  /** Highlights written as selections (those whose words are in the current text). */
  highlights: number
  /** Highlights left out because their words are no longer in the text (unanchored). */
  unanchored: number
  notes: number
}

export interface ProjectOptions {
  /** The export time: the project's modifiedDateTime and the zip entries' time. */
  now: string
  /** The project's name, as other tools show it. */
  name: string
}

const USER = stableGuid('user', 'liner-notes')

export function projectExport(source: ExportSource, options: ProjectOptions): ProjectExport {
  const index = indexLibrary(source)
  const cite = (quote: Parameters<typeof quotationCitation>[0]): string => quotationCitation(quote, DEFAULT_CITATION_STYLE)
  const notes: string[] = []
  const addNote = (guid: string, name: string, doc: NoteDoc, created: string, modified: string): string => {
    const text = writeMarkdown(root(noteToMdast(doc, { cite }))).trimEnd()
    notes.push(
      element(
        'Note',
        [['guid', guid], ['name', name], ['creatingUser', USER], ['creationDateTime', dateTime(created)], ['modifiedDateTime', dateTime(modified)]],
        [textElement('PlainTextContent', text, 3)],
        2
      )
    )
    return element('NoteRef', [['targetGUID', guid]], [], 0)
  }

  const files: Zippable = {}
  const sources: string[] = []
  let highlights = 0
  let unanchored = 0
  for (const id of index.articleIds) {
    const entry = index.article(id)
    if (!entry || entry.text === null) continue
    const { article, text } = entry
    const guid = stableGuid('article', article.id)
    files[`${SOURCES_FOLDER}/${guid}.txt`] = new TextEncoder().encode(text)
    const astral = /[\uD800-\uDBFF]/.test(text)
    const selections: string[] = []
    for (const placed of entry.highlights) {
      if (placed.range === null) {
        unanchored++
        continue
      }
      highlights++
      const noteRef = placed.highlight.note
        ? addNote(stableGuid('highlight-note', placed.highlight.id), `Note on “${shorten(placed.quote)}”`, placed.highlight.note, placed.highlight.createdAt, placed.highlight.updatedAt)
        : null
      selections.push(selection(placed, codePointOffset(text, placed.range.start, astral), codePointOffset(text, placed.range.end, astral), noteRef))
    }
    const memoRef = article.memo ? addNote(stableGuid('memo', article.id), `Memo on “${shorten(entry.label)}”`, article.memo, article.addedAt, article.updatedAt) : null
    sources.push(
      element(
        'TextSource',
        [
          ['guid', guid],
          ['name', entry.label],
          ['plainTextPath', `internal://${guid}.txt`],
          ['creatingUser', USER],
          ['creationDateTime', dateTime(article.addedAt)],
          ['modifiedDateTime', dateTime(article.updatedAt)]
        ],
        // TextSourceType's sequence: Description, PlainTextContent, PlainTextSelection*, Coding*, NoteRef*, VariableValue*.
        [...selections, ...(memoRef ? [indent(memoRef, 3)] : []), ...variableValues(article)],
        2
      )
    )
  }
  const freeNotes = index.notes.map((note) => addNote(stableGuid('note', note.id), note.title.trim() || 'Untitled note', note.doc, note.createdAt, note.updatedAt))

  const project = element(
    'Project',
    [
      ['xmlns', PROJECT_NAMESPACE],
      ['name', options.name],
      ['origin', ORIGIN],
      ['creatingUserGUID', USER],
      ['modifyingUserGUID', USER],
      ['modifiedDateTime', dateTime(options.now)]
    ],
    // ProjectType's sequence: Users, CodeBook, Variables, Cases, Sources, Notes, Links, Sets, Graphs, Description, NoteRef*.
    [
      element('Users', [], [element('User', [['guid', USER], ['name', ORIGIN]], [], 2)], 1),
      ...(source.data.themes.length > 0 ? [element('CodeBook', [], [element('Codes', [], codeElements(index.codebook, 3), 2)], 1)] : []),
      ...(sources.length > 0 ? [element('Variables', [], META_VARIABLES.map((v) => element('Variable', [['guid', variableGuid(v.name)], ['name', v.name], ['typeOfVariable', v.type]], [], 2)), 1)] : []),
      ...(sources.length > 0 ? [element('Sources', [], sources, 1)] : []),
      ...(notes.length > 0 ? [element('Notes', [], notes, 1)] : []),
      ...freeNotes.map((ref) => indent(ref, 1))
    ]
  )
  const qde = `${XML_DECLARATION}\n${project}\n`
  files[PROJECT_ENTRY] = new TextEncoder().encode(qde)
  // A fixed time on every entry, so exporting an unchanged library gives the same bytes.
  const zip = zipSync(files, { level: 6, mtime: new Date(Date.parse(options.now) || 0) })
  return { qde, zip, articles: sources.length, highlights, unanchored, notes: notes.length }
}

function selection(placed: PlacedHighlight, start: number, end: number, noteRef: string | null): string {
  const { highlight } = placed
  const codings = placed.themes.map((theme) =>
    element(
      'Coding',
      [['guid', stableGuid('coding', `${highlight.id}/${theme.id}`)], ['creatingUser', USER], ['creationDateTime', dateTime(highlight.createdAt)]],
      [element('CodeRef', [['targetGUID', stableGuid('theme', theme.id)]], [], 5)],
      4
    )
  )
  return element(
    'PlainTextSelection',
    [
      ['guid', stableGuid('highlight', highlight.id)],
      // The words themselves, as ATLAS.ti and MAXQDA name a selection: readable in any tool, and a check on the offsets.
      ['name', placed.quote],
      ['startPosition', start],
      ['endPosition', end],
      ['creatingUser', USER],
      ['creationDateTime', dateTime(highlight.createdAt)],
      ['modifiedDateTime', dateTime(highlight.updatedAt)]
    ],
    [...codings, ...(noteRef ? [indent(noteRef, 4)] : [])],
    3
  )
}

/** The details the article has, each a VariableValue; an empty one is left out, except the title (an empty title is a fact too). */
function variableValues(article: Article): string[] {
  return META_VARIABLES.flatMap(({ field, name, type }) => {
    const value = article.meta[field]
    if (value === '' && field !== 'title') return []
    const valueElement = textElement(type === 'Date' ? 'DateValue' : 'TextValue', value, 4)
    return [element('VariableValue', [], [element('VariableRef', [['targetGUID', variableGuid(name)]], [], 4), valueElement], 3)]
  })
}

export const variableGuid = (name: string): string => stableGuid('variable', name)

/** Indents an element written at depth 0 to sit `levels` deeper. */
function indent(xml: string, levels: number): string {
  return xml.replace(/^/gm, '  '.repeat(levels))
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length <= 60 ? line : `${line.slice(0, 59).trimEnd()}…`
}

/** The stored time as xsd:dateTime; undefined (the attribute left out) when it is not a time. */
function dateTime(value: string): string | undefined {
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString()
}
