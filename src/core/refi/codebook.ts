// The codebook in REFI-QDA terms: each theme a Code (name, colour, description, sub-themes as nested
// Codes, a stable GUID), written on its own as a .qdc file (namespace urn:QDA-XML:codebook:1.0) or inside
// a project; and the Codes of another tool's file read back into a plain tree.
import type { Theme } from '../../shared/model'
import { buildCodebook, type Codebook } from '../export/codebook'
import { guidKey, stableGuid } from './guid'
import { childNamed, childrenNamed, element, textElement, XML_DECLARATION, type XmlElement } from './xml'

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0'
export const ORIGIN = 'Liner Notes'

/** The Code elements of the codebook, top-level themes first, in the order the app lists them. */
export function codeElements(codebook: Codebook, depth: number): string[] {
  const code = (theme: Theme, level: number): string =>
    element(
      'Code',
      [
        ['guid', stableGuid('theme', theme.id)],
        ['name', theme.name],
        ['isCodable', 'true'],
        ['color', theme.color.toUpperCase()]
      ],
      // CodeType's sequence: Description, then NoteRefs, then sub-codes.
      [...(theme.description.trim() !== '' ? [textElement('Description', theme.description, level + 1)] : []), ...codebook.children(theme.id).map((child) => code(child, level + 1))],
      level
    )
  return codebook.children(null).map((theme) => code(theme, depth))
}

/** A .qdc file: the library's themes as a REFI-QDA codebook. Null when there are no themes (a codebook needs a Code). */
export function codebookXml(themes: readonly Theme[]): string | null {
  if (themes.length === 0) return null
  const codes = codeElements(buildCodebook(themes), 2)
  return `${XML_DECLARATION}\n${element('CodeBook', [['xmlns', CODEBOOK_NAMESPACE], ['origin', ORIGIN]], [element('Codes', [], codes, 1)])}\n`
}

/** A Code as read from another tool's file. */
export interface ParsedCode {
  /** guidKey of its GUID; '' when the file gives none (its codings then cannot name it). */
  key: string
  name: string
  /** "#rrggbb", or null when absent or not a colour. */
  color: string | null
  description: string
  /** NoteRef targets (guidKeys) on the code itself. */
  noteRefs: string[]
  children: ParsedCode[]
}

/** The Codes under a CodeBook (or a Project's CodeBook), as a tree. */
export function readCodes(codebook: XmlElement | undefined): ParsedCode[] {
  const codes = codebook ? childNamed(codebook, 'Codes') : undefined
  return codes ? childrenNamed(codes, 'Code').map(readCode) : []
}

function readCode(code: XmlElement): ParsedCode {
  return {
    key: guidKey(code.attrs.guid ?? ''),
    name: (code.attrs.name ?? '').replace(/\s+/g, ' ').trim(),
    color: hexColor(code.attrs.color),
    description: childNamed(code, 'Description')?.text.trim() ?? '',
    noteRefs: noteRefs(code),
    children: childrenNamed(code, 'Code').map(readCode)
  }
}

export function noteRefs(parent: XmlElement): string[] {
  return childrenNamed(parent, 'NoteRef')
    .map((ref) => guidKey(ref.attrs.targetGUID ?? ''))
    .filter((key) => key !== '')
}

/** "#RGB" or "#RRGGBB" (RGBType) as the library's "#rrggbb"; anything else is null. */
export function hexColor(value: string | undefined): string | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value?.trim() ?? '')?.[1]?.toLowerCase()
  if (hex === undefined) return null
  return hex.length === 3 ? `#${[...hex].map((c) => c + c).join('')}` : `#${hex}`
}

/** Every code of the tree, parents before their children. */
export function allCodes(codes: readonly ParsedCode[]): ParsedCode[] {
  return codes.flatMap((code) => [code, ...allCodes(code.children)])
}
