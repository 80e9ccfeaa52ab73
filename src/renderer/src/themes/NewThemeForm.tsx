// The codebook page's form for a new theme: name, colour, description and parent. A refused name (one
// already in the codebook) is shown in the form and left for the user to change.
import { useId, useState, type FormEvent } from 'react'
import type { RequestOf, ThemeSummary } from '../../../shared/ipc/contract'

/** A theme suggests a colour no other theme has yet, so new themes stay told apart at a glance. */
const SUGGESTED_COLOURS = ['#c2851a', '#2f7d5b', '#7a4fb5', '#2a6fb0', '#b5452f', '#d0477f', '#5c6a74', '#3f8f8f', '#8a6d3b', '#4b5fc4']

export function suggestColour(themes: readonly ThemeSummary[]): string {
  const used = new Set(themes.map((t) => t.color.toLowerCase()))
  return SUGGESTED_COLOURS.find((c) => !used.has(c)) ?? SUGGESTED_COLOURS[themes.length % SUGGESTED_COLOURS.length] ?? '#5c6a74'
}

interface Props {
  /** In codebook order, for the parent list. */
  codebook: ThemeSummary[]
  paths: ReadonlyMap<string, string>
  /** Resolves to the reason the theme was refused, or null once it is added. */
  onCreate(request: RequestOf<'themes:create'>): Promise<string | null>
}

export function NewThemeForm({ codebook, paths, onCreate }: Props) {
  const [name, setName] = useState('')
  const [colour, setColour] = useState<string | null>(null)
  const [description, setDescription] = useState('')
  const [parentId, setParentId] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()

  // A parent deleted or merged away since it was chosen falls back to the top level.
  const parent = codebook.some((t) => t.id === parentId) ? parentId : ''

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (busy) return
    const trimmed = name.trim()
    if (trimmed === '') return setError('A theme needs a name.')
    setBusy(true)
    const refusal = await onCreate({
      name: trimmed,
      color: colour ?? suggestColour(codebook),
      description: description.trim(),
      parentId: parent === '' ? null : parent
    })
    setBusy(false)
    setError(refusal)
    if (refusal !== null) return
    setName('')
    setDescription('')
    setColour(null)
  }

  const invalid = error !== null || undefined
  return (
    <form className="new-theme" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h2 id={`${id}-title`}>New theme</h2>
      <div className="new-theme-fields">
        {/* Labels beside (not around) their fields: a select inside its label would add its chosen
            option to its own name ("Parent None (top level)"). */}
        <div className="new-theme-field new-theme-name">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            maxLength={80}
            aria-required="true"
            aria-invalid={invalid}
            aria-describedby={error !== null ? `${id}-error` : undefined}
            onChange={(e) => {
              setName(e.target.value)
              setError(null)
            }}
          />
        </div>
        <div className="new-theme-field">
          <label htmlFor={`${id}-colour`}>Colour</label>
          <input id={`${id}-colour`} type="color" value={colour ?? suggestColour(codebook)} onChange={(e) => setColour(e.target.value)} />
        </div>
        <div className="new-theme-field new-theme-description">
          <label htmlFor={`${id}-description`}>Description</label>
          <input id={`${id}-description`} type="text" value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <div className="new-theme-field">
          <label htmlFor={`${id}-parent`}>Parent</label>
          <select id={`${id}-parent`} value={parent} onChange={(e) => setParentId(e.target.value)}>
            <option value="">None (top level)</option>
            {codebook.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {paths.get(theme.id) ?? theme.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" aria-disabled={busy || undefined}>
          Add theme
        </button>
      </div>
      {error !== null ? (
        <p id={`${id}-error`} className="theme-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}
