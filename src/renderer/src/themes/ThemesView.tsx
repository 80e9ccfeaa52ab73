// The codebook page: every theme as a tree, edited in place, with a form to add one and confirmed
// merge and delete. Each change reloads the list from main so counts and order are never guessed here.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { RequestOf, ThemeSummary } from '../../../shared/ipc/contract'
import { call, messageOf } from '../api'
import { ConfirmDialog } from '../app/ConfirmDialog'
import { plural } from '../app/format'
import { deleteChildrenNote, deleteConsequence, mergeChildrenNote, mergeConsequence } from './labels'
import { NewThemeForm } from './NewThemeForm'
import { ThemeRow, type ThemePatch } from './ThemeRow'
import { buildTree, orderThemes, themePaths, type ThemeNode } from './tree'
import './themes.css'

type Pending = { kind: 'delete'; theme: ThemeSummary } | { kind: 'merge'; source: ThemeSummary; target: ThemeSummary }

export function ThemesView({ onChanged }: { onChanged?(): void }) {
  const [themes, setThemes] = useState<ThemeSummary[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const [pending, setPending] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirmError, setConfirmError] = useState<string | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [refocus, setRefocus] = useState(false)
  // The row that held the focus is gone after a delete or merge; the page heading is the nearest stable
  // place. Done in an effect so the dialog has closed (and the page is no longer inert) first.
  useEffect(() => {
    if (!refocus || pending) return
    headingRef.current?.focus()
    setRefocus(false)
  }, [refocus, pending])

  const load = useCallback(async (): Promise<void> => {
    try {
      setThemes(await call('themes:list', {}))
      setLoadError(null)
    } catch (error: unknown) {
      setLoadError(messageOf(error))
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  /** After any change: the list again from main, and the rest of the app told (the reader's chips). */
  const changed = async (message: string): Promise<void> => {
    await load()
    onChanged?.()
    setStatus(message)
  }

  const codebook = useMemo(() => orderThemes(themes ?? []), [themes])
  const tree = useMemo(() => buildTree(themes ?? []), [themes])
  const paths = useMemo(() => themePaths(themes ?? []), [themes])

  const create = async (request: RequestOf<'themes:create'>): Promise<string | null> => {
    try {
      const theme = await call('themes:create', request)
      await changed(`Added theme ${theme.name}.`)
      return null
    } catch (error: unknown) {
      return messageOf(error)
    }
  }

  const update = async (theme: ThemeSummary, patch: ThemePatch): Promise<string | null> => {
    try {
      const saved = await call('themes:update', { id: theme.id, ...patch })
      await changed(`Saved theme ${saved.name}.`)
      return null
    } catch (error: unknown) {
      return messageOf(error)
    }
  }

  const ask = (next: Pending): void => {
    setConfirmError(null)
    setPending(next)
  }

  const confirm = async (): Promise<void> => {
    if (!pending) return
    setBusy(true)
    setConfirmError(null)
    try {
      if (pending.kind === 'delete') {
        const { deleted, highlightsAffected } = await call('themes:delete', { id: pending.theme.id })
        await changed(`Deleted theme ${deleted.name}; ${plural(highlightsAffected, 'highlight')} changed.`)
      } else {
        const target = await call('themes:merge', { sourceId: pending.source.id, targetId: pending.target.id })
        await changed(`Merged ${pending.source.name} into ${target.name}.`)
      }
      setPending(null)
      setRefocus(true)
    } catch (error: unknown) {
      // The dialog stays open with the reason, for the user to retry or cancel.
      setConfirmError(messageOf(error))
    } finally {
      setBusy(false)
    }
  }

  const requestMerge = (source: ThemeSummary, targetId: string): void => {
    const target = themes?.find((t) => t.id === targetId)
    if (target) ask({ kind: 'merge', source, target })
  }

  const branch = (nodes: ThemeNode<ThemeSummary>[], label?: string) => (
    <ul className="codebook-list" aria-label={label}>
      {nodes.map(({ theme, children }) => (
        <li key={theme.id}>
          <ThemeRow
            theme={theme}
            codebook={codebook}
            paths={paths}
            onUpdate={(patch) => update(theme, patch)}
            onRequestMerge={(targetId) => requestMerge(theme, targetId)}
            onRequestDelete={() => ask({ kind: 'delete', theme })}
          />
          {children.length > 0 ? branch(children, `Sub-themes of ${theme.name}`) : null}
        </li>
      ))}
    </ul>
  )

  return (
    <main className="themes-page" aria-labelledby="themes-title">
      <div className="themes-head">
        <h1 id="themes-title" ref={headingRef} tabIndex={-1}>
          Themes
        </h1>
        {themes ? <p className="count">{plural(themes.length, 'theme')}</p> : null}
      </div>
      <p className="themes-visually-hidden" role="status">
        {status}
      </p>
      {loadError !== null ? (
        <div className="theme-error" role="alert">
          <p>The codebook could not be loaded: {loadError}</p>
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : null}
      {themes === null ? (
        loadError === null ? (
          <p className="loading" role="status">
            Opening the codebook…
          </p>
        ) : null
      ) : (
        <>
          <NewThemeForm codebook={codebook} paths={paths} onCreate={create} />
          {tree.length > 0 ? branch(tree, 'Codebook') : <p className="empty">No themes yet. Add the first one above.</p>}
        </>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={dialogTitle(pending)}
        message={pending ? <DialogMessage pending={pending} codebook={themes ?? []} /> : null}
        confirmLabel={pending?.kind === 'merge' ? 'Merge themes' : 'Delete theme'}
        destructive
        busy={busy}
        error={confirmError}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      />
    </main>
  )
}

function dialogTitle(pending: Pending | null): string {
  if (!pending) return ''
  return pending.kind === 'delete'
    ? `Delete the theme “${pending.theme.name}”?`
    : `Merge “${pending.source.name}” into “${pending.target.name}”?`
}

function DialogMessage({ pending, codebook }: { pending: Pending; codebook: ThemeSummary[] }) {
  const theme = pending.kind === 'delete' ? pending.theme : pending.source
  const children = codebook.filter((t) => t.parentId === theme.id).length
  if (pending.kind === 'delete') {
    const parentName = codebook.find((t) => t.id === theme.parentId)?.name ?? null
    return (
      <>
        <p>{deleteConsequence(theme.highlightCount, theme.articleCount)}</p>
        {children > 0 ? <p>{deleteChildrenNote(children, parentName)}</p> : null}
      </>
    )
  }
  return (
    <>
      <p>{mergeConsequence(theme.name, pending.target.name, theme.highlightCount)}</p>
      {children > 0 ? <p>{mergeChildrenNote(children, pending.target.name)}</p> : null}
    </>
  )
}
