// One theme in the codebook, edited in place: colour, name, description and parent save as the user
// leaves each field, with a refusal (a name already taken) shown beside the row. Merge and delete are
// only requested here; the codebook page asks for confirmation before doing them.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { RequestOf, ThemeSummary } from '../../../shared/ipc/contract'
import { useFlushOnLeave } from '../app/flush-registry'
import { hrefFor } from '../app/route'
import { countsLabel } from './labels'
import { parentCandidates } from './tree'

export type ThemePatch = Omit<RequestOf<'themes:update'>, 'id'>

interface Props {
  theme: ThemeSummary
  /** The whole codebook: candidates for parent and merge target. */
  codebook: ThemeSummary[]
  paths: ReadonlyMap<string, string>
  /** Saves a change; resolves to the reason it was refused, or null once saved and reloaded. */
  onUpdate(patch: ThemePatch): Promise<string | null>
  onRequestMerge(targetId: string): void
  onRequestDelete(): void
}

// Long enough that dragging across the colour picker sends one change, short enough to feel saved.
const COLOUR_SAVE_DELAY_MS = 400

export function ThemeRow({ theme, codebook, paths, onUpdate, onRequestMerge, onRequestDelete }: Props) {
  // A draft is what the user is typing; null means "show what the library holds".
  const [name, setName] = useState<string | null>(null)
  const [description, setDescription] = useState<string | null>(null)
  const [colour, setColour] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const inFlight = useRef<string | null>(null)
  const colourTimer = useRef<number | undefined>(undefined)
  const errorId = `${useId()}-error`
  useEffect(() => () => window.clearTimeout(colourTimer.current), [])

  // Drafts still being typed when the window closes (or the row goes away) are saved too.
  const latest = useRef({ name, description, colour, theme, onUpdate })
  latest.current = { name, description, colour, theme, onUpdate }
  const flushDrafts = useCallback(async (): Promise<boolean> => {
    const { name: draftName, description: draftDescription, colour: draftColour, theme: held, onUpdate: update } = latest.current
    const patch: ThemePatch = {}
    if (draftName !== null && draftName.trim() !== '' && draftName.trim() !== held.name) patch.name = draftName.trim()
    if (draftDescription !== null && draftDescription !== held.description) patch.description = draftDescription
    if (draftColour !== null && draftColour !== held.color) patch.color = draftColour
    if (Object.keys(patch).length === 0) return true
    return (await update(patch)) === null
  }, [])
  useFlushOnLeave(flushDrafts)

  const save = async (patch: ThemePatch, clearDraft: () => void): Promise<void> => {
    // Enter saves, and the blur that may follow would send the same change again.
    const key = JSON.stringify(patch)
    if (inFlight.current === key) return
    inFlight.current = key
    const refusal = await onUpdate(patch)
    if (inFlight.current === key) inFlight.current = null
    setError(refusal)
    if (refusal === null) clearDraft()
  }

  const saveName = (): void => {
    if (name === null) return
    const trimmed = name.trim()
    if (trimmed === theme.name) return setName(null)
    if (trimmed === '') return setError('A theme needs a name.')
    void save({ name: trimmed }, () => setName(null))
  }

  const saveDescription = (): void => {
    if (description === null) return
    if (description === theme.description) return setDescription(null)
    void save({ description }, () => setDescription(null))
  }

  const saveColour = (): void => {
    window.clearTimeout(colourTimer.current)
    if (colour === null || colour === theme.color) return setColour(null)
    void save({ color: colour }, () => setColour(null))
  }

  /** Enter saves; Escape puts back what the library holds. */
  const onFieldKey = (event: KeyboardEvent<HTMLInputElement>, commit: () => void, revert: () => void): void => {
    if (event.key === 'Enter') {
      event.preventDefault()
      commit()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      revert()
      setError(null)
    }
  }

  const invalid = error !== null || undefined
  const describedBy = error !== null ? errorId : undefined
  // Neither a new parent nor a merge target may sit inside this theme: main refuses both, as loops.
  const candidates = parentCandidates(codebook, theme.id)

  return (
    <div className="codebook-row">
      <div className="codebook-line">
        <input
          type="color"
          className="codebook-colour"
          aria-label={`Colour of ${theme.name}`}
          value={colour ?? theme.color}
          onChange={(e) => {
            setColour(e.target.value)
            window.clearTimeout(colourTimer.current)
            colourTimer.current = window.setTimeout(() => {
              void save({ color: e.target.value }, () => setColour(null))
            }, COLOUR_SAVE_DELAY_MS)
          }}
          onBlur={saveColour}
        />
        <input
          type="text"
          className="codebook-name"
          aria-label={`Name of ${theme.name}`}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          maxLength={80}
          value={name ?? theme.name}
          onChange={(e) => setName(e.target.value)}
          onBlur={saveName}
          onKeyDown={(e) => onFieldKey(e, saveName, () => setName(null))}
        />
        <a className="codebook-counts" href={hrefFor({ name: 'theme', id: theme.id })}>
          {countsLabel(theme.highlightCount, theme.articleCount)}
        </a>
      </div>
      <input
        type="text"
        className="codebook-description"
        aria-label={`Description of ${theme.name}`}
        placeholder="Add a description: what belongs under this theme"
        maxLength={500}
        value={description ?? theme.description}
        onChange={(e) => setDescription(e.target.value)}
        onBlur={saveDescription}
        onKeyDown={(e) => onFieldKey(e, saveDescription, () => setDescription(null))}
      />
      <div className="codebook-tools">
        <label>
          {/* aria-label names the select, so its chosen option does not leak into its name. */}
          <span>Parent</span>
          <select
            aria-label={`Parent of ${theme.name}`}
            value={theme.parentId ?? ''}
            onChange={(e) => void save({ parentId: e.target.value === '' ? null : e.target.value }, () => undefined)}
          >
            <option value="">None (top level)</option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {paths.get(candidate.id) ?? candidate.name}
              </option>
            ))}
          </select>
        </label>
        {candidates.length > 0 ? (
          // Always showing the placeholder: choosing a target only asks; the dialog does the merge.
          <select aria-label={`Merge ${theme.name} into…`} value="" onChange={(e) => e.target.value && onRequestMerge(e.target.value)}>
            <option value="">Merge into…</option>
            {candidates.map((target) => (
              <option key={target.id} value={target.id}>
                {paths.get(target.id) ?? target.name}
              </option>
            ))}
          </select>
        ) : null}
        <button type="button" className="codebook-delete" aria-label={`Delete ${theme.name}`} onClick={onRequestDelete}>
          Delete
        </button>
      </div>
      {error !== null ? (
        <p id={errorId} className="theme-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
