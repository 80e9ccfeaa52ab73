// REFI-QDA names every code, source, selection and note by a GUID. Ours are name-based UUIDs (RFC 9562
// §5.5, version 5: SHA-1 of a namespace and a name) made from the record's id, so the same theme,
// article or highlight has the same GUID on every export, and a tool that re-imports a later export
// sees the same objects again rather than copies.
import { createHash } from 'node:crypto'

/** Liner Notes' own namespace UUID: the names hashed under it are "kind:id". */
const NAMESPACE = Buffer.from('3f6e1c52b1a04b8e9d1e5a7c2f40d9b6', 'hex')

export type GuidKind = 'theme' | 'article' | 'highlight' | 'coding' | 'note' | 'memo' | 'highlight-note' | 'user' | 'variable'

/** An upper-case UUID, as ATLAS.ti, MAXQDA and Taguette write them (the schema takes either case). */
export function stableGuid(kind: GuidKind, id: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${kind}:${id}`, 'utf8').digest()
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex').toUpperCase()
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A GUID as compared on import: braces dropped, case ignored ("{a1…}" and "A1…" are the same object). */
export function guidKey(guid: string): string {
  return guid.trim().replace(/^\{|\}$/g, '').toLowerCase()
}
