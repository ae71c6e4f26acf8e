import { useToast } from '../../components/Toasts';
import { useWorkspaceSwitch } from '../../state/useWorkspace';

/** A workspace without tickets: start logging, or explore with the demo organisation. */
export function EmptyWorkspace() {
  const { loadDemo } = useWorkspaceSwitch();
  const notify = useToast();
  return (
    <div className="empty-state" data-testid="empty-workspace">
      <h1>No tickets yet</h1>
      <p>Log the first incident or service request, or load a demo organisation to see how the workbench behaves.</p>
      <div className="empty-state-actions">
        <a className="button primary" href="#/new-ticket">
          New incident / request
        </a>
        <button
          type="button"
          data-testid="demo-load-button"
          disabled={loadDemo.isPending}
          onClick={() =>
            loadDemo.mutate(undefined, {
              onSuccess: () => notify('Demo data loaded.', 'success'),
              onError: (error) =>
                notify(error.code === 'not_empty' ? 'This workspace already has tickets.' : error.message, 'error'),
            })
          }
        >
          {loadDemo.isPending ? 'Loading…' : 'Load demo data'}
        </button>
      </div>
    </div>
  );
}
