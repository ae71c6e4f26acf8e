import { serveMockBackend } from '../../test/serveMockBackend';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { MockBackend } from '../../preview/mockBackend';
import { renderWithApp } from '../../test/renderWithApp';
import { GlobalSearch } from './GlobalSearch';

let backend: MockBackend;

beforeEach(() => {
  backend = new MockBackend();
  serveMockBackend(backend);
});

describe('<GlobalSearch>', () => {
  it('lists matching records and opens the one chosen', async () => {
    renderWithApp(<GlobalSearch />);
    await waitFor(() => expect((screen.getByTestId('search-input') as HTMLInputElement).disabled).toBe(false));
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'printer' } });
    const hit = await screen.findByTestId('search-hit-PRB-000004');
    expect(screen.getByTestId('search-results').textContent).toContain('INC-000097');
    fireEvent.click(hit);
    expect(window.location.hash).toBe('#/problem/PRB-000004');
    expect(screen.queryByTestId('search-results')).toBeNull();
  });
});
