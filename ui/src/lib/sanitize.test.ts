import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml, sanitizeHtml } from './sanitize';

describe('markdownToSafeHtml', () => {
  it('keeps ordinary Markdown formatting', () => {
    const html = markdownToSafeHtml('**bold** and `code`\n\n- one\n- two');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>one</li>');
  });

  it('removes event handlers from raw HTML images', () => {
    const html = markdownToSafeHtml('Hello <img src="data:image/png;base64,AAAA" onerror="alert(1)">');
    expect(html).toContain('<img src="data:image/png;base64,AAAA">');
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toContain('alert');
  });

  it('replaces images that would load from elsewhere with a plain note', () => {
    const html = markdownToSafeHtml('![diagram](https://tracker.example/pixel.png) and <img src=x onerror="alert(1)">');
    expect(html).not.toContain('<img');
    expect(html).toContain('[image: diagram]');
    expect(html).toContain('title="https://tracker.example/pixel.png"');
    expect(html).not.toMatch(/onerror|alert/);
  });

  it('removes script elements entirely', () => {
    const html = markdownToSafeHtml('before\n\n<script>window.hacked = true</script>\n\nafter');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('window.hacked');
    expect(html).toContain('after');
  });

  it('neutralises javascript: links, in Markdown and in HTML', () => {
    expect(markdownToSafeHtml('[click](javascript:alert(1))')).not.toMatch(/javascript:/i);
    expect(markdownToSafeHtml('<a href="javascript:alert(1)">x</a>')).not.toMatch(/javascript:/i);
  });

  it('drops embedding, form and style elements and style attributes', () => {
    const html = markdownToSafeHtml(
      '<iframe src="https://example.com"></iframe><form action="/x"><input></form><style>body{display:none}</style><p style="position:fixed">p</p><svg onload="alert(1)"></svg>',
    );
    expect(html).not.toMatch(/<iframe|<form|<input|<style|style=|<svg|onload/i);
    expect(html).toContain('<p>p</p>');
  });

  it('marks links so they cannot reach the opener', () => {
    const html = markdownToSafeHtml('[docs](https://example.com/docs)');
    expect(html).toContain('href="https://example.com/docs"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(sanitizeHtml('<a href="https://e.org" target="_blank">e</a>')).not.toContain('target=');
  });

  it('treats an empty source as empty output', () => {
    expect(markdownToSafeHtml('')).toBe('');
  });
});
