// The reader's side panel: the open highlight (quote, colour, themes, times, delete), the article's
// highlights filterable by theme with several selectable for theming at once, and the unanchored ones.
import { useMemo, useState, type CSSProperties, type FormEvent } from 'react'
import type { AnchoredHighlight, ThemeSummary } from '../../../shared/ipc/contract'
import type { HighlightColor, Theme } from '../../../shared/model'
import type { NoteDoc } from '../../../shared/note-doc'
import { articleLabel, quotationWithCitation, speakerList } from '../../../shared/citation'
import { passageVoices, speakerMapOfArticle, voiceNames, type SpeakerMap } from '../../../shared/speakers'
import { formatDateTime } from '../app/format'
import { NoteEditor } from '../notes/editor/NoteEditor'
import { ThemePicker } from '../themes/ThemePicker'
import { COLOR_NAMES, HIGHLIGHT_COLORS, highlightHex, PALETTE, themeNames } from './colors'
import type { ArticleState } from './use-article'

interface Props {
  highlights: AnchoredHighlight[]
  themes: ThemeSummary[]
  themeMap: ReadonlyMap<string, Theme>
  selectedId: string | null
  onSelect: (id: string | null) => void
  article: ArticleState
  onCreateTheme: (name: string) => Promise<Theme>
  onStartReattach: (id: string) => void
  memo: NoteDoc | null
}

/** *Copy with citation*: the quote and where it is from, as plain text or Markdown, for the user's writing. */
function CopyQuote({ highlight, article, speakers }: { highlight: AnchoredHighlight; article: ArticleState; speakers: readonly string[] }) {
  const [copied, setCopied] = useState('')
  const detail = article.detail
  if (!detail) return null
  const { meta } = detail.article
  const copy = async (format: 'text' | 'markdown'): Promise<void> => {
    const text = detail.text ?? ''
    const source = { title: meta.title || articleLabel('', text), outlet: meta.outlet, author: meta.author, date: meta.date, speaker: speakerList(speakers) }
    try {
      await navigator.clipboard.writeText(quotationWithCitation(highlight.quote.exact, source, format, linkTo(detail.article.id, highlight.id)))
      setCopied(format === 'text' ? 'Copied with its citation.' : 'Copied as Markdown with its citation.')
    } catch {
      setCopied('The clipboard could not be written; select the quote and copy it instead.')
    }
  }
  return (
    <div className="copy-quote">
      <button type="button" onClick={() => void copy('text')}>
        Copy with citation
      </button>
      <button type="button" onClick={() => void copy('markdown')}>
        Copy as Markdown
      </button>
      <span role="status" className="muted">
        {copied}
      </span>
    </div>
  )
}

/** Who says a highlight's passage: the text's labels (each speaker once), or the user's word. */
function speakersOf(map: SpeakerMap | null, highlight: AnchoredHighlight, byText = false): string[] {
  const range = highlight.anchor ?? highlight.position
  if (map === null) return !byText && highlight.speaker?.name ? [highlight.speaker.name] : []
  return voiceNames(passageVoices(map, range.start, range.end, byText ? undefined : highlight.speaker))
}

const FROM_TEXT = 'from-text'
const NOBODY = 'nobody'
const ANOTHER = 'another'

/**
 * The passage's speaker: what the text's labels say, unless the user set it by hand (a name, or nobody).
 * The user has the last word; "From the text" gives it back to the labels.
 */
