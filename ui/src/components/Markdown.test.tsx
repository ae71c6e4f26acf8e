import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

declare global {
  interface Window {
    pwned?: boolean;
  }
}

describe('<Markdown>', () => {
  afterEach(() => {
    delete window.pwned;
  });

  it('keeps an embedded image but strips its handler, which then cannot run', async () => {
    render(<Markdown source={'<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="window.pwned = true">'} testId="md" />);
    const image = screen.getByTestId('md').querySelector('img');
    expect(image?.getAttribute('onerror')).toBeNull();
    fireEvent.error(image!);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(window.pwned).toBeUndefined();
  });

  it('renders formatting as HTML', () => {
    render(<Markdown source={'# Heading\n\nSome **bold** text'} testId="md" />);
    const container = screen.getByTestId('md');
    expect(container.querySelector('h1')?.textContent).toBe('Heading');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
  });

  it('never runs an onerror handler or a script from the source', async () => {
    render(
      <Markdown source={'<img src=x onerror="window.pwned = true"> <script>window.pwned = true</script>'} testId="md" />,
    );
    const container = screen.getByTestId('md');
    // The image could not load from here anyway: it is replaced by a note, handler and all.
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('[image]');
    for (const element of Array.from(container.querySelectorAll('*'))) fireEvent.error(element);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(window.pwned).toBeUndefined();
  });

  it('keeps link clicks from navigating the app window', () => {
    render(<Markdown source="[elsewhere](https://example.com)" testId="md" />);
    const link = screen.getByText('elsewhere');
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('shows the placeholder as plain text for a blank source', () => {
    render(<Markdown source="   " testId="md" placeholder="<b>No description</b>" />);
    const container = screen.getByTestId('md');
    expect(container.textContent).toBe('<b>No description</b>');
    expect(container.querySelector('b')).toBeNull();
  });
});
