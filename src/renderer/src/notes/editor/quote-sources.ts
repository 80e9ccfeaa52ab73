// Which quoted highlights still exist, shared with every quotation in an editor: a quotation whose
// source highlight was deleted keeps its text and says that its source is gone.
import { createContext, useContext } from 'react'

export interface QuoteSources {
  /** true: exists; false: deleted; undefined: not known yet. */
  exists(highlightId: string): boolean | undefined
  /** true: the highlight went to the Trash with its article (it can come back). */
  inTrash(highlightId: string): boolean
  open(articleId: string, highlightId: string): void
}

export const QuoteSourcesContext = createContext<QuoteSources>({
  exists: () => undefined,
  inTrash: () => false,
  open: () => undefined
})

export const useQuoteSources = (): QuoteSources => useContext(QuoteSourcesContext)
