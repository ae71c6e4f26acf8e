import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { children: ReactNode };
type State = { error: Error | null };

/**
 * Keeps one view's failure inside that view: the rest of the app (navigation, the top bar)
 * stays usable, and the person sees what went wrong and a way back. The app keys it by route,
 * so moving to another view starts afresh.
 */
export class ViewErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A view failed to render', error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="empty-state" role="alert" data-testid="view-error">
        <h1>This view could not be shown</h1>
        <p>{error.message || 'Something in this record could not be displayed.'}</p>
        <div className="empty-state-actions">
          <a className="button primary" href="#/board">
            Back to the board
          </a>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
