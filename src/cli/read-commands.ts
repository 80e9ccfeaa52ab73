// The commands that only read the library: list, text, check and stats. Each asks the same handlers the
// app asks and prints what they answer, as lines for a person or, with --json, as one document.
import { buildCodebook } from '../core/export/codebook'
import { articleLabel } from '../shared/citation'
import type { ArticleSummary, TextStatus } from '../shared/ipc/contract'
import type { Invocation } from './args'
import { count, jsonDocument, type Io } from './io'
import { Refusal, type Session } from './session'

type Command = (invocation: Invocation, session: Session, io: Io) => Promise<number>

/** One line per article: id, date, outlet, title; tab-separated, so `cut -f` takes a column. */
export const list: Command = async ({ json }, session, io) => {
  const articles = await withCheckedStatus(session, await session.request('articles:list', {}))
  if (json) {
    const rows = articles.map(({ id, title, outlet, author, date, kind, wordCount, textStatus }) => ({
      id,
      title,
      outlet,
      author,
      date,
      kind,
      wordCount,
      textStatus
    }))
    await io.out(jsonDocument(rows))
    return 0
  }
  const lines = articles.map((a) => {
    const status = a.textStatus === 'ok' ? '' : `\t(text ${a.textStatus})`
    return `${a.id}\t${a.date || '----------'}\t${a.outlet || '-'}\t${labelOf(a)}${status}\n`
  })
  await io.out(lines.join(''))
  await io.err(`${count(articles.length, 'article')}.\n`)
  return 0
}

const CHECKED: ReadonlySet<string> = new Set<TextStatus>(['ok', 'altered', 'missing', 'unreadable'])

/**
 * The list with every text's status checked. The library may list a text as not yet checked (its hash is
 * checked in the background while the app shows the list); a script is told what is true now, so such a
 * text is checked here, through articles:get, which reads it.
 */
async function withCheckedStatus(session: Session, articles: readonly ArticleSummary[]): Promise<ArticleSummary[]> {
  const checked: ArticleSummary[] = []
  for (const article of articles) {
    const textStatus = CHECKED.has(article.textStatus) ? article.textStatus : (await session.request('articles:get', { id: article.id })).textStatus
    checked.push({ ...article, textStatus })
  }
  return checked
}

/** The text exactly as the reader shows it, so offsets computed from it match the highlights'. */
export const text: Command = async ({ json, args }, session, io) => {
  const [id] = args as [string]
  const detail = await session.request('articles:get', { id })
  if (json) await io.out(jsonDocument({ id, textStatus: detail.textStatus, text: detail.text }))
  else if (detail.text !== null) await io.out(detail.text)
  if (detail.text === null) {
    const label = articleLabel(detail.article.meta.title, detail.article.facts?.opening ?? null)
    throw new Refusal(`The text of “${label}” (texts/${detail.article.file}) is missing.`)
  }
  if (detail.textStatus === 'altered') await io.err(`The stored original of this article was changed outside Liner Notes.\n`)
  return 0
}

export interface Problem {
  kind: 'text-altered' | 'text-missing' | 'text-unreadable' | 'highlight-unanchored' | 'file-set-aside'
  /** Empty for a library file set aside at open, which belongs to no one article. */
  articleId: string
  highlightId?: string
  message: string
}

