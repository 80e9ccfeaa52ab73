// A theme's passages as the passages view shows them: grouped by article, each article's passages in
// reading order. Pure, so the grouping is tested without a page.
import type { ThemePassage } from '../../../shared/ipc/contract'

export interface ArticlePassages {
  articleId: string
  articleTitle: string
  passages: ThemePassage[]
}

/** Articles keep the order main sent them in (the library's); passages within one follow the text. */
export function groupByArticle(passages: readonly ThemePassage[]): ArticlePassages[] {
  const groups = new Map<string, ArticlePassages>()
  for (const passage of passages) {
    const group = groups.get(passage.articleId)
    if (group) group.passages.push(passage)
    else groups.set(passage.articleId, { articleId: passage.articleId, articleTitle: passage.articleTitle, passages: [passage] })
  }
  for (const group of groups.values()) group.passages.sort((a, b) => a.highlight.position.start - b.highlight.position.start)
  return [...groups.values()]
}

/** Passages shown at first and added by each "Show more": a theme can hold thousands, read a page at a time. */
export const PASSAGES_PER_PAGE = 100

/** The groups cut after their first `count` passages in order, as a page showing that many lists them. */
export function firstPassages(groups: readonly ArticlePassages[], count: number): ArticlePassages[] {
  const shown: ArticlePassages[] = []
  let left = count
  for (const group of groups) {
    if (left <= 0) break
    shown.push(group.passages.length <= left ? group : { ...group, passages: group.passages.slice(0, left) })
    left -= group.passages.length
  }
  return shown
}
