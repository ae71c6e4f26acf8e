import { useState } from 'react';
import { Markdown } from './Markdown';

type MarkdownEditorProps = {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  rows?: number;
  placeholder?: string;
};

/** A textarea with a preview tab; the preview goes through the same sanitiser as the record view. */
export function MarkdownEditor({ id, value, onChange, testId, rows = 6, placeholder }: MarkdownEditorProps) {
  const [previewing, setPreviewing] = useState(false);
  return (
    <div className="markdown-editor">
      <div className="markdown-editor-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={!previewing} onClick={() => setPreviewing(false)}>
          Write
        </button>
        <button type="button" role="tab" aria-selected={previewing} onClick={() => setPreviewing(true)}>
          Preview
        </button>
        <span className="markdown-editor-hint">Markdown</span>
      </div>
      {previewing ? (
        <Markdown source={value} className="markdown-preview" placeholder="Nothing to preview." />
      ) : (
        <textarea
          id={id}
          value={value}
          rows={rows}
          placeholder={placeholder}
          data-testid={testId}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
