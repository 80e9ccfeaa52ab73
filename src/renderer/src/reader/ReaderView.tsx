// Reading one article: its details (editable), the text at the user's size, and moving to the
// previous or next article of the list with the keyboard or the buttons.
import { useEffect, useState } from 'react'
import type { ArticleDetail } from '../../../shared/ipc/contract'
import { ApiFailure, call } from '../api'
import { formatCount } from '../app/format'
import { navigate } from '../app/route'
import { countWords } from '../../../shared/text'
import { TEXT_SIZE_STEP } from '../app/preferences'
import { ArticleText } from './ArticleText'
import { MetadataForm } from './MetadataForm'

interface Props {
  id: string
  position: number
  count: number
  onStep: (delta: number) => void
  textSize: number
  onTextSize: (size: number) => void
  onChanged: () => void
}

export function ReaderView({ id, position, count, onStep, textSize, onTextSize, onChanged }: Props) {
  const [detail, setDetail] = useState<ArticleDetail | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    call('articles:get', { id }).then(setDetail, (error: unknown) =>
      setFailure(error instanceof ApiFailure ? error.message : String(error))
    )
  }, [id])

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return
      if (event.key === ']') onStep(1)
      else if (event.key === '[') onStep(-1)
      else if (event.key === 'Escape') navigate({ name: 'library' })
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onStep])

  if (failure) {
    return (
      <main className="reader">
        <p role="alert">{failure}</p>
      </main>
    )
  }
  if (!detail) return <main className="reader" aria-busy="true" />

  const { article, text, textStatus } = detail
  const opening = text ? text.trim().split(/\s+/).slice(0, 12).join(' ') + '…' : 'Untitled'
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
      <article className="sheet">
        <MetadataForm article={article} placeholderTitle={opening} onSaved={onChanged} />
        {text === null ? (
          <p role="alert" className="warning">
            The text of this article is missing from the library folder (texts/{article.file}). Its details are kept.
          </p>
        ) : (
          <>
            {textStatus === 'altered' ? (
              <p role="note" className="warning">
                This text was changed outside Liner Notes since it was added; it is shown as it is now.
              </p>
            ) : null}
            <p className="reading-facts">{formatCount(countWords(text))} words</p>
            <ArticleText text={text} />
          </>
        )}
      </article>
    </main>
  )
}
