// Addresses that lead back from an exported file into Liner Notes. One module owns the format so the
// exporters and (later) the app's protocol handler agree on it.
//
//   liner-notes://open/<articleId>                 the article
//   liner-notes://open/<articleId>/<highlightId>   one highlight in it
//
// Each id is one path segment, percent-encoded (RFC 3986 §2.1), so any id survives the round trip.

export const LINER_NOTES_SCHEME = 'liner-notes:'

export interface LinerNotesTarget {
  articleId: string
  /** null for a link to the article as a whole. */
  highlightId: string | null
}

/** The address that opens `articleId` (at `highlightId`, when given). */
export function linerNotesUrl(articleId: string, highlightId: string | null = null): string {
  const path = [articleId, ...(highlightId === null ? [] : [highlightId])].map(encodeURIComponent).join('/')
  return `liner-notes://open/${path}`
}

const OPEN_URL = /^liner-notes:\/\/open\/([^/?#]+)(?:\/([^/?#]+))?\/?$/i

/** Reads an address made by linerNotesUrl; null for anything else (another scheme, a malformed escape). */
export function parseLinerNotesUrl(url: string): LinerNotesTarget | null {
  const m = OPEN_URL.exec(url.trim())
  if (!m?.[1]) return null
  try {
    const articleId = decodeURIComponent(m[1])
    const highlightId = m[2] === undefined ? null : decodeURIComponent(m[2])
    return articleId === '' || highlightId === '' ? null : { articleId, highlightId }
  } catch {
    return null
  }
}

/**
 * The Obsidian block id of a highlight: `hl-` and its id, so links like [[Article#^hl-…]] survive
 * re-export. Obsidian allows only letters, digits and dashes in a block id; an id with anything else
 * (none the app makes: its ids are `hl-<uuid>`) keeps its allowed characters plus a hash of the whole,
 * so two ids never share a block id.
 */
export function highlightBlockId(highlightId: string): string {
  // The app's own ids already read "hl-<uuid>": used as they are, not doubled into "hl-hl-…".
  if (/^hl-[A-Za-z0-9-]+$/.test(highlightId)) return highlightId
  if (/^[A-Za-z0-9-]+$/.test(highlightId)) return `hl-${highlightId}`
  const kept = highlightId.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '')
  return `hl-${kept}${kept === '' ? '' : '-'}x${fnv1a(highlightId)}`
}

/** 32-bit FNV-1a, hex: a short, stable fingerprint (not a security hash). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}
