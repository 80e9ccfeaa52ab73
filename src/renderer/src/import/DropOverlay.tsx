// Shown while files are dragged over the window. It lets the pointer through, so the drag's enter and
// leave events keep coming from the page beneath and the overlay never flickers.
import './import.css'

export function DropOverlay() {
  return (
    <div className="drop-overlay" role="status">
      <p>Drop files to import them</p>
      <p className="muted">Text, Markdown, HTML, PDF, Word (.docx) and EPUB</p>
    </div>
  )
}
