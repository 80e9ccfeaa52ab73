// An article's metadata, editable in place: each field saves a moment after typing stops and when it
// loses focus. A refused value (a malformed date or address) is reported and left for the user to fix.
import { useCallback, useRef, useState } from 'react'
import { ARTICLE_KINDS, type Article, type ArticleMeta } from '../../../shared/model'
import { call, messageOf } from '../api'
import { useFlushOnLeave } from '../app/flush-registry'

const SAVE_DELAY_MS = 600

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string }

type Checked = 'date' | 'url'

/**
 * What is wrong with a typed date or address, in the user's words, shown next to the field; null when
 * it is fine. The core checks again (with its own sentence) whatever reaches it.
 */
export function fieldProblem(key: Checked, value: string): string | null {
  if (value === '') return null
  if (key === 'url') {
    let url: URL | null = null
    try {
      url = new URL(value)
    } catch {
      url = null
    }
    return url && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
      ? null
      : 'Not saved: a web address starts with http:// or https://, like https://collider.com/k-pops-review.'
  }
  const [year, month, day] = value.split('-').map(Number)
  const real = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(Date.UTC(year!, month! - 1, day!)).toISOString().startsWith(value)
  return real ? null : 'Not saved: a date is a real day, like 2024-09-27.'
}

/** A refusal from the core, without the request's internal name ("The articles:update-meta request was refused: patch.url: …"). */
function inUserWords(message: string): string {
  return message.replace(/^The [\w:-]+ request was refused: /, '').replace(/\bpatch\.(\w+): /g, (_, field: string) => `${field[0]!.toUpperCase()}${field.slice(1)}: `)
}

interface Props {
  article: Article
  /** Shown in place of an empty title. */
  placeholderTitle: string
  onSaved: (article: Article) => void
}

export function MetadataForm({ article, placeholderTitle, onSaved }: Props) {
  const [meta, setMeta] = useState<ArticleMeta>(article.meta)
  const [state, setState] = useState<SaveState>({ kind: 'idle' })
  const [problems, setProblems] = useState<Partial<Record<Checked, string>>>({})
  const pending = useRef<Partial<ArticleMeta>>({})
  const timer = useRef<number | undefined>(undefined)

  /** Sends what changed; resolves to false when it was refused (the edits stay, to be sent again). */
  const save = (): Promise<boolean> => {
    window.clearTimeout(timer.current)
    const patch = pending.current
    if (Object.keys(patch).length === 0) return Promise.resolve(true)
    pending.current = {}
    setState({ kind: 'saving' })
    return call('articles:update-meta', { id: article.id, patch }).then(
      (saved) => {
        setState({ kind: 'saved' })
        onSaved(saved)
        return true
      },
      (error: unknown) => {
        // Keep the refused edits (newer typing wins) so a valid title is not lost with a bad date.
        pending.current = { ...patch, ...pending.current }
        setState({ kind: 'failed', message: inUserWords(messageOf(error)) })
        return false
      }
    )
  }

  // Whatever is still waiting is sent when the reader closes or the page goes away.
  const saveRef = useRef(save)
  saveRef.current = save
  useFlushOnLeave(useCallback(() => saveRef.current(), []))

  const edit = <K extends keyof ArticleMeta>(key: K, value: ArticleMeta[K]): void => {
    setMeta((m) => ({ ...m, [key]: value }))
    if (key === 'date' || key === 'url') {
      // A value that cannot be saved is said so beside its field and kept out of the save.
      const problem = fieldProblem(key, value as string)
      setProblems((p) => ({ ...p, [key]: problem ?? undefined }))
      if (problem) {
        const rest = { ...pending.current }
        delete rest[key]
        pending.current = rest
        return
      }
    }
    pending.current = { ...pending.current, [key]: value }
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(save, SAVE_DELAY_MS)
  }

  const text = (key: 'outlet' | 'author', label: string) => (
    <input
      aria-label={label}
      value={meta[key]}
      placeholder={`Add ${label.toLowerCase()}`}
      onChange={(e) => edit(key, e.target.value)}
      onBlur={() => void save()}
      onKeyDown={(e) => e.key === 'Enter' && void save()}
    />
  )

  return (
    <form className="metadata" aria-label="Article details" onSubmit={(e) => (e.preventDefault(), void save())}>
      {/* The page's main heading is the title itself, edited in place: its name is the field's value, and an
          untitled article is named as the library lists it, by its opening words. */}
      <h1 className="title-heading" aria-label={meta.title === '' ? placeholderTitle : undefined}>
        <textarea
          className="title-input"
          aria-label="Title"
          rows={1}
          value={meta.title}
          placeholder={placeholderTitle}
          onChange={(e) => edit('title', e.target.value.replace(/\n/g, ' '))}
          onBlur={() => void save()}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return
            e.preventDefault() // a title is one line
            void save()
          }}
        />
      </h1>
      <div className="meta-row">
        <label>
          <span>Outlet</span>
          {text('outlet', 'Outlet')}
        </label>
        <label>
          <span>Author</span>
          {text('author', 'Author')}
        </label>
        <label>
          <span>Date</span>
          <input
            type="date"
            aria-label="Date"
            value={meta.date}
            aria-invalid={problems.date ? true : undefined}
            aria-describedby={problems.date ? `${article.id}-date-problem` : undefined}
            onChange={(e) => edit('date', e.target.value)}
            onBlur={() => void save()}
          />
          {problems.date ? (
            <span id={`${article.id}-date-problem`} className="field-problem" role="alert">
              {problems.date}
            </span>
          ) : null}
        </label>
        <label>
          <span>Kind</span>
          <select aria-label="Kind" value={meta.kind} onChange={(e) => edit('kind', e.target.value as ArticleMeta['kind'])} onBlur={() => void save()}>
            <option value="">Not set</option>
            {ARTICLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="url">
          <span>URL</span>
          <input
            type="url"
            aria-label="URL"
            value={meta.url}
            placeholder="https://…"
            aria-invalid={problems.url ? true : undefined}
            aria-describedby={problems.url ? `${article.id}-url-problem` : undefined}
            onChange={(e) => edit('url', e.target.value.trim())}
            onBlur={() => void save()}
          />
          {problems.url ? (
            <span id={`${article.id}-url-problem`} className="field-problem" role="alert">
              {problems.url}
            </span>
          ) : null}
        </label>
      </div>
      <p className={`save-state ${state.kind}`} role={state.kind === 'failed' ? 'alert' : 'status'}>
        {state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? 'Saved' : state.kind === 'failed' ? state.message : ''}
      </p>
    </form>
  )
}
