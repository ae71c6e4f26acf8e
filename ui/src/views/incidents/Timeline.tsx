import type { AuditEntry } from '../../bindings/AuditEntry';
import type { Comment } from '../../bindings/Comment';
import { Markdown } from '../../components/Markdown';
import { formatDateTime } from '../../lib/age';
import { STATUS_LABEL } from '../../lib/labels';
import type { Status } from '../../bindings/Status';
import type { DirectoryLookup } from '../../state/useDirectory';
import { describeValue, fieldLabel, mergeTimeline, type FieldChange } from './timeline';

type TimelineProps = {
  comments: Comment[];
  history: AuditEntry[];
  directory: DirectoryLookup;
  /** "incident", "problem"…: how a create entry reads. */
  noun: string;
};

/** Who did what when: comments, work notes and every recorded change, oldest first. */
export function Timeline({ comments, history, directory, noun }: TimelineProps) {
  const items = mergeTimeline(comments, history);
  if (items.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {items.map((item) =>
        item.type === 'comment' ? (
          <li key={item.id} className={`timeline-item timeline-comment${item.comment.internal ? ' work-note' : ''}`} data-testid={`timeline-comment-${item.comment.key}`}>
            <div className="timeline-meta">
              <strong>{directory.personName(item.comment.author_id) ?? 'Unknown person'}</strong>
              <span className={`tag ${item.comment.internal ? 'tag-internal' : 'tag-public'}`} data-testid="timeline-visibility">
                {item.comment.internal ? 'Work note' : 'Comment'}
              </span>
              <time dateTime={item.at}>{formatDateTime(item.at)}</time>
            </div>
            <Markdown source={item.comment.body} className="timeline-body" />
          </li>
        ) : (
          <li key={item.id} className="timeline-item timeline-history" data-testid="timeline-history">
            <div className="timeline-meta">
              <strong>{item.entry.actor || 'System'}</strong>
              <span>{headline(item.entry, item.changes, noun)}</span>
              <time dateTime={item.at}>{formatDateTime(item.at)}</time>
            </div>
            {item.entry.action === 'update' && item.changes.length > 0 && (
              <ul className="change-list">
                {item.changes.map((change) => (
                  <li key={change.field}>
                    <span className="change-field">{fieldLabel(change.field)}</span>{' '}
                    <span className="change-before">{describeValue(change.field, change.before, directory)}</span>
                    <span className="change-arrow" aria-label="changed to">
                      {' → '}
                    </span>
                    <span className="change-after">{describeValue(change.field, change.after, directory)}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ),
      )}
    </ol>
  );
}

function headline(entry: AuditEntry, changes: FieldChange[], noun: string): string {
  if (entry.record_kind === 'link') {
    return entry.action === 'create' ? 'added a link' : 'changed a link';
  }
  if (entry.action === 'create') return `created the ${noun}`;
  if (entry.action === 'delete') return `removed the ${noun}`;
  const status = changes.find((change) => change.field === 'status');
  if (status && typeof status.after === 'string') return `moved it to ${STATUS_LABEL[status.after as Status] ?? status.after}`;
  return 'edited';
}
