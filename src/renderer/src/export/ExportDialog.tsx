// Export and backup: choose a scope (an article, a theme, the library), a format (Markdown, CSV, Web
// Annotation JSON) and options; main asks where to save, writes the file atomically and answers with a
// summary. Long exports show their progress. Backup and restore of the whole library live here too.
import { useEffect, useId, useRef, useState } from 'react'
import { CITATION_STYLES, DEFAULT_CITATION_STYLE, type CitationStyle } from '../../../shared/citation'
import type { ExportFormat, ExportScope, ExportSummary, Progress, RestoreSummary, ThemeSummary } from '../../../shared/ipc/contract'
import { ApiFailure, call, messageOf, onProgress } from '../api'
import { plural } from '../app/format'

export interface ExportTarget {
  /** The scope to start with: the article being read, the theme being viewed, or the library. */
  scope: ExportScope
  /** Opened for a backup or restore rather than an export. */
  section?: 'export' | 'backup'
}

interface Props {
  target: ExportTarget
  articles: { id: string; title: string }[]
  themes: ThemeSummary[]
  onClose: () => void
}

const CITATION_LABELS: Record<CitationStyle, string> = {
  'outlet-title-date': '— Outlet, Title, Date',
  'outlet-date': '— Outlet, Date',
  'author-title-outlet-date': '— Author, Title, Outlet, Date',
  'title-outlet-date': '— Title, Outlet, Date'
}

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'markdown', label: 'Markdown', hint: 'for a draft or an Obsidian vault' },
  { value: 'csv', label: 'CSV', hint: 'one row per highlight, for a spreadsheet' },
  { value: 'json', label: 'Web Annotation JSON', hint: 'W3C JSON-LD, for other annotation tools' },
  { value: 'qdpx', label: 'REFI-QDA project (.qdpx)', hint: 'articles, themes, highlights and notes, for ATLAS.ti, MAXQDA, NVivo, QualCoder' },
  { value: 'qdc', label: 'REFI-QDA codebook (.qdc)', hint: 'the themes, for any QDA program' }
]

/** The REFI-QDA formats hold the whole library: choosing one chooses it. */
const WHOLE_LIBRARY: readonly ExportFormat[] = ['qdc', 'qdpx']

/** Where the name credited as Web Annotations' creator is kept between exports. */
const CREATOR_KEY = 'liner-notes:annotation-creator'

type Outcome = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; message: string } | { kind: 'failed'; message: string }

