// Quick checks of a record file's shape, for opening a large library fast: just what the indexes and the
// list rely on (ids, offsets, arrays), a few microseconds a record. The full schemas run afterwards in the
// background (LibraryStore.validate), and a file that fails them is quarantined then.
import { MAX_CONTEXT_LENGTH, MAX_QUOTE_LENGTH, PLAIN_FILE_NAME } from '../../shared/model'
import { MAX_NOTE_DEPTH, noteDepth } from '../../shared/note-doc'

const isString = (v: unknown): v is string => typeof v === 'string'
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isId = (v: unknown): v is string => isString(v) && v.length > 0
/** A note nested past the limit would overflow every recursive walk of it (word counts, search, the editor). */
const tooDeep = (doc: unknown): boolean => noteDepth(doc) > MAX_NOTE_DEPTH

/** Why the record is not an article the list can show, or null. */
export function articleProblem(v: unknown): string | null {
  if (isObject(v) && isObject(v.tombstone)) return isId(v.tombstone.id) ? null : 'the tombstone lacks its id'
  if (!isObject(v) || !isObject(v.article)) return 'it holds no article'
  const a = v.article
  if (!isId(a.id) || !isId(a.file) || !isString(a.sha256) || !isString(a.addedAt) || !isString(a.updatedAt)) return 'the article lacks its id, file, hash or times'
  // A path instead of a file name would make the library read outside its folder.
  if (!PLAIN_FILE_NAME.test(a.file) || (isObject(a.original) && !(isString(a.original.file) && PLAIN_FILE_NAME.test(a.original.file)))) {
    return 'the article’s file is named by a path, not a file of the library'
  }
  const m = a.meta
  if (!isObject(m) || !['title', 'outlet', 'author', 'date', 'url', 'kind'].every((k) => isString(m[k]))) return 'the article’s details are incomplete'
  if (a.correctedText !== null && !isString(a.correctedText)) return 'the corrected text is not text'
  if (tooDeep(a.memo)) return 'the article’s memo is nested too deeply'
  return null
}

export function highlightProblem(h: unknown): string | null {
  if (!isObject(h) || !isId(h.id) || !isId(h.articleId)) return 'a highlight lacks its id'
  const q = h.quote
  const p = h.position
  if (!isObject(q) || !isString(q.exact) || !isString(q.prefix) || !isString(q.suffix)) return `highlight ${h.id} has no quote`
  if (q.exact.length > MAX_QUOTE_LENGTH || q.prefix.length > MAX_CONTEXT_LENGTH || q.suffix.length > MAX_CONTEXT_LENGTH) return `highlight ${h.id} quotes more than a highlight may`
  if (!isObject(p) || typeof p.start !== 'number' || typeof p.end !== 'number') return `highlight ${h.id} has no position`
  if (!Array.isArray(h.themeIds) || !h.themeIds.every(isId)) return `highlight ${h.id} has malformed themes`
  if (!isString(h.createdAt) || !isString(h.updatedAt)) return `highlight ${h.id} lacks its times`
  if (tooDeep(h.note)) return `the note of highlight ${h.id} is nested too deeply`
  return null
}

export function highlightsFileProblem(v: unknown): string | null {
  if (!isObject(v) || !isId(v.articleId) || !Array.isArray(v.highlights) || !Array.isArray(v.tombstones)) return 'it is not a highlights file'
  for (const h of v.highlights) {
    const problem = highlightProblem(h)
    if (problem) return problem
  }
  return null
}

export function noteFileProblem(v: unknown): string | null {
  if (!isObject(v)) return 'it holds no note'
  if (isObject(v.tombstone)) return isId(v.tombstone.id) ? null : 'the tombstone lacks its id'
  const n = v.note
  if (!isObject(n) || !isId(n.id) || !isString(n.title) || !isObject(n.doc) || !isString(n.createdAt) || !isString(n.updatedAt)) return 'it holds no note'
  if (tooDeep(n.doc)) return `the note is nested more than ${MAX_NOTE_DEPTH} levels deep`
  return null
}
