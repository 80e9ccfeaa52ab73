// Search requests: one query over article texts and details, highlights, memos, notes and theme names,
// answered from the library's search index, with hits grouped by kind and each one's words marked.
import { z } from 'zod'
import { ArticleKind } from '../model'
import { channel, Empty, type DomainContract } from './define'

export const SEARCH_KINDS = ['article', 'highlight', 'note', 'theme'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

/** Where in an article a hit lies: its text, its details (title, author, outlet), or its memo. */
export type SearchField = 'text' | 'details' | 'memo' | 'highlight' | 'note' | 'theme'

export interface SearchSnippet {
  /** A stretch of the hit's text around the first match, '…' where it was cut. */
  text: string
  /** The matched words, as [start, end) offsets into `text`. */
  marks: [number, number][]
}

export interface SearchHit {
  kind: SearchKind
  /** The article's, highlight's, note's or theme's id. */
  id: string
  /** The article the hit is in (for a highlight too); null for a note or theme. */
  articleId: string | null
  /** The article's or note's title (its opening words when it has none), or the theme's name. */
  title: string
  field: SearchField
  snippet: SearchSnippet
  /** The first match in the article's text (UTF-16 offsets), for a text or highlight hit; else null. */
  start: number | null
  end: number | null
  /** Who says the words, when the text attributes them (an interview's labelled answer). */
  speaker: string | null
  /** How many of the article's passages matched (1 for other kinds). */
  matches: number
}

export interface SearchGroup {
  kind: SearchKind
  hits: SearchHit[]
  /** True when there are more hits than were returned. */
  more: boolean
}

export interface SearchStatus {
  /** 'ready': every change is in the index; 'building': it is being (re)built, `done` of `total` sources. */
  state: 'ready' | 'building'
  done: number
  total: number
}

export interface SearchResult {
  query: string
  groups: SearchGroup[]
  status: SearchStatus
  /** Milliseconds the query took in the core. */
  took: number
}

const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')

export const SearchFilters = z
  .object({
    articleKind: ArticleKind.optional(),
    outlet: z.string().min(1).max(300).optional(),
    from: DateString.optional(),
    to: DateString.optional(),
    themeId: z.string().min(1).max(200).optional(),
    speaker: z.string().min(1).max(300).optional(),
    articleId: z.string().min(1).max(200).optional()
  })
  .strict()
export type SearchFilters = z.infer<typeof SearchFilters>

export const searchContract = {
  'search:query': channel<SearchResult>()(
    z
      .object({
        query: z.string().max(1_000),
        kinds: z.array(z.enum(SEARCH_KINDS)).min(1).max(4).optional(),
        filters: SearchFilters.optional(),
        /** Hits per kind (default 20). */
        limit: z.number().int().min(1).max(1_000).optional()
      })
      .strict()
  ),
  'search:status': channel<SearchStatus>()(Empty),
  /** Every speaker the library's interviews label, for the speaker filter. */
  'search:speakers': channel<string[]>()(Empty)
} satisfies DomainContract
