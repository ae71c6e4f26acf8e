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

// Markup that breaks the HTML parser's usual shape, and classic injection payloads: none may
// throw, and none may come out able to run or navigate.
const HOSTILE = [
  '<frameset><frame src="javascript:alert(1)"></frameset>',
  '<frameset onload=alert(1)>',
  '<html><head></head><frameset></frameset></html>',
  '<template><script>alert(1)</script></template>',
  '<table><tr><td><svg><script>alert(1)</script></svg></td></tr></table>',
  '<table><form><input onfocus=alert(1) autofocus></form></table>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<a href="javascript:alert(1)">click</a> <a href="data:text/html,<script>alert(1)</script>">data</a>',
  '<a href="  JaVaScRiPt:alert(1)">spaced</a>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<img src=x onerror=alert(1)//',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<base href="javascript:/"><a href="/x">x</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '[md link](javascript:alert(1)) and ![img](javascript:alert(1))',
  '<details open ontoggle=alert(1)>',
  '</p></div></main><body onload=alert(1)>',
  '<select><template><img src=x onerror=alert(1)></template></select>',
];

describe('hostile markup', () => {
  it.each(HOSTILE)('renders %s inert, without throwing', (payload) => {
    const html = markdownToSafeHtml(payload);
    const probe = document.createElement('div');
    probe.innerHTML = html;
    for (const element of Array.from(probe.querySelectorAll('*'))) {
      expect(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'FRAMESET', 'BASE', 'META', 'FORM', 'INPUT', 'SVG', 'MATH']).not.toContain(element.tagName.toUpperCase());
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name.toLowerCase().startsWith('on')).toBe(false);
        expect(attribute.value.replace(/\s/g, '').toLowerCase()).not.toMatch(/^(javascript|data:text|vbscript):/);
      }
    }
  });

  it('prefixes ids and names, so markup cannot shadow the app (DOM clobbering)', () => {
    const html = markdownToSafeHtml('<a id="root" name="cookie">x</a><img name="getElementById" src="data:image/png;base64,AAAA">');
    expect(html).not.toMatch(/id="root"|name="cookie"|name="getElementById"/);
  });
});