function SpeakerField({ highlight, map, article }: { highlight: AnchoredHighlight; map: SpeakerMap | null; article: ArticleState }) {
  const fromText = speakersOf(map, highlight, true)
  const names = [...new Set([...(map?.names ?? []), ...(highlight.speaker?.name ? [highlight.speaker.name] : [])])]
  const chosen = highlight.speaker === undefined ? FROM_TEXT : highlight.speaker.name === null ? NOBODY : highlight.speaker.name
  const [typing, setTyping] = useState(false)
  const [typed, setTyped] = useState('')
  const choose = (value: string): void => {
    if (value === ANOTHER) return setTyping(true)
    setTyping(false)
    void article.update(highlight.id, { speaker: value === FROM_TEXT ? null : { name: value === NOBODY ? null : value } })
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (typed.trim() === '') return
    setTyping(false)
    setTyped('')
    void article.update(highlight.id, { speaker: { name: typed.trim() } })
  }
  return (
    <div className="speaker-field">
      <label>
        Speaker{' '}
        <select value={typing ? ANOTHER : chosen} onChange={(e) => choose(e.target.value)}>
          <option value={FROM_TEXT}>{fromText.length > 0 ? `From the text: ${speakerList(fromText)}` : 'From the text: not labelled'}</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          <option value={NOBODY}>Nobody</option>
          <option value={ANOTHER}>Another name…</option>
        </select>
      </label>
      {typing ? (
        <form onSubmit={submit} className="speaker-name-form">
          <input aria-label="Speaker’s name" value={typed} maxLength={120} autoFocus onChange={(e) => setTyped(e.target.value)} />
          <button type="submit">Set speaker</button>
        </form>
      ) : null}
      {highlight.speaker !== undefined ? <p className="muted">Set by hand; exports and search use it.</p> : null}
    </div>
  )
}

/** The liner-notes:// address of a passage, as exports write it. */
const linkTo = (articleId: string, highlightId: string): string => `liner-notes://open/${encodeURIComponent(articleId)}/${encodeURIComponent(highlightId)}`

const excerpt = (quote: string, length = 90): string => (quote.length > length ? `${quote.slice(0, length)}…` : quote)

