// Reading one article: its details (editable), the text with its highlights, the selection toolbar and
// the highlight panel; previous/next article, text size, undo of a deletion, and keyboard selection by
// sentence (focus the text, ↑/↓ to pick a sentence, Shift to extend, H to highlight).
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import type { ThemeSummary } from '../../../shared/ipc/contract'
import type { HighlightColor, Theme } from '../../../shared/model'
import { countWords, openingWords, sentenceRanges } from '../../../shared/text'
import { call, messageOf } from '../api'
import { formatCount, plural } from '../app/format'
import { TEXT_SIZE_STEP } from '../app/preferences'
import { navigate } from '../app/route'
import { ArticleText } from './ArticleText'
import { CorrectionEditor } from './CorrectionEditor'
import { selectedTextRange, selectTextRange, textOffsetAt } from './dom-offsets'
import { HighlightPanel } from './HighlightPanel'
import { MetadataForm } from './MetadataForm'
import { SelectionToolbar } from './SelectionToolbar'
import { useArticle } from './use-article'
import { FindBar } from './FindBar'
import { NoteBeside } from './NoteBeside'
import { clearMarks, markRanges, scrollToRange } from './marks'

interface Props {
  id: string
  highlightId: string | undefined
  /** The words a search opened the article at: scrolled to and marked. */
  at?: { start: number; end: number } | undefined
  position: number
  count: number
  onStep: (delta: number) => void
  textSize: number
  onTextSize: (size: number) => void
  onChanged: () => void
  /** Moves the article to the Trash (the app offers Undo). */
  onTrash: (id: string, title: string) => void
  themes: ThemeSummary[]
  onCreateTheme: (name: string) => Promise<Theme>
}

interface Selection {
  start: number
  end: number
  rect: DOMRect
}

const isEditing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]') !== null

