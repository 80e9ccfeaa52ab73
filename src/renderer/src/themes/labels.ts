// The sentences the theme screens say about counts, kept in one pure module so "1 highlight" and
// "2 highlights" read right everywhere and are tested once.
import { plural } from '../app/format'

/** "12 highlights in 3 articles": the link from a codebook row to its passages. */
export function countsLabel(highlightCount: number, articleCount: number): string {
  return `${plural(highlightCount, 'highlight')} in ${plural(articleCount, 'article')}`
}

/** What deleting a theme does, said before the user confirms. */
export function deleteConsequence(highlightCount: number, articleCount: number): string {
  if (highlightCount === 0) return 'No highlight has this theme, so no passage changes.'
  if (highlightCount === 1) return `1 highlight in ${plural(articleCount, 'article')} loses this theme; the highlight itself stays.`
  return `${countsLabel(highlightCount, articleCount)} lose this theme; the highlights themselves stay.`
}

/** What merging `source` into `target` does, said before the user confirms. */
export function mergeConsequence(sourceName: string, targetName: string, highlightCount: number): string {
  const gone = `“${sourceName}” then leaves the codebook.`
  if (highlightCount === 0) return `It has no highlights; ${gone}`
  const verb = highlightCount === 1 ? 'gets' : 'get'
  return `Its ${plural(highlightCount, 'highlight')} ${verb} “${targetName}”; ${gone}`
}

/** Where a deleted theme's sub-themes go (main moves them up to its own place), said before confirming. */
export function deleteChildrenNote(childCount: number, parentName: string | null): string {
  if (childCount === 0) return ''
  const where = parentName === null ? 'to the top of the codebook' : `under “${parentName}”`
  return childCount === 1 ? `Its sub-theme moves ${where}.` : `Its ${childCount} sub-themes move ${where}.`
}

/** Where a merged theme's sub-themes go (main moves them under the target), said before confirming. */
export function mergeChildrenNote(childCount: number, targetName: string): string {
  if (childCount === 0) return ''
  return childCount === 1 ? `Its sub-theme moves under “${targetName}”.` : `Its ${childCount} sub-themes move under “${targetName}”.`
}
