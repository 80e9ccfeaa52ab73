// One theme across the archive: its name, colour, description and counts, then every passage coded
// with it, grouped by article, each with the other themes it carries and a link back into the reader.
// This is where a codebook becomes analysis: reading all the "fatherhood" passages side by side.
// A theme can hold thousands of passages, so they are shown a hundred at a time ("Show more").
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { PassageContext, ThemePassage, ThemeSummary } from '../../../shared/ipc/contract'
import { speakerList } from '../../../shared/citation'
import { noteText } from '../../../shared/note-doc'
import { descendantIds } from '../../../shared/theme-tree'
import { call, messageOf } from '../api'
import { formatCount, plural } from '../app/format'
import { hrefFor } from '../app/route'
import { countsLabel } from './labels'
import { firstPassages, groupByArticle, PASSAGES_PER_PAGE, type ArticlePassages } from './passages'
import { Swatch } from './Swatch'
import { themePaths } from './tree'
import './themes.css'

type Loaded = { themeId: string; themes: ThemeSummary[]; passages: ThemePassage[] | null; error: string | null }

export function ThemePassagesView({ themeId }: { themeId: string }) {
  const [includeChildren, setIncludeChildren] = useState(false)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const noChildrenId = useId()
  const [shownCount, setShownCount] = useState(PASSAGES_PER_PAGE)
  // After "Show more", the first passage it revealed takes focus (the button may be gone by then).
  const [focusPassage, setFocusPassage] = useState<string | null>(null)
  const page = useRef<HTMLElement>(null)

  useEffect(() => {
    // A slower answer for the previous theme (or checkbox state) must not overwrite this one.
    let current = true
    setLoadError(null)
    const themes = call('themes:list', {})
    const passages = call('highlights:by-theme', { themeId, includeChildren })
    Promise.allSettled([themes, passages]).then(([t, p]) => {
      if (!current) return
      if (t.status === 'rejected') return setLoadError(messageOf(t.reason))
      setLoaded({
        themeId,
        themes: t.value,
        passages: p.status === 'fulfilled' ? p.value : null,
        error: p.status === 'rejected' ? messageOf(p.reason) : null
      })
    })
    return () => {
      current = false
    }
  }, [themeId, includeChildren])

  useEffect(() => {
    if (focusPassage === null) return
    page.current?.querySelector<HTMLElement>(`[data-highlight-id="${CSS.escape(focusPassage)}"]`)?.focus()
    setFocusPassage(null)
  }, [focusPassage])

  const paths = useMemo(() => themePaths(loaded?.themes ?? []), [loaded])
  const groups = useMemo(() => (loaded?.passages ? groupByArticle(loaded.passages) : []), [loaded])
  const shownGroups = useMemo(() => firstPassages(groups, shownCount), [groups, shownCount])
  const theme = loaded?.themes.find((t) => t.id === themeId)

  if (loadError !== null) {
    return (
      <main className="themes-page">
        <h1>Theme</h1>
        <p className="theme-error" role="alert">
          The theme could not be loaded: {loadError}
        </p>
        <a href={hrefFor({ name: 'themes' })}>All themes</a>
      </main>
    )
  }
  // Another theme's passages are not shown while this one's load; the checkbox's old ones may be.
  if (!loaded || loaded.themeId !== themeId) {
    return (
      <main className="themes-page">
        <p className="loading" role="status">
          Gathering passages…
        </p>
      </main>
    )
  }
  if (!theme) {
    return (
      <main className="themes-page" aria-labelledby="passages-title">
        <h1 id="passages-title">Theme not found</h1>
        <p>This theme is no longer in the codebook; it may have been merged into another or deleted.</p>
        <a href={hrefFor({ name: 'themes' })}>All themes</a>
      </main>
    )
  }

  const hasChildren = descendantIds(loaded.themes, theme.id).size > 0
  const total = loaded.passages?.length ?? 0
  const shown = Math.min(shownCount, total)
  const showMore = (): void => {
    const next = firstPassages(groups, shown + 1).at(-1)?.passages.at(-1)
    setShownCount(shown + PASSAGES_PER_PAGE)
    if (next) setFocusPassage(next.highlight.id)
  }
  const byId = new Map(loaded.themes.map((t) => [t.id, t]))

  return (
    <main className="themes-page passages-page" aria-labelledby="passages-title" ref={page}>
      <p className="passages-back">
        <a href={hrefFor({ name: 'themes' })}>All themes</a>
      </p>
      <header className="passages-head">
        <h1 id="passages-title">
          <Swatch color={theme.color} />
          {paths.get(theme.id) ?? theme.name}
        </h1>
        {theme.description ? <p className="passages-description">{theme.description}</p> : null}
        <p className="count">{countsLabel(theme.highlightCount, theme.articleCount)}</p>
        <p className="passages-include">
          <label>
            <input
              type="checkbox"
              checked={includeChildren}
              aria-describedby={hasChildren ? undefined : noChildrenId}
              onChange={(e) => {
                setIncludeChildren(e.target.checked)
                setShownCount(PASSAGES_PER_PAGE)
              }}
            />
            Include sub-themes
          </label>
          {hasChildren ? null : (
            <span id={noChildrenId} className="themes-muted">
              This theme has no sub-themes.
            </span>
          )}
        </p>
      </header>
      {loaded.error !== null ? (
        <p className="theme-error" role="alert">
          The passages could not be loaded: {loaded.error}
        </p>
      ) : (
        <p className="count" role="status">
          {groups.length === 0
            ? 'No passage has this theme yet. Highlight a passage in the reader and give it this theme.'
            : `Showing ${shown < total ? `${formatCount(shown)} of ` : ''}${plural(total, 'passage')} from ${plural(groups.length, 'article')}${includeChildren ? ', sub-themes included' : ''}.`}
        </p>
      )}
      {shownGroups.map((group) => (
        <ArticleGroup key={group.articleId} group={group} themeId={theme.id} byId={byId} paths={paths} />
      ))}
      {shown < total ? (
        <p className="passages-more">
          <button type="button" onClick={showMore}>
            Show {formatCount(Math.min(PASSAGES_PER_PAGE, total - shown))} more
          </button>{' '}
          <span className="themes-muted">{formatCount(total - shown)} not shown yet</span>
        </p>
      ) : null}
    </main>
  )
}