export function ReaderView(props: Props) {
  const { id, highlightId, at, position, count, onStep, textSize, onTextSize, onChanged, onTrash, themes, onCreateTheme } = props
  const article = useArticle(id, onChanged)
  const { detail } = article
  const rootRef = useRef<HTMLDivElement>(null)
  const [selectedId, setSelectedId] = useState<string | null>(highlightId ?? null)
  const [selection, setSelection] = useState<Selection | null>(null)
  const [reattaching, setReattaching] = useState<string | null>(null)
  const [correcting, setCorrecting] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [finding, setFinding] = useState(false)
  // A note open beside the article instead of the highlights; kept on for the next article.
  const [noteBeside, setNoteBesideHere] = useState(() => localStorage.getItem(NOTE_BESIDE_KEY) === 'on')
  const setNoteBeside = (on: boolean): void => {
    localStorage.setItem(NOTE_BESIDE_KEY, on ? 'on' : 'off')
    setNoteBesideHere(on)
  }
  const textRoot = useCallback(() => rootRef.current, [])
  const themeMap = useMemo(() => new Map<string, Theme>(themes.map((t) => [t.id, t])), [themes])
  const sentences = useMemo(() => (detail?.text ? sentenceRanges(detail.text) : []), [detail?.text])

  // The toolbar follows the user's selection inside the article text.
  useEffect(() => {
    const update = (): void => {
      const root = rootRef.current
      const range = root ? selectedTextRange(root) : null
      const domRange = range ? window.getSelection()?.getRangeAt(0) : null
      setSelection(range && domRange ? { ...range, rect: domRange.getBoundingClientRect() } : null)
    }
    document.addEventListener('selectionchange', update)
    window.addEventListener('scroll', update, { passive: true })
    return () => {
      document.removeEventListener('selectionchange', update)
      window.removeEventListener('scroll', update)
    }
  }, [])

  // Opening at a passage (from a theme's list or a link): scroll to it once the text is there.
  useEffect(() => setSelectedId(highlightId ?? null), [highlightId])
  useEffect(() => {
    if (!highlightId || !detail) return
    const mark = rootRef.current?.querySelector(`mark[data-highlight-ids~="${CSS.escape(highlightId)}"]`)
    mark?.scrollIntoView({ block: 'center' })
  }, [highlightId, detail])

  // Opened from a search at a match: scroll to its words and mark them (until the find bar takes over).
  const atStart = at?.start
  const atEnd = at?.end
  useEffect(() => {
    const root = rootRef.current
    if (atStart === undefined || atEnd === undefined || !detail || !root || finding) return
    const [range] = markRanges(root, 'find-current', [[atStart, atEnd]])
    if (range) scrollToRange(range)
  }, [atStart, atEnd, detail, finding])
  useEffect(() => () => clearMarks(), [])

  // The reading position is kept per article: reopening it (not at a highlight or a match) returns there.
  const opensAtPlace = highlightId !== undefined || atStart !== undefined
  const hasDetail = detail !== null
  useEffect(() => {
    if (!hasDetail) return
    if (!opensAtPlace) {
      const kept = readingPosition(id)
      if (kept > 0) window.scrollTo({ top: kept })
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    const keep = (): void => {
      clearTimeout(timer)
      timer = setTimeout(() => keepReadingPosition(id, window.scrollY), 200)
    }
    window.addEventListener('scroll', keep, { passive: true })
    return () => {
      clearTimeout(timer)
      window.removeEventListener('scroll', keep)
    }
  }, [id, hasDetail, opensAtPlace])

  const highlight = useCallback(
    async (color: HighlightColor | null) => {
      if (!selection) return
      const created = await article.create(selection, color)
      window.getSelection()?.removeAllRanges()
      if (created) setSelectedId(created.id)
    },
    [selection, article]
  )

  const reattach = useCallback(async () => {
    if (!selection || !reattaching) return
    await article.reattach(reattaching, selection)
    window.getSelection()?.removeAllRanges()
    setSelectedId(reattaching)
    setReattaching(null)
  }, [selection, reattaching, article])

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        setFinding(true)
        return
      }
      // Escape that no control used (a theme list to close, a field to clear) closes the open highlight.
      if (event.key === 'Escape' && selectedId && !event.defaultPrevented) {
        setSelectedId(null)
        rootRef.current?.focus()
        event.preventDefault()
        return
      }
      if (isEditing(event.target)) return
      const mod = event.ctrlKey || event.metaKey
      if (mod && event.key.toLowerCase() === 'z' && !event.shiftKey) {
        if (article.undoable.length === 0) return
        void article.undo()
      } else if (!mod && (event.key === 'h' || event.key === 'H') && selection) {
        void (reattaching ? reattach() : highlight(null))
      } else if (!mod && event.key === ']') onStep(1)
      else if (!mod && event.key === '[') onStep(-1)
      else if (event.key === 'Escape') {
        // Escape clears a selection first; only with nothing selected does it leave the article.
        const selected = window.getSelection()
        if (selected && !selected.isCollapsed) selected.removeAllRanges()
        else navigate({ name: 'library' })
      }
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onStep, article, selection, highlight, reattach, reattaching, selectedId])

  /** Arrow keys in the focused text select sentence by sentence; Shift extends the selection. */
  const onTextKey = (event: ReactKeyboardEvent<HTMLDivElement>): void => {
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || !rootRef.current || sentences.length === 0) return
    event.preventDefault()
    const forward = event.key === 'ArrowDown'
    // Read the selection from the page, not from state: key presses can outrun re-rendering.
    const current = selectedTextRange(rootRef.current)
    let start: number
    let end: number
    if (!current) {
      // Start where the reader is: at the caret if there is one in the text, else the first sentence in view.
      const from = caretOffset(rootRef.current) ?? firstOffsetInView(rootRef.current)
      const first = sentences.find((s) => s.end > from) ?? sentences[0]!
      ;({ start, end } = first)
    } else if (event.shiftKey) {
      start = current.start
      const next = forward ? sentences.find((s) => s.end > current.end) : [...sentences].reverse().find((s) => s.end < current.end && s.end > current.start)
      end = next ? next.end : current.end
    } else {
      const next = forward ? sentences.find((s) => s.start >= current.end) : [...sentences].reverse().find((s) => s.end <= current.start)
      if (!next) return
      ;({ start, end } = next)
    }
    const range = selectTextRange(rootRef.current, start, end)
    range?.startContainer.parentElement?.scrollIntoView({ block: 'nearest' })
  }

  if (article.failure) {
    return (
      <main className="reader">
        <p role="alert">{article.failure}</p>
      </main>
    )
  }
  if (!detail) return <main className="reader" aria-busy="true" />

  const { text, textStatus } = detail
  const meta = detail.article
  /** An imported article's original file, read again (a better importer): its highlights move onto the new text. */
  const readAgain = async (): Promise<void> => {
    try {
      const result = await call('articles:reextract', { id })
      setNotice(
        result.changed
          ? `The original was read again. ${plural(result.anchored, 'highlight')} found ${result.anchored === 1 ? 'its' : 'their'} place${result.unanchored > 0 ? `; ${plural(result.unanchored, 'highlight')} could not be placed and ${result.unanchored === 1 ? 'is' : 'are'} listed as unanchored` : ''}.`
          : 'The original reads the same as before; nothing changed.'
      )
      if (result.changed) void article.reload().then(onChanged)
    } catch (error) {
      setNotice(messageOf(error))
    }
  }
  const opening = text ? `${openingWords(text)}…` : 'Untitled'
  const lastChange = article.undoable.at(-1)

  return (
    <main className="reader" aria-label="Reader">
      <div className="reader-tools" role="toolbar" aria-label="Reading">
        <button type="button" onClick={() => navigate({ name: 'library' })}>
          ← Library
        </button>
        <span className="position">{position >= 0 ? `${position + 1} of ${count}` : ''}</span>
        <button type="button" onClick={() => onStep(-1)} aria-keyshortcuts="[" title="Previous article ([)">
          Previous article
        </button>
        <button type="button" onClick={() => onStep(1)} aria-keyshortcuts="]" title="Next article (])">
          Next article
        </button>
        <span className="spacer" />
        <button type="button" aria-pressed={noteBeside} onClick={() => setNoteBeside(!noteBeside)}>
          Note beside
        </button>
        {text !== null ? (
          <button type="button" onClick={() => setCorrecting(true)} disabled={correcting}>
            Correct text
          </button>
        ) : null}
        {meta.original ? (
          <button type="button" onClick={() => void readAgain()} title={`Read ${meta.original.name} again`}>
            Read original again
          </button>
        ) : null}
        <button type="button" onClick={() => onTrash(id, meta.meta.title || opening || id)}>
          Move to Trash
        </button>
        <button type="button" onClick={() => onTextSize(textSize - TEXT_SIZE_STEP)} aria-label="Smaller text">
          A−
        </button>
        <span className="text-size" aria-label="Text size">
          {textSize}px
        </span>
        <button type="button" onClick={() => onTextSize(textSize + TEXT_SIZE_STEP)} aria-label="Larger text">
          A+
        </button>
      </div>
      <div className="reader-body">
        <article className="sheet">
          {finding && text !== null ? (
            <FindBar
              text={text}
              root={textRoot}
              onClose={() => {
                setFinding(false)
                rootRef.current?.focus()
              }}
            />
          ) : null}
          <MetadataForm article={meta} placeholderTitle={opening} onSaved={onChanged} />
          {notice ? (
            <p role="status" className="notice">
              {notice}
            </p>
          ) : null}
          {text === null ? (
            <p role="alert" className="warning">
              {textStatus === 'unreadable'
                ? `The text of this article (texts/${meta.file}) is in the library folder but cannot be read: check that file's permissions. Its details are kept.`
                : `The text of this article is missing from the library folder (texts/${meta.file}). Its details are kept.`}
            </p>
          ) : correcting ? (
            <CorrectionEditor
              articleId={id}
              text={text}
              corrected={meta.correctedText !== null}
              onDone={(message) => {
                setCorrecting(false)
                setNotice(message)
                if (message) void article.reload().then(onChanged)
              }}
            />
          ) : (
            <>
              {textStatus === 'altered' ? (
                <p role="note" className="warning">
                  This text was changed outside Liner Notes since it was added; it is shown as it is now.
                </p>
              ) : null}
              <p className="reading-facts">
                {formatCount(countWords(text))} words{meta.correctedText !== null ? ' · corrected text (the original is kept)' : ''}
              </p>
              <ArticleText
                text={text}
                highlights={detail.highlights}
                themes={themeMap}
                selectedId={selectedId}
                onOpenHighlight={setSelectedId}
                rootRef={rootRef}
                onKeyDown={onTextKey}
                {...(meta.kinds && meta.correctedText === null ? { kinds: meta.kinds } : {})}
              />
            </>
          )}
        </article>
        {noteBeside && selectedId === null ? (
          <NoteBeside themes={themes} onClose={() => setNoteBeside(false)} />
        ) : (
          <HighlightPanel
            highlights={detail.highlights}
            themes={themes}
            themeMap={themeMap}
            selectedId={selectedId}
            onSelect={setSelectedId}
            article={article}
            onCreateTheme={onCreateTheme}
            memo={meta.memo}
            onStartReattach={(highlightIdToPlace) => {
              setReattaching(highlightIdToPlace)
              setNotice('Select the passage this highlight belongs to, then choose “Re-attach here”.')
            }}
          />
        )}
      </div>
      {selection && !correcting ? (
        <SelectionToolbar
          rect={selection.rect}
          reattaching={reattaching}
          onHighlight={(color) => void highlight(color)}
          onReattach={() => void reattach().then(() => setNotice(null))}
          onCancelReattach={() => {
            setReattaching(null)
            setNotice(null)
          }}
        />
      ) : null}
      {article.actionError ? (
        <p role="alert" className="toast error">
          {article.actionError}
        </p>
      ) : lastChange ? (
        <div role="status" className="toast">
          {lastChange.kind === 'deleted' ? 'Highlight deleted.' : lastChange.before.length === 1 ? 'Theme removed from the highlight.' : `Themes removed from ${lastChange.before.length} highlights.`}
          <button type="button" onClick={() => void article.undo()} aria-keyshortcuts="Control+Z Meta+Z">
            Undo
          </button>
        </div>
      ) : null}
    </main>
  )
}

