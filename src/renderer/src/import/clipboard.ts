// New article from clipboard. The sandboxed page may read the clipboard only where permission was
// granted (the app grants no permission, so there this always falls to the paste target); otherwise a
// paste event on the paste target hands over the same data with the user's own Ctrl/Cmd+V.

/** What the clipboard holds: its HTML (which keeps headings, quotes and lists) and its plain text. */
export interface Paste {
  html?: string
  text?: string
}

export const hasText = (paste: Paste): boolean => (paste.html ?? '').trim() !== '' || (paste.text ?? '').trim() !== ''

/** Only the non-empty kinds, as the contract's strict request takes them. */
export function pasteOf(html: string, text: string): Paste {
  return { ...(html.trim() !== '' ? { html } : {}), ...(text.trim() !== '' ? { text } : {}) }
}

/** The paste event's data, as a Ctrl/Cmd+V into the paste target delivers it. */
export const pasteFrom = (data: DataTransfer): Paste => pasteOf(data.getData('text/html'), data.getData('text/plain'))

/** The clipboard, if the page already may read it without asking; null otherwise (never prompts). */
export async function readClipboardIfPermitted(): Promise<Paste | null> {
  try {
    const status = await navigator.permissions.query({ name: 'clipboard-read' as PermissionName })
    return status.state === 'granted' ? await readClipboard() : null
  } catch {
    return null
  }
}

/** The clipboard's HTML and text; rejects where reading is refused. */
export async function readClipboard(): Promise<Paste> {
  let html = ''
  let text = ''
  for (const item of await navigator.clipboard.read()) {
    if (html === '' && item.types.includes('text/html')) html = await (await item.getType('text/html')).text()
    if (text === '' && item.types.includes('text/plain')) text = await (await item.getType('text/plain')).text()
  }
  if (html === '' && text === '') text = await navigator.clipboard.readText()
  return pasteOf(html, text)
}
