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
    const image = container.querySelector('img');
    expect(image).not.toBeNull();
    expect(image!.getAttribute('onerror')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    // Fire the error the browser would fire for a broken image: there is no handler to run.
    fireEvent.error(image!);
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
