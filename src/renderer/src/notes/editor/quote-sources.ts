// Which quoted highlights still exist, shared with every quotation in an editor: a quotation whose
// source highlight was deleted keeps its text and says that its source is gone.
import { createContext, useContext } from 'react'
import type { CurrentQuote } from '../../../../shared/ipc/contract'

export interface QuoteSources {
  /** true: exists; false: deleted; undefined: not known yet. */
  exists(highlightId: string): boolean | undefined
  /** true: the highlight went to the Trash with its article (it can come back). */
  inTrash(highlightId: string): boolean
  /** What the highlight quotes now (its article's text may have been corrected); undefined: not known. */
  current(highlightId: string): CurrentQuote | undefined
  open(articleId: string, highlightId: string): void
}

export const QuoteSourcesContext = createContext<QuoteSources>({
  exists: () => undefined,
  inTrash: () => false,
  current: () => undefined,
  open: () => undefined
})

export const useQuoteSources = (): QuoteSources => useContext(QuoteSourcesContext)
