// The window's frame: the top bar, the library list (loaded once and shared with the reader for
// previous/next), and whichever view the route names. A library that cannot be opened gets its own screen.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ArticleSummary, PassageTarget, ThemeSummary } from '../../../shared/ipc/contract'
import { APPEARANCES, type Theme } from '../../../shared/model'
import { call, messageOf, onAppCommand, onLibraryChanged, onOpenPassage } from '../api'
import { ExportDialog, type ExportTarget } from '../export/ExportDialog'
import { ImportDialogs } from '../import/ImportDialogs'
import { SearchDialog } from '../search/SearchDialog'
import { useTextSearch } from '../search/use-text-search'
import { AnnotationsDialog, type AnnotationsOutcome } from '../import/AnnotationsDialog'
import { useImport } from '../import/use-import'
import { LibraryView } from '../library/LibraryView'
import { displayTitle, filterArticles, sortArticles, type SortOrder } from '../library/order'
import { ReaderView } from '../reader/ReaderView'
import { ThemePassagesView } from '../themes/ThemePassagesView'
import { ThemesView } from '../themes/ThemesView'
import { NotesView } from '../notes/NotesView'
import { TrashView } from '../trash/TrashView'
import { AnalysisView } from '../analysis/AnalysisView'
import { plural } from './format'
import { ConfirmDialog } from './ConfirmDialog'
import { ViewBoundary } from './ViewBoundary'
import { flushAll } from './flush-registry'
import { clampTextSize, TEXT_SIZE_STEP, usePreferences } from './preferences'
import { hrefFor, navigate, parseRoute, useRoute, type Route } from './route'

/** What each view is called when it fails ("The reader could not be shown"). */
const VIEW_NAMES: Record<Route['name'], string> = {
  library: 'the library',
  article: 'the reader',
  trash: 'the Trash',
  analysis: 'the analysis',
  themes: 'the themes',
  theme: 'the theme’s passages',
  notes: 'the notes',
  note: 'the note'
}

