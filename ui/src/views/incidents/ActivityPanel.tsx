import type { AuditEntry } from '../../bindings/AuditEntry';
import type { Comment } from '../../bindings/Comment';
import { useDirectory } from '../../state/useDirectory';
import { CommentForm } from './CommentForm';
import { Timeline } from './Timeline';

type Props = {
  recordKey: string;
  comments: Comment[];
  history: AuditEntry[];
  /** "incident", "problem"…: how a create entry reads. */
  noun: string;
};

/** A ticket's or problem's conversation and history, with the form to add to it. */
export function ActivityPanel({ recordKey, comments, history, noun }: Props) {
  const directory = useDirectory();
  return (
    <section className="panel" aria-label="Activity">
      <header className="panel-header">
        <h2>Activity</h2>
      </header>
      <Timeline comments={comments} history={history} directory={directory} noun={noun} />
      <CommentForm parentKey={recordKey} />
    </section>
  );
}
