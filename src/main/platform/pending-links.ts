// A liner-notes:// link can arrive before there is a page to show it: on the command line, from macOS's
// open-url before the window exists, or from a second instance started while this one is still opening
// its library. Such a link is kept until the page says it is ready (by asking for it with
// app:take-pending-link); from then on links go straight to the page.

export class PendingLinks {
  #waiting: string | null = null
  #pageReady = false

  /**
   * A link has arrived. Returns it when the page is ready to be sent it now; otherwise keeps it (the
   * newest link wins: it is the one the person clicked last) and returns null.
   */
  receive(url: string): string | null {
    if (this.#pageReady) return url
    this.#waiting = url
    return null
  }

  /** The page is ready: hands over the kept link, if any, and lets later links pass straight through. */
  take(): string | null {
    this.#pageReady = true
    const url = this.#waiting
    this.#waiting = null
    return url
  }

  /** The page is gone (its window closed): keep links again until a new page asks. */
  pageGone(): void {
    this.#pageReady = false
  }
}
