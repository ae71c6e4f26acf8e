import type { ReactNode } from 'react';

type Props = {
  heading: string;
  tabs: readonly { id: string; label: string }[];
  current: string;
  /** Where each tab leads (a route hash). */
  hrefOf: (tab: string) => string;
  /** "catalogue": the tabs are `<prefix>-tab-<id>`. */
  testIdPrefix: string;
  /** A note after the tabs. */
  children?: ReactNode;
};

/** A view's heading with the tabs that switch between its record families. */
export function TabbedViewHeader({ heading, tabs, current, hrefOf, testIdPrefix, children }: Props) {
  return (
    <div className="view-header">
      <h1>{heading}</h1>
      <nav className="tabs" aria-label={heading}>
        {tabs.map((t) => (
          <a key={t.id} href={hrefOf(t.id)} className={`tab${current === t.id ? ' active' : ''}`} aria-current={current === t.id ? 'page' : undefined} data-testid={`${testIdPrefix}-tab-${t.id}`}>
            {t.label}
          </a>
        ))}
      </nav>
      {children}
    </div>
  );
}