export function HighlightPanel({ highlights, themes, themeMap, selectedId, onSelect, article, onCreateTheme, onStartReattach, memo }: Props) {
  const [filter, setFilter] = useState('')
  const [checked, setChecked] = useState<Set<string>>(new Set())
  const anchored = highlights.filter((h) => h.anchor).sort((a, b) => a.anchor!.start - b.anchor!.start)
  const unanchored = highlights.filter((h) => !h.anchor)
  const shown = filter ? anchored.filter((h) => h.themeIds.includes(filter)) : anchored
  const selected = highlights.find((h) => h.id === selectedId) ?? null
  const usedThemes = themes.filter((t) => highlights.some((h) => h.themeIds.includes(t.id)))
  const checkedIds = [...checked].filter((id) => highlights.some((h) => h.id === id))
  const detail = article.detail
  const speakerMap = useMemo(
    () => (detail?.text && detail.article.meta.kind === 'interview' ? speakerMapOfArticle(detail.article, detail.text) : null),
    [detail?.text, detail?.article]
  )

  const toggle = (id: string): void =>
    setChecked((set) => {
      const next = new Set(set)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  return (
    <aside className="highlight-panel" aria-label="Highlights">
      {selected ? (
        <section className="highlight-detail" aria-label="Open highlight">
          <div className="panel-head">
            <h2>Highlight</h2>
            <button type="button" onClick={() => onSelect(null)}>
              Close
            </button>
          </div>
          <blockquote style={{ '--hl': highlightHex(selected, themeMap) } as CSSProperties}>{selected.quote.exact}</blockquote>
          {selected.anchor ? null : <p className="warning">This passage could not be found in the text.</p>}
          {speakerMap !== null || selected.speaker !== undefined ? <SpeakerField key={`speaker-${selected.id}`} highlight={selected} map={speakerMap} article={article} /> : null}
          <fieldset className="colors">
            <legend>Colour</legend>
            <label className="color-choice">
              <input
                type="radio"
                name="highlight-color"
                checked={selected.color === null}
                onChange={() => void article.update(selected.id, { color: null })}
              />
              <span>Theme colour</span>
            </label>
            {HIGHLIGHT_COLORS.map((color: HighlightColor) => (
              <label key={color} className="color-choice" title={COLOR_NAMES[color]}>
                <input
                  type="radio"
                  name="highlight-color"
                  checked={selected.color === color}
                  onChange={() => void article.update(selected.id, { color })}
                />
                <span className="swatch" style={{ '--swatch': PALETTE[color] } as CSSProperties} />
                <span>{COLOR_NAMES[color]}</span>
              </label>
            ))}
          </fieldset>
          <ThemePicker
            key={selected.id}
            themes={themes}
            selectedIds={selected.themeIds}
            onChange={(themeIds) => void article.update(selected.id, { themeIds })}
            onCreate={onCreateTheme}
            autoFocus
          />
          <h3 className="panel-subhead">Note</h3>
          <NoteEditor
            key={`note-${selected.id}`}
            label="Note on highlight"
            doc={selected.note}
            themes={themes}
            compact
            placeholder="Why this passage matters…"
            save={(doc) => article.saveNote(selected.id, doc)}
          />
          <p className="times">
            Created {formatDateTime(selected.createdAt)}
            {selected.updatedAt !== selected.createdAt ? ` · edited ${formatDateTime(selected.updatedAt)}` : ''}
          </p>
          <CopyQuote highlight={selected} article={article} speakers={speakersOf(speakerMap, selected)} />
          <button type="button" className="danger" onClick={() => void article.remove(selected.id).then(() => onSelect(null))}>
            Delete highlight
          </button>
        </section>
      ) : null}

      <section aria-labelledby="highlights-heading">
        <div className="panel-head">
          <h2 id="highlights-heading">Highlights ({anchored.length})</h2>
          <label className="panel-filter">
            <span className="visually-hidden">Show highlights with theme</span>
            <select value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Show highlights with theme">
              <option value="">All themes</option>
              {usedThemes.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        {checkedIds.length > 0 ? (
          <div className="bulk" role="group" aria-label="Selected highlights">
            <span>{checkedIds.length} selected</span>
            <select
              aria-label="Add theme to selected"
              value=""
              onChange={(e) => e.target.value && void article.bulkThemes(checkedIds, { add: [e.target.value] })}
            >
              <option value="">Add theme…</option>
              {themes.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <select
              aria-label="Remove theme from selected"
              value=""
              onChange={(e) => e.target.value && void article.bulkThemes(checkedIds, { remove: [e.target.value] })}
            >
              <option value="">Remove theme…</option>
              {themes.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => setChecked(new Set())}>
              Clear
            </button>
          </div>
        ) : null}
        {shown.length === 0 ? (
          <p className="muted">{anchored.length ? 'No highlight has this theme.' : 'Select text in the article to highlight it.'}</p>
        ) : (
          <ul className="highlight-list">
            {shown.map((h) => {
              const names = themeNames(h, themeMap)
              return (
                <li key={h.id} className={h.id === selectedId ? 'current' : undefined}>
                  <input
                    type="checkbox"
                    aria-label={`Select highlight “${excerpt(h.quote.exact, 40)}”`}
                    checked={checked.has(h.id)}
                    onChange={() => toggle(h.id)}
                  />
                  <span className="swatch" style={{ '--swatch': highlightHex(h, themeMap) } as CSSProperties} aria-hidden="true" />
                  <button type="button" className="quote-button" onClick={() => onSelect(h.id)} aria-label={`Open highlight “${excerpt(h.quote.exact, 40)}”`}>
                    <span className="quote">{excerpt(h.quote.exact)}</span>
                    <span className="theme-names">{names.length ? names.join(' · ') : 'No themes'}</span>
                  </button>
                </li>
              )
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="memo-heading" className="memo">
        <h2 id="memo-heading">Memo on this article</h2>
        <NoteEditor label="Article memo" doc={memo} themes={themes} compact placeholder="What this article is for…" save={article.saveMemo} />
      </section>

      {unanchored.length > 0 ? (
        <section aria-labelledby="unanchored-heading" className="unanchored">
          <h2 id="unanchored-heading">Unanchored ({unanchored.length})</h2>
          <p className="muted">These passages are no longer in the text. Select where one belongs and re-attach it, or delete it.</p>
          <ul className="highlight-list">
            {unanchored.map((h) => (
              <li key={h.id}>
                <span className="quote">“{excerpt(h.quote.exact)}”</span>
                <span className="theme-names">{themeNames(h, themeMap).join(' · ') || 'No themes'}</span>
                <span className="row-actions">
                  <button type="button" onClick={() => onStartReattach(h.id)} aria-label={`Re-attach “${excerpt(h.quote.exact, 40)}”`}>
                    Re-attach
                  </button>
                  <button type="button" onClick={() => void article.remove(h.id)} aria-label={`Delete “${excerpt(h.quote.exact, 40)}”`}>
                    Delete
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  )
}
