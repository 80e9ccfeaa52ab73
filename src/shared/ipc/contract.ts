// The one IPC contract: for each channel, the schema its request must pass where it enters the main
// process, and the type of its answer. Main, preload, renderer and the end-to-end harness all use it.
import { z } from 'zod'
import { ArticleMeta, Preferences, type Article, type ArticleKind } from '../model'
import type { Channel, MenuCommand } from './channels'

const Id = z.string().min(1).max(200)
const Empty = z.object({}).strict()

/** What the library list shows of an article; the text itself travels only with articles:get. */
export interface ArticleSummary {
  id: string
  title: string
  /** First words of the text, shown in place of a missing title. */
  opening: string
  outlet: string
  author: string
  date: string
  kind: ArticleKind | ''
  wordCount: number
  textStatus: TextStatus
}

/** ok: the stored original matches its hash; altered: it was changed outside the app; missing: gone. */
export type TextStatus = 'ok' | 'altered' | 'missing'

export interface ArticleDetail {
  article: Article
  /** The text the reader shows, or null when the file is missing. */
  text: string | null
  textStatus: TextStatus
}

function channel<Res>() {
  return <S extends z.ZodType>(request: S) => ({ request, response: undefined as unknown as Res })
}

export const contract = {
  'articles:list': channel<ArticleSummary[]>()(Empty),
  'articles:get': channel<ArticleDetail>()(z.object({ id: Id }).strict()),
  'articles:update-meta': channel<Article>()(
    z.object({ id: Id, patch: ArticleMeta.partial().strict() }).strict()
  ),
  'preferences:get': channel<Preferences>()(Empty),
  'preferences:update': channel<Preferences>()(Preferences.partial().strict())
} satisfies Record<Channel, { request: z.ZodType; response: unknown }>

export type Contract = typeof contract
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>
export type ResponseOf<C extends Channel> = Contract[C]['response']

export const ERROR_CODES = ['invalid-request', 'not-found', 'library-unreadable', 'conflict', 'internal'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]
export interface ApiError {
  code: ErrorCode
  /** A sentence a person can read. */
  message: string
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** What the preload puts on window.linerNotes: one function per channel, plus the menu event. */
export type LinerNotesApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
} & {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}
