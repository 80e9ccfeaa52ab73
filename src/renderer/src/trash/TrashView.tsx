// The Trash: articles deleted with their highlights and memos, each restorable; emptying it deletes them
// for good, after a confirmation that says how many highlights go with them.
import { useCallback, useEffect, useState } from 'react'
import type { TrashedArticle } from '../../../shared/ipc/contract'
import { call, messageOf } from '../api'
import { ConfirmDialog } from '../app/ConfirmDialog'
import { plural } from '../app/format'

export function TrashView({ onChanged }: { onChanged: () => void }) {
  const [trashed, setTrashed] = useState<TrashedArticle[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)

  const load = useCallback(() => {
    call('trash:list', {}).then(setTrashed, (error: unknown) => setProblem(messageOf(error)))
  }, [])
  useEffect(load, [load])

  const restore = async (article: TrashedArticle): Promise<void> => {
    try {
      const counts = await call('trash:restore', { ids: [article.id] })
      setNotice(`“${article.title}” is back in the library with ${plural(counts.highlights, 'highlight')}.`)
      load()
      onChanged()
    } catch (error) {
      setProblem(messageOf(error))
    }
  }

  const empty = async (): Promise<void> => {
    setConfirming(false)
    try {
      const counts = await call('trash:empty', {})
      setNotice(`Deleted ${plural(counts.articles, 'article')} and ${plural(counts.highlights, 'highlight')} for good.`)
      load()
    } catch (error) {
      setProblem(messageOf(error))
    }
  }

  const highlights = trashed?.reduce((sum, a) => sum + a.highlights, 0) ?? 0
  return (
    <main className="trash" aria-labelledby="trash-title">
      <header className="trash-header">
        <h1 id="trash-title">Trash</h1>
        {trashed && trashed.length > 0 ? (
          <button type="button" className="destructive" onClick={() => setConfirming(true)}>
            Empty Trash…
          </button>
        ) : null}
      </header>
      {problem ? <p role="alert">{problem}</p> : null}
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {trashed === null ? null : trashed.length === 0 ? (
        <p className="muted">The Trash is empty. A deleted article waits here, with its highlights and memo, until you restore it or empty the Trash.</p>
      ) : (
        <ul className="trash-list" aria-label="Articles in the Trash">
          {trashed.map((article) => (
            <li key={article.id}>
              <span className="trash-title">{article.title}</span>
              <span className="muted">
                {[article.outlet, plural(article.highlights, 'highlight'), `deleted ${new Date(article.trashedAt).toLocaleString()}`].filter(Boolean).join(' · ')}
              </span>
              <button type="button" onClick={() => void restore(article)} aria-label={`Restore ${article.title}`}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirming}
        title="Empty the Trash?"
        message={`${plural(trashed?.length ?? 0, 'article')} and ${plural(highlights, 'highlight')} will be deleted for good, with their texts and memos. This cannot be undone.`}
        confirmLabel="Delete for good"
        destructive
        onConfirm={() => void empty()}
        onCancel={() => setConfirming(false)}
      />
    </main>
  )
}
