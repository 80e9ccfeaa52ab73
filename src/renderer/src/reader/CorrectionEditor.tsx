// Correcting an article's text (a typo, debris saved with the page): the original stays stored as it
// was; the reader shows the correction, and the highlights find their passages again in it.
import { useState } from 'react'
import { call, messageOf } from '../api'

interface Props {
  articleId: string
  text: string
  corrected: boolean
  onDone: (message: string | null) => void
}

export function CorrectionEditor({ articleId, text, corrected, onDone }: Props) {
  const [draft, setDraft] = useState(text)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async (next: string | null): Promise<void> => {
    setBusy(true)
    try {
      const result = await call('articles:correct-text', { id: articleId, text: next })
      const placed = `${result.anchored} ${result.anchored === 1 ? 'highlight' : 'highlights'} placed`
      const lost = result.unanchored === 0 ? '' : `; ${result.unanchored} could not be placed and ${result.unanchored === 1 ? 'is' : 'are'} listed as unanchored`
      onDone(`${next === null ? 'Original text restored' : 'Correction saved'}: ${placed}${lost}.`)
    } catch (failure) {
      setError(messageOf(failure))
      setBusy(false)
    }
  }

  return (
    <form className="correction" aria-label="Correct text" onSubmit={(e) => (e.preventDefault(), void save(draft))}>
      <p className="muted">
        Edit the text as the reader should show it. The original stays stored untouched and can be restored at any time.
      </p>
      <textarea aria-label="Corrected text" value={draft} onChange={(e) => setDraft(e.target.value)} spellCheck={false} />
      {error ? <p role="alert">{error}</p> : null}
      <div className="row-actions">
        <button type="submit" className="primary" disabled={busy || draft === text}>
          Save correction
        </button>
        {corrected ? (
          <button type="button" disabled={busy} onClick={() => void save(null)}>
            Restore original
          </button>
        ) : null}
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