/** Whether the reader shows a note beside the article (on/off), for every article. */
const NOTE_BESIDE_KEY = 'liner-notes:note-beside-open'

const POSITIONS_KEY = 'liner-notes:reading-positions'

/** Where the reader was in an article (pixels scrolled), kept in the page's storage; 0 when never read. */
function readingPosition(id: string): number {
  try {
    const kept = JSON.parse(localStorage.getItem(POSITIONS_KEY) ?? '{}') as Record<string, number>
    return typeof kept[id] === 'number' ? kept[id] : 0
  } catch {
    return 0
  }
}

function keepReadingPosition(id: string, top: number): void {
  try {
    const kept = JSON.parse(localStorage.getItem(POSITIONS_KEY) ?? '{}') as Record<string, number>
    kept[id] = Math.round(top)
    localStorage.setItem(POSITIONS_KEY, JSON.stringify(kept))
  } catch {
    // Storage full or unavailable: the article opens at the top, as before.
  }
}

/** The text offset of a caret (a collapsed selection) inside the article, or null. */
function caretOffset(root: HTMLElement): number | null {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  return textOffsetAt(root, range.startContainer, range.startOffset)
}

/** The offset of the first paragraph whose text is on screen below the top bar; 0 when none is. */
function firstOffsetInView(root: HTMLElement): number {
  const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0
  for (const p of root.querySelectorAll<HTMLElement>('p[data-start]')) {
    if (p.getBoundingClientRect().bottom > top + 8) return Number(p.dataset.start)
  }
  return 0
}
