import { mockIPC } from '@tauri-apps/api/mocks';
import { serveMockBackend } from './test/serveMockBackend';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { MockBackend } from './preview/mockBackend';
import { renderWithApp } from './test/renderWithApp';

let backend: MockBackend;

function start(options: ConstructorParameters<typeof MockBackend>[0]) {
  backend = new MockBackend(options);
  serveMockBackend(backend);
  renderWithApp(<App />);
}

beforeEach(() => {
  window.location.hash = '#/board';
});

describe('<App>', () => {
  it('offers to open or create a workspace when none is open, then shows it', async () => {
    start({ closed: true });
    expect(await screen.findByTestId('welcome')).toBeTruthy();
    expect(screen.getByTestId('workspace-name').textContent).toBe('No workspace');
    await act(async () => fireEvent.click(screen.getByText('Open workspace…')));
    expect(await screen.findByTestId('board')).toBeTruthy();
    expect(screen.getByTestId('workspace-name').textContent).toBe('Northwind IT');
  });

  it('offers demo data in an empty workspace and shows the board once loaded', async () => {
    start({ empty: true });
    await act(async () => fireEvent.click(await screen.findByTestId('demo-load-button')));
    expect(await screen.findByTestId('ticket-card-INC-000096')).toBeTruthy();
  });

  it('sets the actor from the picker', async () => {
    start({ actor: false });
    const picker = (await screen.findByTestId('actor-picker')) as HTMLSelectElement;
    await waitFor(() => expect(picker.querySelectorAll('option').length).toBeGreaterThan(1));
    const priya = backend.directory.people[2];
    await act(async () => fireEvent.change(picker, { target: { value: priya.id } }));
    await waitFor(() => expect(picker.value).toBe(priya.id));
    expect(backend.calls.find((call) => call.cmd === 'actor_set')!.args).toEqual({ personId: priya.id });
  });
});

describe('<App> start-up problems', () => {
  it('explains a file that is not a workspace, by its code', async () => {
    backend = new MockBackend();
    mockIPC((cmd, args) => {
      if (cmd === 'workspace_info') throw { code: 'not_a_workspace', message: 'file is not a database' };
      return backend.handle(cmd, args as Record<string, unknown>);
    });
    renderWithApp(<App />);
    const welcome = await screen.findByTestId('welcome');
    expect(welcome.textContent).toContain('not an SMS Workbench workspace');
    expect(screen.getByTestId('workspace-open')).toBeTruthy();
  });
});