/** Texts changed or gone since they were added, and highlights that can no longer be placed. */
export const check: Command = async ({ json }, session, io) => {
  const problems: Problem[] = []
  let highlights = 0
  const articles = await session.request('articles:list', {})
  for (const summary of articles) {
    const detail = await session.request('articles:get', { id: summary.id })
    const label = labelOf(summary)
    const file = `texts/${detail.article.file}`
    // articles:get reads and hashes the original now; the list's status may be one remembered from earlier.
    const textProblem = TEXT_PROBLEMS[detail.textStatus]
    if (textProblem) problems.push({ kind: textProblem.kind, articleId: summary.id, message: textProblem.message(label, file) })
    for (const highlight of detail.highlights) {
      highlights++
      if (highlight.anchor !== null) continue
      const why = detail.text === null ? 'its text is missing' : 'its passage is no longer in the text'
      problems.push({
        kind: 'highlight-unanchored',
        articleId: summary.id,
        highlightId: highlight.id,
        message: `The highlight “${excerpt(highlight.quote.exact)}” in “${label}” cannot be placed: ${why}.`
      })
    }
  }
  // Record files the library could not load and set aside (into quarantine/) when it opened.
  for (const message of await session.request('app:library-problems', {})) problems.push({ kind: 'file-set-aside', articleId: '', message })
  if (json) await io.out(jsonDocument({ problems }))
  else await io.out(problems.map((p) => `${p.kind}\t${p.articleId}${p.highlightId ? `/${p.highlightId}` : ''}\t${p.message}\n`).join(''))
  const checked = `${count(articles.length, 'article')} and ${count(highlights, 'highlight')} checked`
  await io.err(problems.length === 0 ? `No problems: ${checked}.\n` : `${count(problems.length, 'problem')} found; ${checked}.\n`)
  return problems.length === 0 ? 0 : 1
}

const TEXT_PROBLEMS: Partial<Record<TextStatus, { kind: Problem['kind']; message: (label: string, file: string) => string }>> = {
  altered: {
    kind: 'text-altered',
    message: (label, file) => `The text of “${label}” (${file}) was changed outside Liner Notes: it no longer matches the hash taken when it was added.`
  },
  missing: { kind: 'text-missing', message: (label, file) => `The text of “${label}” (${file}) is missing.` },
  unreadable: { kind: 'text-unreadable', message: (label, file) => `The text of “${label}” (${file}) is there but cannot be read.` }
}

/** How big the library is, and how much of it each theme codes. */
export const stats: Command = async ({ json }, session, io) => {
  const articles = await session.request('articles:list', {})
  const themes = await session.request('themes:list', {})
  const notes = await session.request('notes:list', {})
  // Every highlight, the same list the export counts: highlights:search caps its answer, this does not.
  const highlights = await countHighlights(session, articles)
  // In codebook order, each named by its path, as exports list and name them.
  const codebook = buildCodebook(themes)
  const perTheme = codebook.ordered.map((t) => ({ id: t.id, name: codebook.pathName(t.id), highlights: themes.find((s) => s.id === t.id)!.highlightCount }))
  const result = {
    articles: articles.length,
    highlights,
    themes: themes.length,
    notes: notes.length,
    words: articles.reduce((sum, a) => sum + a.wordCount, 0),
    highlightsPerTheme: perTheme
  }
  if (json) {
    await io.out(jsonDocument(result))
    return 0
  }
  const rows: [string, number][] = [
    ['articles', result.articles],
    ['highlights', result.highlights],
    ['themes', result.themes],
    ['notes', result.notes],
    ['words', result.words]
  ]
  const lines = rows.map(([name, value]) => `${name.padEnd(12)}${value}\n`)
  if (perTheme.length > 0) {
    const width = Math.max(...perTheme.map((t) => t.name.length)) + 2
    lines.push('\nhighlights per theme\n', ...perTheme.map((t) => `  ${t.name.padEnd(width)}${t.highlights}\n`))
  }
  await io.out(lines.join(''))
  return 0
}

async function countHighlights(session: Session, articles: readonly ArticleSummary[]): Promise<number> {
  let total = 0
  for (const article of articles) total += (await session.request('articles:get', { id: article.id })).highlights.length
  return total
}

/** The title, or the opening words in brackets for an untitled article, as citations name it. */
function labelOf(article: Pick<ArticleSummary, 'title' | 'opening'>): string {
  return articleLabel(article.title, article.opening)
}

function excerpt(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim()
  return flat.length <= 60 ? flat : `${flat.slice(0, 59)}…`
}
