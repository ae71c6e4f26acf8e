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

/**
 * Removes scripts, event handlers, javascript: URLs and anything else that could run or restyle.
 * Markup that the HTML parser cannot place in a body (a leading `<frameset>`, say) gives no
 * fragment at all: then the text is shown as plain text rather than taking the view down.
 */
export function sanitizeHtml(html: string): string {
  installHooks();
  const fragment = DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    // User ids and names are prefixed, so markup cannot shadow the app's own elements or
    // properties of `document` (DOM clobbering).
    SANITIZE_NAMED_PROPS: true,
    RETURN_DOM_FRAGMENT: true,
  }) as DocumentFragment | null;
  if (!fragment) return escapedText(html);
  replaceUnloadableImages(fragment);
  const container = document.createElement('div');
  container.appendChild(fragment);
  return container.innerHTML;
}

/** `text` as inert, visible characters. */
function escapedText(text: string): string {
  const paragraph = document.createElement('p');
  paragraph.textContent = text;
  return paragraph.outerHTML;
}

/**
 * Only images embedded in the text itself (data: URLs) can show: the CSP blocks remote images,
 * and a remote image would tell its server who read the ticket and when. Others become a
 * plain-text note, instead of a broken-image icon.
 */
function replaceUnloadableImages(root: DocumentFragment): void {
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const source = image.getAttribute('src') ?? '';
    if (source.startsWith('data:image/')) continue;
    const note = document.createElement('span');
    note.className = 'markdown-image-note';
    note.textContent = `[image${image.getAttribute('alt') ? `: ${image.getAttribute('alt')}` : ''}]`;
    if (source) note.title = source;
    image.replaceWith(note);
  }
}

/** Markdown → HTML → DOMPurify. The output is safe to hand to innerHTML. */
export function markdownToSafeHtml(source: string): string {
  try {
    return sanitizeHtml(markdown.parse(source ?? '') as string);
  } catch {
    // Whatever the parser or the sanitiser choked on, the person still sees their words.
    return escapedText(source ?? '');
  }
}
