// The one note editor, used for a highlight's note, an article's memo and free-standing notes: tiptap
// with the formatting a writer expects, Markdown-style shortcuts, quotations of highlights, a word
// count, and autosave with a visible state.
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react'
import { useEffect, useMemo, useState } from 'react'
import type { CurrentQuote, ThemeSummary } from '../../../../shared/ipc/contract'
import { EMPTY_DOC, noteText, quotationAttrs, quotedHighlightIds, SAFE_LINK, type NoteDoc, type NoteNode } from '../../../../shared/note-doc'
import { countWords } from '../../../../shared/text'
import { call } from '../../api'
import { navigate } from '../../app/route'
import { ConfirmDialog } from '../../app/ConfirmDialog'
import { noteExtensions } from './extensions'
import { QuotationPicker } from './QuotationPicker'
import { QuoteSourcesContext, type QuoteSources } from './quote-sources'
import { useAutosave, type SaveState } from './use-autosave'
import { cleanPastedHtml } from './paste'
import './prosemirror.css'

interface Props {
  /** The editor's accessible name: "Note on highlight", "Memo", "Note text". */
  label: string
  doc: NoteDoc | null
  save: (doc: NoteDoc) => Promise<void>
  placeholder?: string
  themes: ThemeSummary[]
  compact?: boolean
}

export function NoteEditor({ label, doc, save, placeholder = 'Write…', themes, compact = false }: Props) {
  const autosave = useAutosave<NoteDoc>(save)
  const [picking, setPicking] = useState(false)
  const [linkToOpen, setLinkToOpen] = useState<string | null>(null)
  const [quoted, setQuoted] = useState<string[]>(() => quotedHighlightIds(doc ?? EMPTY_DOC))
  const [existing, setExisting] = useState<Set<string> | null>(null)
  const [trashed, setTrashed] = useState<ReadonlySet<string>>(new Set())
  const [current, setCurrent] = useState<ReadonlyMap<string, CurrentQuote>>(new Map())

  const editor = useEditor({
    extensions: noteExtensions(placeholder),
    // The CSP forbids the <style> tiptap would inject; the same rules ship in prosemirror.css.
    injectCSS: false,
    content: doc ?? EMPTY_DOC,
    editorProps: {
      attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', class: 'note-content' },
      transformPastedHTML: cleanPastedHtml,
      handleClick: (_view, _pos, event) => {
        const anchor = (event.target as HTMLElement).closest('a[href]')
        if (!anchor || !(event.ctrlKey || event.metaKey)) return false
        setLinkToOpen(anchor.getAttribute('href'))
        return true
      }
    },
    onUpdate: ({ editor: current }) => {
      const json = current.getJSON() as NoteDoc
      autosave.schedule(json)
      setQuoted(quotedHighlightIds(json))
    }
  })

  const quotedKey = quoted.join(' ')
  useEffect(() => {
    if (!quotedKey) return
    const ids = quotedKey.split(' ')
    call('highlights:exist', { ids }).then(async (found) => {
      const missing = ids.filter((id) => !found.includes(id))
      setTrashed(new Set(missing.length > 0 ? await call('highlights:in-trash', { ids: missing }).catch((): string[] => []) : []))
      setExisting(new Set(found))
      const quotes = await call('highlights:current-quotes', { ids: found }).catch((): CurrentQuote[] => [])
      setCurrent(new Map(quotes.map((q) => [q.id, q])))
    }, () => undefined)
  }, [quotedKey])

  const sources = useMemo<QuoteSources>(
    () => ({
      exists: (id) => (existing ? existing.has(id) : undefined),
      inTrash: (id) => trashed.has(id),
      current: (id) => current.get(id),
      open: (articleId, highlightId) => navigate({ name: 'article', id: articleId, highlightId })
    }),
    [existing, trashed, current]
  )

  // Counted as the library counts a note (its text, quotations included, word by word), so the editor and
  // the notes list always agree.
  const words = useEditorState({ editor, selector: ({ editor: e }) => (e ? countWords(noteText(e.getJSON() as NoteNode)) : 0) })

  return (
    <div className={`note-editor${compact ? ' compact' : ''}`}>
      {editor ? <Toolbar editor={editor} onQuote={() => setPicking(true)} onOpenLink={setLinkToOpen} /> : null}
      <QuoteSourcesContext.Provider value={sources}>
        <EditorContent editor={editor} />
      </QuoteSourcesContext.Provider>
      <div className="note-footer">
        <span className="word-count">
          {words} {words === 1 ? 'word' : 'words'}
        </span>
        <SaveIndicator state={autosave.state} onRetry={() => void autosave.flush()} />
      </div>
      {picking && editor ? (
        <QuotationPicker
          themes={themes}
          onClose={() => setPicking(false)}
          onPick={(found) => {
            setPicking(false)
            editor
              .chain()
              .focus()
              .insertHighlightQuote(quotationAttrs(found))
              .run()
          }}
        />
      ) : null}
      <ConfirmDialog
        open={linkToOpen !== null}
        title="Open this link?"
        message={`${linkToOpen ?? ''} will open in your web browser.`}
        confirmLabel="Open in browser"
        onCancel={() => setLinkToOpen(null)}
        onConfirm={() => {
          const url = linkToOpen
          setLinkToOpen(null)
          if (url) void call('links:open', { url }).catch(() => undefined)
        }}
      />
    </div>
  )
}