export function App() {
  const route = useRoute()
  const [preferences, updatePreferences] = usePreferences()
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [order, setOrder] = useState<SortOrder>({ key: 'date', direction: 'descending' })
  const [query, setQuery] = useState('')

  const [themes, setThemes] = useState<ThemeSummary[]>([])
  const [exportTarget, setExportTarget] = useState<ExportTarget | null>(null)
  const [banner, setBanner] = useState<string | null>(null)
  /** Files the library set aside when it opened, each a sentence; shown until dismissed. */
  const [problems, setProblems] = useState<string[]>([])
  useEffect(() => {
    call('app:library-problems', {}).then(setProblems, () => undefined)
  }, [])
  /** The search dialog's first words while it is open; null when it is closed. */
  const [searching, setSearching] = useState<string | null>(null)
  const outlets = useMemo(() => [...new Set((articles ?? []).map((a) => a.outlet).filter((o) => o !== ''))].sort((a, b) => a.localeCompare(b, 'en')), [articles])

  // Ctrl/Cmd+K searches the whole archive from anywhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        setSearching((open) => open ?? '')
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  const [unsavedOnClose, setUnsavedOnClose] = useState(false)

  /** Saves everything pending, then lets the window go; if something could not be saved, asks first. */
  const prepareToClose = useCallback(async () => {
    const saved = await flushAll()
    await call('app:ready-to-close', { close: saved }).catch(() => undefined)
    if (!saved) setUnsavedOnClose(true)
  }, [])
  const answerClose = (close: boolean): void => {
    setUnsavedOnClose(false)
    if (close) void call('app:ready-to-close', { close: true }).catch(() => undefined)
  }

  const reload = useCallback(() => {
    call('articles:list', {}).then((list) => {
      setArticles(list)
      // Texts are checked against their hashes in the background after opening; show the result once known.
      if (list.some((a) => a.textStatus === 'unchecked')) {
        void call('articles:texts-checked', {})
          .then(() => call('articles:list', {}))
          .then(setArticles, () => undefined)
      }
    }, (error: unknown) => setFailure(messageOf(error)))
    call('themes:list', {}).then(setThemes, (error: unknown) => setBanner(`The themes could not be loaded: ${messageOf(error)}`))
  }, [])
  useEffect(reload, [reload])
  // Imports run one at a time; the list reloads once one has added articles.
  const importer = useImport(reload)
  // The core finished checking the texts, or the library changed under the page: show it as it is now.
  useEffect(() => onLibraryChanged(() => reload()), [reload])

  // Deleting an article moves it to the Trash; the banner offers Undo until it is dismissed.
  const [trashed, setTrashed] = useState<{ ids: string[]; message: string } | null>(null)
  const moveToTrash = useCallback(
    async (ids: string[], title: string | null): Promise<void> => {
      try {
        const counts = await call('articles:trash', { ids })
        const what = title === null ? plural(counts.articles, 'article') : `“${title}”`
        setTrashed({ ids, message: `${what} moved to the Trash with ${plural(counts.highlights, 'highlight')}.` })
        // Leave the article only if it is still on screen: the user may have gone on meanwhile.
        const shown = parseRoute(window.location.hash)
        if (shown.name === 'article' && ids.includes(shown.id)) navigate({ name: 'library' })
        reload()
      } catch (error) {
        setBanner(messageOf(error))
      }
    },
    [reload]
  )
  const undoTrash = async (): Promise<void> => {
    if (!trashed) return
    try {
      await call('trash:restore', { ids: trashed.ids })
      setTrashed(null)
      reload()
    } catch (error) {
      setBanner(messageOf(error))
    }
  }

  // File › Import Annotations…: highlights from another tool's (or our own) Web Annotation or Hypothesis file.
  const [annotations, setAnnotations] = useState<AnnotationsOutcome | null>(null)
  const importAnnotations = useCallback(async (): Promise<void> => setAnnotations({ kind: 'choosing' }), [])
  const chooseAnnotations = useCallback(async (articleId: string | null): Promise<void> => {
    setAnnotations({ kind: 'working' })
    try {
      const summary = await call('annotations:choose', articleId === null ? {} : { articleId })
      if (summary === null) return setAnnotations(null)
      setAnnotations({ kind: 'done', summary })
      reload()
    } catch (error) {
      setAnnotations({ kind: 'failed', message: messageOf(error) })
    }
  }, [reload])

  const createTheme = useCallback(
    async (name: string): Promise<Theme> => {
      const theme = await call('themes:create', { name })
      reload()
      return theme
    },
    [reload]
  )

  /** What an export started from here covers: the article read, the theme viewed, or the library. */
  const exportFromHere = useCallback(
    (): ExportTarget => ({
      scope:
        route.name === 'article' ? { kind: 'article', articleId: route.id } : route.name === 'theme' ? { kind: 'theme', themeId: route.id } : { kind: 'library' }
    }),
    [route]
  )

  // A liner-notes:// link: open the passage, or say plainly that it is no longer in the library.
  useEffect(() => {
    const open = async ({ articleId, highlightId }: PassageTarget): Promise<void> => {
      const list = await call('articles:list', {}).catch((): ArticleSummary[] => [])
      if (!list.some((a) => a.id === articleId)) {
        setBanner(`The link points to an article that is not in this library (${articleId}).`)
        navigate({ name: 'library' })
        return
      }
      const exists = highlightId === null || (await call('highlights:exist', { ids: [highlightId] }).catch((): string[] => [])).includes(highlightId)
      if (!exists) {
        setBanner('The passage this link points to is no longer in the library: its highlight was deleted. The article is open instead.')
        navigate({ name: 'article', id: articleId })
        return
      }
      setBanner(null)
      navigate(highlightId ? { name: 'article', id: articleId, highlightId } : { name: 'article', id: articleId })
    }
    // The link the app was started with, if any, then every link opened while it runs.
    call('app:take-pending-link', {}).then((target) => target && open(target), () => undefined)
    return onOpenPassage((target) => void open(target))
  }, [])

  // The filter finds articles by their details (at once, in the page) and by their text (from the core's
  // search index, a moment later).
  const textHits = useTextSearch(query, 'article')
  const visible = useMemo(() => {
    const byDetails = filterArticles(articles ?? [], query)
    if (textHits === null || textHits.length === 0) return sortArticles(byDetails, order)
    const found = new Set(byDetails.map((a) => a.id))
    for (const hit of textHits) found.add(hit.id)
    return sortArticles((articles ?? []).filter((a) => found.has(a.id)), order)
  }, [articles, query, order, textHits])

  const step = useCallback(
    (delta: number) => {
      if (route.name !== 'article' || visible.length === 0) return
      const index = visible.findIndex((a) => a.id === route.id)
      const next = visible[(index + delta + visible.length) % visible.length]
      if (next) navigate({ name: 'article', id: next.id })
    },
    [route, visible]
  )

  useEffect(
    () =>
      onAppCommand((command) => {
        if (command === 'export') setExportTarget(exportFromHere())
        else if (command === 'import') importer.choose()
        else if (command === 'paste-article') importer.startPaste()
        else if (command === 'import-annotations') void importAnnotations()
        else if (command === 'backup' || command === 'restore') setExportTarget({ scope: { kind: 'library' }, section: 'backup' })
        else if (command === 'prepare-to-close') void prepareToClose()
        else if (command === 'show-library') navigate({ name: 'library' })
        else if (command === 'next-article') step(1)
        else if (command === 'previous-article') step(-1)
        else if (command === 'text-larger') updatePreferences({ textSize: clampTextSize(preferences.textSize + TEXT_SIZE_STEP) })
        else updatePreferences({ textSize: clampTextSize(preferences.textSize - TEXT_SIZE_STEP) })
      }),
    [step, preferences.textSize, updatePreferences, exportFromHere, prepareToClose, importAnnotations, importer.choose, importer.startPaste]
  )

  if (failure) {
    return (
      <main className="failure" aria-labelledby="failure-title">
        <div role="alert">
          <h1 id="failure-title">The library could not be opened</h1>
          <p>{failure}</p>
          <p>Nothing was changed. Fix or move the file named above, then start Liner Notes again.</p>
        </div>
      </main>
    )
  }

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href={hrefFor({ name: 'library' })}>
          Liner Notes
        </a>
        <nav aria-label="Main">
          <a href={hrefFor({ name: 'library' })} aria-current={route.name === 'library' || route.name === 'article' ? 'page' : undefined}>
            Library
          </a>
          <a href={hrefFor({ name: 'themes' })} aria-current={route.name === 'themes' || route.name === 'theme' ? 'page' : undefined}>
            Themes
          </a>
          <a href={hrefFor({ name: 'notes' })} aria-current={route.name === 'notes' || route.name === 'note' ? 'page' : undefined}>
            Notes
          </a>
          <a href={hrefFor({ name: 'analysis', analysis: 'matrix' })} aria-current={route.name === 'analysis' ? 'page' : undefined}>
            Analysis
          </a>
          <a href={hrefFor({ name: 'trash' })} aria-current={route.name === 'trash' ? 'page' : undefined}>
            Trash
          </a>
        </nav>
        <input
          type="search"
          className="search-field"
          aria-label="Search the archive"
          aria-keyshortcuts="Control+K Meta+K"
          placeholder="Search  (Ctrl+K)"
          value=""
          onClick={() => setSearching('')}
          onChange={(e) => setSearching(e.target.value)}
        />
        <button type="button" onClick={importer.choose} disabled={importer.busy} aria-keyshortcuts="Control+O Meta+O">
          Import…
        </button>
        <button type="button" onClick={() => setExportTarget(exportFromHere())} aria-keyshortcuts="Control+E Meta+E">
          Export…
        </button>
        <button type="button" onClick={() => setExportTarget({ scope: { kind: 'library' }, section: 'backup' })}>
          Backup…
        </button>
        <label className="appearance">
          <span>Appearance</span>
          <select
            value={preferences.appearance}
            onChange={(e) => updatePreferences({ appearance: e.target.value as (typeof APPEARANCES)[number] })}
          >
            <option value="system">Follow system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </header>
      {banner ? (
        <div role="alert" className="banner">
          {banner}
          <button type="button" onClick={() => setBanner(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {problems.length > 0 ? (
        <div role="alert" className="banner">
          <ul className="library-problems">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <button type="button" onClick={() => setProblems([])}>
            Dismiss
          </button>
        </div>
      ) : null}
      {trashed ? (
        <div role="status" className="banner">
          {trashed.message}
          <button type="button" onClick={() => void undoTrash()}>
            Undo
          </button>
          <button type="button" onClick={() => setTrashed(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={unsavedOnClose}
        title="Some changes are not saved"
        message="A change could not be saved (the editor says why). Closing now loses it; keep the window open to copy it or try again."
        confirmLabel="Close anyway"
        destructive
        onConfirm={() => answerClose(true)}
        onCancel={() => answerClose(false)}
      />
      {searching !== null ? (
        <ViewBoundary what="the search" onClose={() => setSearching(null)}>
          <SearchDialog initialQuery={searching} outlets={outlets} themes={themes} onClose={() => setSearching(null)} />
        </ViewBoundary>
      ) : null}
      <ViewBoundary what="the import">
        <ImportDialogs
          importer={importer}
          limits={{ importMaxMegabytes: preferences.importMaxMegabytes, importMaxSeconds: preferences.importMaxSeconds }}
          onLimits={updatePreferences}
        />
      </ViewBoundary>
      {annotations ? (
        <ViewBoundary what="the annotation import" onClose={() => setAnnotations(null)}>
          <AnnotationsDialog
            outcome={annotations}
            articles={(articles ?? []).map((a) => ({ id: a.id, title: displayTitle(a) }))}
            onChoose={(articleId) => void chooseAnnotations(articleId)}
            onClose={() => setAnnotations(null)}
          />
        </ViewBoundary>
      ) : null}
      {exportTarget && articles ? (
        <ViewBoundary what="the export" onClose={() => setExportTarget(null)}>
          <ExportDialog
            target={exportTarget}
            articles={articles.map((a) => ({ id: a.id, title: displayTitle(a) }))}
            themes={themes}
            onClose={() => setExportTarget(null)}
          />
        </ViewBoundary>
      ) : null}
      <ViewBoundary what={VIEW_NAMES[route.name]} resetKey={JSON.stringify(route)}>
      {articles === null ? (
          <p className="loading" role="status">
            Opening the library…
          </p>
        ) : route.name === 'library' ? (
          <LibraryView
            articles={visible}
            total={articles.length}
            order={order}
            onOrder={setOrder}
            query={query}
            onQuery={setQuery}
            themes={themes}
            onTrash={(ids) => void moveToTrash(ids, null)}
          />
        ) : route.name === 'trash' ? (
          <TrashView onChanged={reload} />
        ) : route.name === 'analysis' ? (
          <AnalysisView
            analysis={route.analysis}
            articles={articles}
            themes={themes}
            outlets={outlets}
            preferences={preferences}
            onPreferences={updatePreferences}
            onSearch={(word) => setSearching(word)}
          />
        ) : route.name === 'themes' ? (
          <ThemesView onChanged={reload} />
        ) : route.name === 'notes' || route.name === 'note' ? (
          <NotesView noteId={route.name === 'note' ? route.id : null} find={route.name === 'note' ? route.find : undefined} themes={themes} />
        ) : route.name === 'theme' ? (
          <ThemePassagesView key={route.id} themeId={route.id} />
        ) : (
          <ReaderView
            key={route.id}
            id={route.id}
            highlightId={route.highlightId}
            at={route.at}
            themes={themes}
            onCreateTheme={createTheme}
            position={visible.findIndex((a) => a.id === route.id)}
            count={visible.length}
            onStep={step}
            textSize={preferences.textSize}
            onTextSize={(size) => updatePreferences({ textSize: clampTextSize(size) })}
            onChanged={reload}
            onTrash={(id, title) => void moveToTrash([id], title)}
          />
        )}
      </ViewBoundary>
    </div>
  )
}
