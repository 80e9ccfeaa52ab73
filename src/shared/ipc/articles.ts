// Article requests: the library list, one article with its placed highlights, metadata and memo edits,
// and a corrected text.
import { z } from 'zod'
import { ArticleMeta, type Article, type ArticleKind, type Highlight } from '../model'
import { NoteDoc } from '../note-doc'
import { channel, Empty, Id, type DomainContract } from './define'

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
  /** How many highlights the article has. */
  highlightCount: number
  textStatus: TextStatus
}

/**
 * ok: the stored original matches its hash; altered: it was changed outside the app; missing: gone;
 * unreadable: there but it cannot be read (permissions, a folder in its place, a disk error, a name that
 * leads outside the library); unchecked: not compared yet (a large library checks its texts in the
 * background after it opens).
 */
export type TextStatus = 'ok' | 'altered' | 'missing' | 'unreadable' | 'unchecked'

export interface ArticleDetail {
  article: Article
  /** The text the reader shows (the correction if there is one, else the original), or null when missing. */
  text: string | null
  textStatus: TextStatus
  /** Every highlight of the article, each placed on `text` or marked unanchored (anchor null). */
  highlights: AnchoredHighlight[]
}

/** Where a highlight sits in the text shown, found by anchoring its selectors; null: it could not be placed. */
export interface Anchor {
  start: number
  end: number
  method: 'position' | 'quote' | 'fuzzy'
}
export type AnchoredHighlight = Highlight & { anchor: Anchor | null }

export interface CorrectionResult {
  detail: ArticleDetail
  /** How the highlights fared on the new text. */
  anchored: number
  unanchored: number
}

/** An article in the Trash, as the Trash lists it. */
export interface TrashedArticle {
  id: string
  title: string
  outlet: string
  trashedAt: string
  /** Highlights that went with it (and go for good if the Trash is emptied). */
  highlights: number
}

/** How many articles a trash request moved, and how many highlights went with them. */
export interface TrashCounts {
  articles: number
  highlights: number
}

const Ids = z.array(Id).min(1).max(100_000)

/** Reading an imported article's original again: whether the text changed, and how its highlights fared. */
export interface ReextractResult {
  changed: boolean
  anchored: number
  unanchored: number
}

export const articlesContract = {
  'articles:list': channel<ArticleSummary[]>()(Empty),
  'articles:get': channel<ArticleDetail>()(z.object({ id: Id }).strict()),
  'articles:update-meta': channel<Article>()(z.object({ id: Id, patch: ArticleMeta.partial().strict() }).strict()),
  'articles:correct-text': channel<CorrectionResult>()(
    z.object({ id: Id, text: z.string().min(1, 'A corrected text cannot be empty').max(5_000_000).nullable() }).strict()
  ),
  'articles:set-memo': channel<Article>()(z.object({ id: Id, memo: NoteDoc.nullable() }).strict()),
  /** Moves articles to the Trash, with their highlights and memos; notes keep their quotations. */
  'articles:trash': channel<TrashCounts>()(z.object({ ids: Ids }).strict()),
  /** Brings articles back from the Trash with everything that went with them (also the undo of a delete). */
  'trash:restore': channel<TrashCounts>()(z.object({ ids: Ids }).strict()),
  'trash:list': channel<TrashedArticle[]>()(Empty),
  /** Answers once every text has been checked against its hash after opening (the list shows 'unchecked' until then). */
  'articles:texts-checked': channel<null>()(Empty),
  /** Reads an imported article's original file again and moves its highlights onto the new text. */
  'articles:reextract': channel<ReextractResult>()(z.object({ id: Id }).strict()),
  /** Deletes everything in the Trash for good. */
  'trash:empty': channel<TrashCounts>()(Empty)
} satisfies DomainContract