export function ExportDialog({ target, articles, themes, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const [scope, setScope] = useState<ExportScope>(target.scope)
  const [format, setFormat] = useState<ExportFormat>('markdown')
  const [layout, setLayout] = useState<'file' | 'folder'>('file')
  const [citationStyle, setCitationStyle] = useState<CitationStyle>(DEFAULT_CITATION_STYLE)
  const [includeNotes, setIncludeNotes] = useState(true)
  const [byteOrderMark, setByteOrderMark] = useState(true)
  const [rawCells, setRawCells] = useState(false)
  // Credited as each Web Annotation's creator; remembered, since it is the user's own name.
  const [creator, setCreatorHere] = useState(() => localStorage.getItem(CREATOR_KEY) ?? '')
  const setCreator = (name: string): void => {
    localStorage.setItem(CREATOR_KEY, name)
    setCreatorHere(name)
  }
  const [openAfterRestore, setOpenAfterRestore] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  const [progress, setProgress] = useState<Progress | null>(null)

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])
  useEffect(() => onProgress(setProgress), [])

  const run = async (work: () => Promise<string | null>): Promise<void> => {
    setOutcome({ kind: 'working' })
    setProgress(null)
    try {
      const message = await work()
      setOutcome(message === null ? { kind: 'idle' } : { kind: 'done', message })
    } catch (error) {
      // A cancelled task is not a failure: say what was (or was not) written, as a status.
      if (error instanceof ApiFailure && error.error.code === 'cancelled') setOutcome({ kind: 'done', message: error.message })
      else setOutcome({ kind: 'failed', message: messageOf(error) })
    }
  }

  const describe = (summary: ExportSummary, what: string): string | null =>
    summary.path === null
      ? null
      : `${what} ${plural(summary.highlights, 'highlight')} and ${plural(summary.notes, 'note')} in ${plural(summary.files, 'file')} (${(summary.bytes / 1024).toFixed(1)} KB): ${summary.path}`

  const exportNow = (): Promise<void> =>
    run(async () =>
      describe(
        await call('export:run', {
          scope,
          format,
          ...(format === 'markdown' ? { citationStyle, ...(scope.kind === 'library' ? { layout } : {}) } : {}),
          ...(WHOLE_LIBRARY.includes(format) ? {} : { includeNotes }),
          ...(format === 'csv' ? { byteOrderMark, rawCells } : {}),
          ...(format === 'json' && creator.trim() !== '' ? { creator: creator.trim() } : {})
        }),
        'Exported'
      )
    )

  const backUp = (): Promise<void> => run(async () => describe(await call('backup:create', {}), 'Backed up every article,'))

  const restore = (): Promise<void> =>
    run(async () => {
      const summary: RestoreSummary = await call('backup:restore', { openAfterRestore })
      if (summary.folder === null) return null
      return `Restored ${plural(summary.articles, 'article')}, ${plural(summary.highlights, 'highlight')}, ${plural(summary.themes, 'theme')} and ${plural(summary.notes, 'note')} into ${summary.folder}.${openAfterRestore ? '' : ` Start Liner Notes with --library "${summary.folder}" to open it.`}`
    })

  const working = outcome.kind === 'working'
  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby={titleId} onCancel={(e) => (working ? e.preventDefault() : onClose())} onClose={onClose}>
      <h2 id={titleId}>{target.section === 'backup' ? 'Back up or restore' : 'Export'}</h2>
      {target.section === 'backup' ? null : (
        <form
          aria-label="Export options"
          onSubmit={(e) => {
            e.preventDefault()
            void exportNow()
          }}
        >
          <fieldset>
            <legend>What</legend>
            <label>
              <input type="radio" name="scope" checked={scope.kind === 'article'} disabled={WHOLE_LIBRARY.includes(format)} onChange={() => setScope({ kind: 'article', articleId: articles[0]?.id ?? '' })} />
              One article
            </label>
            {scope.kind === 'article' ? (
              <select aria-label="Article" value={scope.articleId} onChange={(e) => setScope({ kind: 'article', articleId: e.target.value })}>
                {articles.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </select>
            ) : null}
            <label>
              <input type="radio" name="scope" checked={scope.kind === 'theme'} disabled={WHOLE_LIBRARY.includes(format)} onChange={() => setScope({ kind: 'theme', themeId: themes[0]?.id ?? '' })} />
              One theme, across the archive
            </label>
            {scope.kind === 'theme' ? (
              <select aria-label="Theme" value={scope.themeId} onChange={(e) => setScope({ kind: 'theme', themeId: e.target.value })}>
                {themes.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({plural(t.highlightCount, 'highlight')})
                  </option>
                ))}
              </select>
            ) : null}
            <label>
              <input type="radio" name="scope" checked={scope.kind === 'library'} onChange={() => setScope({ kind: 'library' })} />
              The whole library
            </label>
          </fieldset>
          <fieldset>
            <legend>Format</legend>
            {FORMATS.map((f) => (
              <label key={f.value}>
                <input
                  type="radio"
                  name="format"
                  checked={format === f.value}
                  onChange={() => {
                    setFormat(f.value)
                    if (WHOLE_LIBRARY.includes(f.value)) setScope({ kind: 'library' })
                  }}
                />
                {f.label} <span className="muted">— {f.hint}</span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Options</legend>
            {format === 'markdown' ? (
              <>
                <label>
                  Citation style{' '}
                  <select aria-label="Citation style" value={citationStyle} onChange={(e) => setCitationStyle(e.target.value as typeof citationStyle)}>
                    {CITATION_STYLES.map((style) => (
                      <option key={style} value={style}>
                        {CITATION_LABELS[style]}
                      </option>
                    ))}
                  </select>
                </label>
                {scope.kind === 'library' ? (
                  <label>
                    <input type="checkbox" checked={layout === 'folder'} onChange={(e) => setLayout(e.target.checked ? 'folder' : 'file')} />
                    A folder with a file per article and note (for an Obsidian vault)
                  </label>
                ) : null}
              </>
            ) : null}
            {WHOLE_LIBRARY.includes(format) ? (
              <p className="muted export-note">
                {format === 'qdpx'
                  ? 'Every article’s text, the themes, every highlight whose words are in the text, and the notes and memos.'
                  : 'The themes with their sub-themes, colours and descriptions.'}
              </p>
            ) : (
              <label>
                <input type="checkbox" checked={includeNotes} onChange={(e) => setIncludeNotes(e.target.checked)} />
                Include notes
              </label>
            )}
            {format === 'csv' ? (
              <label>
                <input type="checkbox" checked={byteOrderMark} onChange={(e) => setByteOrderMark(e.target.checked)} />
                Byte-order mark (helps spreadsheet apps read accents)
              </label>
            ) : null}
            {format === 'csv' ? (
              <label>
                <input type="checkbox" checked={rawCells} onChange={(e) => setRawCells(e.target.checked)} />
                Raw cells: keep text starting with = + - @ as it is (a spreadsheet may run it as a formula)
              </label>
            ) : null}
            {format === 'json' ? (
              <label className="export-creator">
                Your name, credited as each annotation’s creator (optional){' '}
                <input value={creator} maxLength={120} onChange={(e) => setCreator(e.target.value)} />
              </label>
            ) : null}
            {format === 'csv' && !rawCells ? (
              <p className="muted export-note">Cells that start with = + - or @ get a leading ' so a spreadsheet shows them as text, never as a formula.</p>
            ) : null}
          </fieldset>
          <div className="row-actions">
            <button type="submit" className="primary" disabled={working}>
              Export…
            </button>
          </div>
        </form>
      )}
      {target.section === 'backup' ? (
        <section aria-label="Backup">
          <p className="muted">One file (a zip) with the library and every article text, to keep or to move to another machine.</p>
          <div className="row-actions">
            <button type="button" className="primary" disabled={working} onClick={() => void backUp()}>
              Back up library…
            </button>
          </div>
          <p className="muted">A backup is restored into a new or empty folder, which becomes a library of its own.</p>
          <label>
            <input type="checkbox" checked={openAfterRestore} onChange={(e) => setOpenAfterRestore(e.target.checked)} />
            Open the restored library afterwards
          </label>
          <div className="row-actions">
            <button type="button" disabled={working} onClick={() => void restore()}>
              Restore from backup…
            </button>
          </div>
        </section>
      ) : null}
      {working ? (
        <div className="progress">
          <progress
            aria-label={progress?.task ?? 'Working'}
            {...(progress && progress.total > 0 ? { value: progress.done, max: progress.total } : {})}
          />
          <span className="muted">
            {progress ? `${progress.task}${progress.total > 1 ? ` — ${progress.done} of ${progress.total}` : ''}` : 'Working…'}
          </span>
          <button type="button" onClick={() => void call('tasks:cancel', {}).catch(() => undefined)}>
            Cancel
          </button>
        </div>
      ) : null}
      {outcome.kind === 'done' ? (
        <p role="status" className="notice">
          {outcome.message}
        </p>
      ) : null}
      {outcome.kind === 'failed' ? <p role="alert">{outcome.message}</p> : null}
      <div className="row-actions end">
        <button type="button" onClick={onClose} disabled={working}>
          Close
        </button>
      </div>
    </dialog>
  )
}
