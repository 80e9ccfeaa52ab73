// The paste target for New article from clipboard, for where the page may not read the clipboard
// itself: the user presses Ctrl/Cmd+V in it and the paste event carries the clipboard's HTML and text.
import { useEffect, useId, useRef, useState } from 'react'
import { pasteFrom, readClipboard, type Paste } from './clipboard'
import './import.css'

interface Props {
  /** What went wrong with the last paste (an empty clipboard), if anything. */
  problem: string | null
  onPaste: (paste: Paste) => void
  onClose: () => void
}

export function PasteDialog({ problem, onPaste, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const target = useRef<HTMLTextAreaElement>(null)
  const titleId = useId()
  const [readProblem, setReadProblem] = useState<string | null>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    target.current?.focus()
  }, [])

  const readNow = (): void => {
    setReadProblem(null)
    readClipboard().then(onPaste, () => setReadProblem('Liner Notes may not read the clipboard itself here: paste into the box with Ctrl/Cmd+V instead.'))
  }

  return (
    <dialog
      ref={dialog}
      className="import-dialog paste-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      onClose={onClose}
    >
      <h2 id={titleId}>New article from clipboard</h2>
      <p className="muted">
        Copy an article in your browser or word processor, then paste it below. Headings, quotations and lists are kept where the clipboard has them.
      </p>
      <textarea
        ref={target}
        className="paste-target"
        aria-label="Paste the article here (Ctrl/Cmd+V)"
        placeholder="Paste the article here (Ctrl/Cmd+V)"
        rows={6}
        onPaste={(e) => {
          e.preventDefault()
          onPaste(pasteFrom(e.clipboardData))
        }}
      />
      {problem || readProblem ? <p role="alert">{problem ?? readProblem}</p> : null}
      <div className="row-actions end">
        {typeof navigator.clipboard?.read === 'function' ? (
          <button type="button" onClick={readNow}>
            Read the clipboard
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