function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  if (state.kind === 'failed') {
    return (
      <span className="save-state failed" role="alert">
        Not saved: {state.message} Your text is kept here.{' '}
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </span>
    )
  }
  const text = state.kind === 'saving' ? 'Saving…' : state.kind === 'unsaved' ? 'Unsaved changes' : 'Saved'
  return (
    <span className="save-state" role="status">
      {text}
    </span>
  )
}

interface ToolbarProps {
  editor: Editor
  onQuote: () => void
  onOpenLink: (url: string) => void
}

function Toolbar({ editor, onQuote, onOpenLink }: ToolbarProps) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      strike: e.isActive('strike'),
      code: e.isActive('code'),
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      codeBlock: e.isActive('codeBlock'),
      link: e.isActive('link') ? String(e.getAttributes('link').href ?? '') : null,
      canUndo: e.can().undo(),
      canRedo: e.can().redo()
    })
  })
  const [linkDraft, setLinkDraft] = useState<string | null>(null)
  const chain = () => editor.chain().focus()

  const button = (label: string, text: string, run: () => void, pressed?: boolean, disabled?: boolean) => (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {text}
    </button>
  )

  return (
    <div className="note-toolbar" role="toolbar" aria-label="Formatting">
      {button('Bold', 'B', () => chain().toggleBold().run(), active.bold)}
      {button('Italic', 'I', () => chain().toggleItalic().run(), active.italic)}
      {button('Strikethrough', 'S', () => chain().toggleStrike().run(), active.strike)}
      {button('Inline code', '</>', () => chain().toggleCode().run(), active.code)}
      <span className="sep" />
      {button('Heading 1', 'H1', () => chain().toggleHeading({ level: 1 }).run(), active.h1)}
      {button('Heading 2', 'H2', () => chain().toggleHeading({ level: 2 }).run(), active.h2)}
      {button('Heading 3', 'H3', () => chain().toggleHeading({ level: 3 }).run(), active.h3)}
      <span className="sep" />
      {button('Bulleted list', '•', () => chain().toggleBulletList().run(), active.bullet)}
      {button('Numbered list', '1.', () => chain().toggleOrderedList().run(), active.ordered)}
      {button('Block quote', '❝', () => chain().toggleBlockquote().run(), active.quote)}
      {button('Code block', '{ }', () => chain().toggleCodeBlock().run(), active.codeBlock)}
      {button('Horizontal rule', '—', () => chain().setHorizontalRule().run())}
      <span className="sep" />
      {button('Link', 'Link', () => setLinkDraft(active.link ?? 'https://'), active.link !== null)}
      {active.link ? button('Open link', '↗', () => onOpenLink(active.link ?? '')) : null}
      {button('Insert quotation', '“ ”', onQuote)}
      <span className="sep" />
      {button('Undo', '↶', () => chain().undo().run(), undefined, !active.canUndo)}
      {button('Redo', '↷', () => chain().redo().run(), undefined, !active.canRedo)}
      {linkDraft !== null ? (
        <form
          className="link-form"
          aria-label="Link"
          onSubmit={(e) => {
            e.preventDefault()
            const href = linkDraft.trim()
            if (href === '') chain().extendMarkRange('link').unsetLink().run()
            else if (SAFE_LINK.test(href)) chain().extendMarkRange('link').setLink({ href }).run()
            else return
            setLinkDraft(null)
          }}
        >
          <input aria-label="Link address" value={linkDraft} onChange={(e) => setLinkDraft(e.target.value)} autoFocus />
          <button type="submit">Apply</button>
          <button type="button" onClick={() => (chain().extendMarkRange('link').unsetLink().run(), setLinkDraft(null))}>
            Remove link
          </button>
          {!SAFE_LINK.test(linkDraft.trim()) && linkDraft.trim() !== '' ? (
            <span role="alert">Use a web (https://) or e-mail (mailto:) address.</span>
          ) : null}
        </form>
      ) : null}
    </div>
  )
}
