// The one IPC contract, composed from one part per domain (articles.ts, highlights.ts, …): for each
// channel, the schema its request must pass where it enters the core and the type of its answer, and
// for each event main sends, its payload's schema. Main, preload, renderer and the end-to-end harness
// all type against it; a new domain adds a file here and one line below.
import type { z } from 'zod'
import { appContract, events } from './app'
import { articlesContract } from './articles'
import type { ApiEvent, Channel, EventName, EVENT_OF_API } from './channels'
import type { ChannelSpec } from './define'
import { exportsContract } from './exports'
import { highlightsContract } from './highlights'
import { linksContract } from './links'
import { annotationsContract, importsContract } from './imports'
import { notesContract } from './notes'
import { preferencesContract } from './preferences'
import type { Result } from './result'
import { themesContract } from './themes'
import { searchContract } from './search'
import { analysisContract } from './analysis'

export type { ArticleSummary, TextStatus, ArticleDetail, Anchor, AnchoredHighlight, CorrectionResult, ReextractResult, TrashCounts, TrashedArticle } from './articles'
export type { CurrentQuote, PassageContext, QuotableHighlight, ThemePassage } from './highlights'
export type { ThemeSummary } from './themes'
export type { NoteSummary } from './notes'
export { SEARCH_KINDS, type SearchFilters, type SearchGroup, type SearchHit, type SearchKind, type SearchResult, type SearchSnippet, type SearchStatus } from './search'
export {
  ANALYSIS_FILE_FORMATS,
  type AnalysisCell,
  type AnalysisFilters,
  type AnalysisPassage,
  type AnalysisPassages,
  type AnalysisSpeaker,
  type AnalysisTheme,
  type CooccurrenceMatrix,
  type MatrixRow,
  type SpeakerMatrix,
  type ThemeMatrix,
  type WordCount,
  type WordFrequencies,
  type WordScope
} from './analysis'
export type { AnnotationImportSummary, ImportOutcome, ImportStatus, ImportSummary, UnplacedAnnotation } from './imports'
export { EXPORT_FORMATS, type ExportFormat, type ExportScope, type ExportSummary, type RestoreSummary } from './exports'
export { AppCommandSchema, LibraryChanged, PassageTarget, Progress, events } from './app'
export { ERROR_CODES, type ErrorCode, type ApiError, type Result } from './result'

export const contract = {
  ...articlesContract,
  ...highlightsContract,
  ...themesContract,
  ...notesContract,
  ...linksContract,
  ...importsContract,
  ...annotationsContract,
  ...appContract,
  ...exportsContract,
  ...preferencesContract,
  ...searchContract,
  ...analysisContract
} satisfies Record<Channel, ChannelSpec>

export type Contract = typeof contract
// Spreads escape the excess-property check, so a channel declared in a domain but missing from CHANNELS
// is caught here (and by contract.test.ts at run time).
const noChannelOutsideChannels: Exclude<keyof Contract, Channel> extends never ? true : false = true
void noChannelOutsideChannels

export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>
export type ResponseOf<C extends Channel> = Contract[C]['response']

export type Events = typeof events
export type EventPayloadOf<E extends EventName> = z.output<Events[E]>

/** What the preload puts on window.linerNotes: one function per channel, plus one subscription per event. */
export type LinerNotesApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
} & {
  [M in ApiEvent]: (listener: (payload: EventPayloadOf<(typeof EVENT_OF_API)[M]>) => void) => () => void
} & {
  /**
   * Where a dropped file lies on disk, so it can be imported by path (read by the core, a file at a
   * time) instead of by content; '' for a file that has no path (one dragged out of another program).
   */
  pathForFile: (file: File) => string
}
