// The small toolbar beside a text selection: highlight it (in the theme colour, or in a chosen
// colour), or, while re-attaching an unanchored highlight, attach that highlight here.
import type { HighlightColor } from '../../../shared/model'
import { COLOR_NAMES, HIGHLIGHT_COLORS, PALETTE } from './colors'
import type { CSSProperties } from 'react'

interface Props {
  /** Where the selection is on screen. */
  rect: DOMRect
  reattaching: string | null
  onHighlight: (color: HighlightColor | null) => void
  onReattach: () => void
  onCancelReattach: () => void
}

const TOOLBAR_HEIGHT = 44

export function SelectionToolbar({ rect, reattaching, onHighlight, onReattach, onCancelReattach }: Props) {
  // Above the selection when there is room, else below it.
  const preferred = rect.top > TOOLBAR_HEIGHT + 60 ? rect.top - TOOLBAR_HEIGHT - 6 : rect.bottom + 6
  // A selection taller than the window still gets a reachable toolbar.
  const top = Math.min(Math.max(preferred, 56), window.innerHeight - TOOLBAR_HEIGHT - 8)
  const position = { top, left: Math.max(8, Math.min(rect.left, window.innerWidth - 380)) } as CSSProperties
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Selection" style={position} onMouseDown={(e) => e.preventDefault()}>
      {reattaching ? (
        <>
          <button type="button" onClick={onReattach}>
            Re-attach here
          </button>
          <button type="button" onClick={onCancelReattach}>
            Cancel
          </button>
        </>
      ) : (
        <>
          <button type="button" className="primary" onClick={() => onHighlight(null)} aria-keyshortcuts="H" title="Highlight (H)">
            Highlight
          </button>
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className="swatch"
              aria-label={`Highlight in ${COLOR_NAMES[color].toLowerCase()}`}
              title={COLOR_NAMES[color]}
              style={{ '--swatch': PALETTE[color] } as CSSProperties}
              onClick={() => onHighlight(color)}
            />
          ))}
        </>
      )}
    </div>
  )
}
