// A small modal that asks before an action that cannot be undone (deleting or merging a theme). Built
// on the native <dialog> opened with showModal(), which gives the dialog role, a modal focus trap, an
// inert page behind it and Escape for free; the caller's `open` stays the single source of truth.
import { useEffect, useId, useRef, type ReactNode } from 'react'

export interface ConfirmDialogProps {
  open: boolean
  /** The heading, which is also the dialog's accessible name. */
  title: string
  message: ReactNode
  /** The confirm button's label, naming the action: "Delete theme", not "OK". */
  confirmLabel: string
  onConfirm(): void
  onCancel(): void
  /** While the action runs: both buttons do nothing and Escape is ignored. */
  busy?: boolean
  /** Why the action failed, shown in the dialog so the user can retry or cancel. */
  error?: string | null
  /** Styles the confirm button as destructive. */
  destructive?: boolean
}

export function ConfirmDialog({ open, title, message, confirmLabel, onConfirm, onCancel, busy = false, error = null, destructive = false }: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const id = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      // The safe choice takes focus, so a stray Enter cancels rather than destroys.
      cancelRef.current?.focus()
    } else if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      onCancel={(e) => {
        // Escape asks the caller to close, so `open` and the element never disagree.
        e.preventDefault()
        if (!busy) onCancel()
      }}
      onClose={() => {
        // Chromium may close a dialog despite preventDefault (a second Escape without user activation).
        if (open) onCancel()
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-message`} className="confirm-message">
        {message}
      </div>
      {error ? (
        <p className="theme-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="confirm-actions">
        {/* aria-disabled rather than disabled while busy: a disabled button would drop the focus. */}
        <button ref={cancelRef} type="button" onClick={busy ? undefined : onCancel} aria-disabled={busy || undefined}>
          Cancel
        </button>
        <button
          type="button"
          className={destructive ? 'confirm-destructive' : 'confirm-primary'}
          onClick={busy ? undefined : onConfirm}
          aria-disabled={busy || undefined}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
