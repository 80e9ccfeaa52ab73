// Gives a highlight any number of themes from the codebook: the chosen ones as removable chips, and a
// combobox that filters the codebook as the user types and creates a theme when the name is new.
// Follows the WAI-ARIA 1.2 "list autocomplete with automatic selection" combobox: focus stays in the
// input, and as the user types the first option is highlighted (aria-activedescendant), so Enter takes
// what is shown highlighted: "herit" + Enter adds heritage. A new theme is made only by its own option,
// "Create theme “herit”", reached with the arrow keys (or offered first when nothing else matches).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { ThemeSummary } from '../../../shared/ipc/contract'
import type { Theme } from '../../../shared/model'
import { messageOf } from '../api'

import { Swatch } from './Swatch'
import { findByName, pickerOptions, themePaths } from './tree'
import './themes.css'

interface Props {
  themes: ThemeSummary[] | Theme[]
  selectedIds: string[]
  onChange(ids: string[]): void
  /** Creates a theme in the codebook; its rejection's message is shown to the user. */
  onCreate(name: string): Promise<Theme>
  label?: string
  autoFocus?: boolean
}

type Item = { kind: 'theme'; theme: Theme; path: string } | { kind: 'create'; name: string }

export function ThemePicker({ themes, selectedIds, onChange, onCreate, label = 'Add theme', autoFocus = false }: Props) {
  const codebook: readonly Theme[] = themes
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [creating, setCreating] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  // A theme just created may reach this picker before the caller's list has reloaded; remember it so
  // its chip has a name meanwhile.
  const [created, setCreated] = useState<Theme[]>([])
  const inputRef = useRef<HTMLInputElement>(null)
  // onCreate is awaited; read the selection as it is when it settles, not as it was when Enter was pressed.
  const selectedRef = useRef(selectedIds)
  selectedRef.current = selectedIds
  const id = useId()
  const listboxId = `${id}-listbox`
  const optionId = (index: number): string => `${id}-option-${index}`

  const known = useMemo(() => {
    const byId = new Map(created.map((t) => [t.id, t]))
    for (const theme of codebook) byId.set(theme.id, theme)
    return [...byId.values()]
  }, [codebook, created])
  const paths = useMemo(() => themePaths(known), [known])
  const selected = useMemo(() => new Set(selectedIds), [selectedIds])

  const typed = query.trim()
  const exact = useMemo(() => findByName(known, typed), [known, typed])
  const items: Item[] = useMemo(() => {
    const options: Item[] = pickerOptions(known, query, selected).map(({ theme, path }) => ({ kind: 'theme', theme, path }))
    // A name already in the codebook (even nested, in another case or spacing: sameThemeName) is chosen,
    // not made again. Accents count there as in the core, so "resume" beside "résumé" is offered as new.
    return typed !== '' && exact.length === 0 ? [...options, { kind: 'create', name: typed }] : options
  }, [known, query, selected, typed, exact])
  const expanded = open && items.length > 0
  const activeItem = expanded ? items[active] : undefined

  // Keep the option the arrow keys reached in view inside the scrolling list.
  const activeId = activeItem ? optionId(active) : undefined
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' })
  }, [activeId])

  const reset = (): void => {
    setQuery('')
    setOpen(false)
    setActive(-1)
  }

  const add = (theme: Theme): void => {
    if (!selectedRef.current.includes(theme.id)) onChange([...selectedRef.current, theme.id])
    setAnnouncement(`Added theme ${theme.name}.`)
    setError(null)
    reset()
  }

  const create = async (name: string): Promise<void> => {
    setCreating(true)
    setError(null)
    try {
      const theme = await onCreate(name)
      setCreated((list) => [...list, theme])
      add(theme)
      setAnnouncement(`Created and added theme ${theme.name}.`)
    } catch (failure: unknown) {
      // The typed name stays so the user can change it and try again.
      setError(messageOf(failure))
    } finally {
      setCreating(false)
    }
  }

  const choose = (item: Item): void => {
    if (item.kind === 'theme') add(item.theme)
    else void create(item.name)
  }

  const remove = (theme: { id: string; name: string }): void => {
    onChange(selectedIds.filter((selectedId) => selectedId !== theme.id))
    setAnnouncement(`Removed theme ${theme.name}.`)
    // The chip's button is gone; focus returns to the input rather than falling to the page.
    inputRef.current?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const count = items.length
    switch (event.key) {
      case 'ArrowDown':
        setOpen(true)
        // Alt+Down only opens the list (APG); Down also moves to the next option, wrapping at the end.
        if (!event.altKey && count > 0) setActive(expanded ? (active + 1) % count : 0)
        break
      case 'ArrowUp':
        setOpen(true)
        if (count > 0) setActive(expanded && active > 0 ? active - 1 : count - 1)
        break
      case 'Enter': {
        if (creating) break
        const available = exact.filter((t) => !selected.has(t.id))
        const [first] = available
        if (activeItem) choose(activeItem)
        else if (exact.length === 0) {
          if (typed === '') return // an empty Enter is left to the surrounding form
          void create(typed)
        } else if (!first) {
          setAnnouncement(`Theme ${exact[0]?.name ?? typed} is already added.`)
          reset()
        } else if (available.length === 1) add(first)
        else {
          // Themes under two parents share this name: the user picks which one from the list.
          setOpen(true)
          setActive(items.findIndex((item) => item.kind === 'theme' && item.theme.id === first.id))
          setAnnouncement(`${available.length} themes are called ${first.name}; choose one.`)
        }
        break
      }
      case 'Escape':
        if (expanded) {
          setOpen(false)
          setActive(-1)
        } else if (query !== '') reset()
        else return // nothing to close: let the page (or a dialog around us) have Escape
        break
      default:
        return
    }
    event.preventDefault()
    // The key was ours: a reader or dialog listening further up must not act on it too.
    event.stopPropagation()
  }

  return (
    <div className="theme-picker">
      {selectedIds.length > 0 ? (
        <ul className="theme-chips" aria-label="Chosen themes">
          {selectedIds.map((selectedId) => {
            const theme = known.find((t) => t.id === selectedId)
            const name = theme?.name ?? 'Unknown theme'
            return (
              <li key={selectedId} className="theme-chip">
                {theme ? <Swatch color={theme.color} /> : null}
                <span className={theme ? undefined : 'theme-unknown'}>{paths.get(selectedId) ?? name}</span>
                <button type="button" className="theme-chip-remove" aria-label={`Remove theme ${name}`} onClick={() => remove({ id: selectedId, name })}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            )
          })}
        </ul>
      ) : null}
      <div className="theme-combobox">
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          aria-label={label}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={activeId}
          aria-busy={creating || undefined}
          aria-invalid={error !== null || undefined}
          aria-describedby={error !== null ? `${id}-error` : undefined}
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          placeholder="Type to find or create a theme"
          maxLength={80}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setOpen(true)
            // The first option is highlighted as the user types; Enter takes it.
            setActive(e.target.value.trim() === '' ? -1 : 0)
            setError(null)
          }}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false)
            setActive(-1)
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listboxId} role="listbox" aria-label={label} className="theme-listbox" hidden={!expanded}>
          {items.map((item, index) => (
            <li
              key={item.kind === 'theme' ? item.theme.id : 'create'}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={item.kind === 'create' ? 'theme-option theme-option-create' : 'theme-option'}
              // Keep focus in the input, so choosing with the mouse does not blur (and close) the list first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(item)}
            >
              {item.kind === 'theme' ? (
                <>
                  <Swatch color={item.theme.color} />
                  {item.path}
                </>
              ) : (
                `Create theme “${item.name}”`
              )}
            </li>
          ))}
        </ul>
      </div>
      {error !== null ? (
        <p id={`${id}-error`} className="theme-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="themes-visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  )
}
