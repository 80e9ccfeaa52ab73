// Keeps one view's failure to itself: a view (or dialog) that throws while rendering is replaced by a
// sentence saying what failed, with a way back, while the top bar, the other views and the library keep
// working. Without it React would blank the whole window.
import { Component, type ReactNode } from 'react'
import { hrefFor } from './route'

interface Props {
  /** What the view shows, for the sentence: "the reader", "the notes". */
  what: string
  /** When this changes (another route), the view is tried again. */
  resetKey?: string
  /** Offered as "Close" for a dialog; a view offers the library instead. */
  onClose?: () => void
  children: ReactNode
}

interface State {
  error: Error | null
  resetKey: string | undefined
}

export class ViewBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // Another page was chosen: try the view afresh there.
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null
  }

  override render(): ReactNode {
    const { error } = this.state
    if (error === null) return this.props.children
    return (
      <section className="view-failure" role="alert" aria-label={`${this.props.what} could not be shown`}>
        <h2>{capitalize(this.props.what)} could not be shown</h2>
        <p>
          Something in it failed: {error.message || error.name}. Nothing in the library was changed, and the rest of Liner Notes still works.
        </p>
        <p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>{' '}
          {this.props.onClose ? (
            <button type="button" onClick={this.props.onClose}>
              Close
            </button>
          ) : (
            <a href={hrefFor({ name: 'library' })}>Back to the library</a>
          )}
        </p>
      </section>
    )
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
