// THE sanitiser. Every piece of user-entered text that is rendered as HTML passes through
// markdownToSafeHtml, and only components/Markdown.tsx puts the result into the page.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

// A private Marked instance, so no other module can add extensions that bypass these options.
const markdown = new Marked({ gfm: true, breaks: true, async: false });

// Tags that have no business in a ticket description: they can submit, embed or restyle the app.
const FORBIDDEN_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'];
const FORBIDDEN_ATTRIBUTES = ['style', 'srcset', 'formaction', 'action'];

let hooksInstalled = false;

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // Links must never open inside the app window; Markdown.tsx intercepts their clicks,
  // and rel keeps a future "open in browser" from leaking the opener.
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('rel', 'noopener noreferrer nofollow');
      node.removeAttribute('target');
    }
  });
}

/** Removes scripts, event handlers, javascript: URLs and anything else that could run or restyle. */
export function sanitizeHtml(html: string): string {
  installHooks();
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
  });
}

/** Markdown → HTML → DOMPurify. The output is safe to hand to innerHTML. */
export function markdownToSafeHtml(source: string): string {
  const html = markdown.parse(source ?? '') as string;
  return sanitizeHtml(html);
}