interface GroupProps {
  group: ArticlePassages
  themeId: string
  byId: ReadonlyMap<string, ThemeSummary>
  paths: ReadonlyMap<string, string>
}

function ArticleGroup({ group, themeId, byId, paths }: GroupProps) {
  const headingId = useId()
  return (
    <section className="passages-article" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <a href={hrefFor({ name: 'article', id: group.articleId })} className={group.articleTitle ? undefined : 'untitled'}>
          {group.articleTitle || 'Untitled article'}
        </a>
      </h2>
      <ol className="passages-list">
        {group.passages.map(({ highlight, speakers }) => {
          const others = highlight.themeIds.filter((id) => id !== themeId)
          const note = highlight.note ? noteText(highlight.note).trim() : ''
          return (
            <li key={highlight.id} className="passage" data-highlight-id={highlight.id} tabIndex={-1}>
              {speakers.length > 0 ? <p className="passage-speaker">{speakerList(speakers)}</p> : null}
              <PassageQuote id={highlight.id} quote={highlight.quote.exact} />
              {note ? (
                <div className="passage-note">
                  <span className="themes-muted">Note: </span>
                  {note}
                </div>
              ) : null}
              <div className="passage-foot">
                {others.length > 0 ? (
                  <ul className="theme-chips passage-themes" aria-label="Other themes">
                    {others.map((id) => {
                      const other = byId.get(id)
                      return (
                        <li key={id} className="theme-chip">
                          {other ? <Swatch color={other.color} /> : null}
                          <span className={other ? undefined : 'theme-unknown'}>{paths.get(id) ?? 'Unknown theme'}</span>
                        </li>
                      )
                    })}
                  </ul>
                ) : (
                  <span className="themes-muted">No other themes</span>
                )}
                {/* The heading describes the link, so "Open at passage" says which article it opens. */}
                <a className="passage-open" href={hrefFor({ name: 'article', id: highlight.articleId, highlightId: highlight.id })} aria-describedby={headingId}>
                  Open at passage
                </a>
              </div>
            </li>
          )
        })}
      </ol>
    </section>
  )
}

/**
 * The passage's words, and the text around it on demand ("More context"), as the article shows it now:
 * the passage itself stays marked between its context.
 */
function PassageQuote({ id, quote }: { id: string; quote: string }) {
  const [context, setContext] = useState<PassageContext | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const more = (): void => {
    setFailure(null)
    call('highlights:context', { id, chars: context ? 1_500 : 400 }).then(setContext, (error: unknown) => setFailure(messageOf(error)))
  }
  const wide = context !== null && context.before.length + context.after.length >= 1_500
  return (
    <>
      {context?.anchored ? (
        <blockquote className="passage-context">
          {context.before ? <span className="context-text">…{context.before}</span> : null}
          <mark className="context-passage">{context.quote}</mark>
          {context.after ? <span className="context-text">{context.after}…</span> : null}
        </blockquote>
      ) : (
        <blockquote>{quote}</blockquote>
      )}
      {context && !context.anchored ? <p className="themes-muted">This passage is no longer in the article’s text, so there is no context to show.</p> : null}
      {failure ? (
        <p className="theme-error" role="alert">
          The context could not be loaded: {failure}
        </p>
      ) : null}
      <p className="passage-context-actions">
        {!wide && !(context && !context.anchored) ? (
          <button type="button" className="link-button" onClick={more} aria-expanded={context !== null}>
            {context ? 'Even more context' : 'More context'}
          </button>
        ) : null}
        {context ? (
          <button type="button" className="link-button" onClick={() => setContext(null)}>
            Less context
          </button>
        ) : null}
      </p>
    </>
  )
}
