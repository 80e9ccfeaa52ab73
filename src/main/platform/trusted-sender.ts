// Every IPC message is checked for where it came from before it reaches the core, as VS Code does: the
// main frame of a page the app loaded itself. A subframe, a page navigated elsewhere or a frame with no
// URL gets nothing. This is the pure decision; ipc.ts reads the frame from Electron.

export interface SenderFrame {
  /** The sending frame's URL, as Electron reports it (may be empty or malformed). */
  url: string
  /** True only for the window's top-level frame. */
  isMainFrame: boolean
}

/** `scheme://host[:port]`, compared as text: Node gives custom schemes an origin of "null". */
function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.username || parsed.password || parsed.host === '') return null
  return `${parsed.protocol}//${parsed.host}`
}

/**
 * True when the frame is a main frame whose URL parses and whose origin is one of `allowedOrigins`
 * (e.g. app://liner-notes, or the dev server's origin while developing).
 */
export function isTrustedSender(frame: SenderFrame, allowedOrigins: readonly string[]): boolean {
  if (!frame.isMainFrame) return false
  const origin = originOf(frame.url)
  if (origin === null) return false
  return allowedOrigins.some((allowed) => originOf(allowed) === origin)
}

export const UNTRUSTED_SENDER_MESSAGE =
  'This request came from a page or frame the app did not load itself, so it was refused and the library was not touched.'
