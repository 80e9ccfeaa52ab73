// liner-notes search "query" [--kind article|highlight|note|theme] [--speaker NAME] [--json]: the app's
// search from the command line. Each hit is printed with its kind, article, place in the text and snippet
// (the matched words in [brackets]); --json prints every hit with its offsets and the snippet's marks.
import type { SearchHit, SearchKind, SearchResult } from '../shared/ipc/search'
import { jsonDocument, type Io } from './io'
import type { Session } from './session'

export interface SearchInvocation {
  query: string
  kind: SearchKind | undefined
  speaker: string | undefined
  json: boolean
}

/** Hits per kind the command asks for: enough for a script to page through in one go. */
const LIMIT = 100

export async function runSearch({ query, kind, speaker, json }: SearchInvocation, session: Session, io: Io): Promise<number> {
  // The index is brought up to date first: a command's answer covers the whole library.
  let result: SearchResult = await session.request('search:query', request(query, kind, speaker))
  while (result.status.state === 'building') {
    await new Promise((resolve) => setTimeout(resolve, 200))
    result = await session.request('search:query', request(query, kind, speaker))
  }
  const hits = result.groups.flatMap((group) => group.hits)
  if (json) {
    await io.out(
      jsonDocument(
        hits.map(({ kind: k, id, articleId, title, field, snippet, start, end, speaker: who }) => ({
          kind: k,
          id,
          articleId,
          title,
          field,
          start,
          end,
          speaker: who,
          snippet: snippet.text,
          marks: snippet.marks
        }))
      )
    )
    return 0
  }
  await io.out(hits.map(line).join(''))
  const more = result.groups.some((group) => group.more) ? ' (more not shown)' : ''
  await io.err(`${hits.length === 1 ? '1 hit' : `${hits.length} hits`}${more}.\n`)
  return 0
}

function request(query: string, kind: SearchKind | undefined, speaker: string | undefined) {
  return { query, limit: LIMIT, ...(kind ? { kinds: [kind] } : {}), ...(speaker ? { filters: { speaker } } : {}) }
}

/** kind, id, article and offsets, then the snippet with its matches in brackets; tab-separated. */
function line(hit: SearchHit): string {
  let snippet = ''
  let at = 0
  for (const [start, end] of hit.snippet.marks) {
    snippet += `${hit.snippet.text.slice(at, start)}[${hit.snippet.text.slice(start, end)}]`
    at = end
  }
  snippet += hit.snippet.text.slice(at)
  const place = hit.start !== null ? `${hit.start}-${hit.end}` : '-'
  const who = hit.speaker ? `${hit.speaker}: ` : ''
  return `${hit.kind}\t${hit.id}\t${hit.articleId ?? '-'}\t${place}\t${who}${snippet}\n`
}
