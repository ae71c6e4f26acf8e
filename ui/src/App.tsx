import { lazy, Suspense } from 'react';
import { ActorGateProvider } from './state/ActorGate';
import { FiltersProvider } from './state/FiltersContext';
import { routeToHash, useRoute, type Route } from './state/route';
import { ViewErrorBoundary } from './components/ViewErrorBoundary';
import { useLiveUpdates } from './state/useLiveUpdates';
import { useWorkspace } from './state/useWorkspace';
import { IncidentBoard } from './views/incidents/IncidentBoard';
import { NewTicketForm } from './views/incidents/NewTicketForm';
import { TicketList } from './views/incidents/TicketList';
import { TicketRecord } from './views/incidents/TicketRecord';
import { NewProblemForm } from './views/problems/NewProblemForm';
import { ProblemList } from './views/problems/ProblemList';
import { ProblemRecord } from './views/problems/ProblemRecord';
import { CommandPalette } from './views/shell/CommandPalette';
import { EmptyWorkspace } from './views/shell/EmptyWorkspace';
import { SideNav } from './views/shell/SideNav';
import { TopBar } from './views/shell/TopBar';
import { Welcome } from './views/shell/Welcome';
import { CatalogueView } from './views/catalogue/CatalogueView';
import { DirectoryView } from './views/directory/DirectoryView';
import { CiRecord } from './views/cmdb/CiRecord';
import { CmdbView } from './views/cmdb/CmdbView';
import { useSlaWarningToasts } from './views/sla/useSlaWarningToasts';

// Cytoscape is most of the graph view's weight: loaded when a graph is first opened.
const CmdbGraph = lazy(() => import('./views/cmdb/CmdbGraph').then((module) => ({ default: module.CmdbGraph })));
// ECharts is most of the dashboard's weight: loaded when the dashboard is first opened.
const SlaDashboard = lazy(() => import('./views/sla/SlaDashboard').then((module) => ({ default: module.SlaDashboard })));

export function App() {
  useLiveUpdates();
  useSlaWarningToasts();
  const route = useRoute();
  return (
    <ActorGateProvider>
      <FiltersProvider>
        <div className="app">
          <SideNav route={route} />
          <div className="app-main">
            <TopBar />
            <main className="content">
              <ViewErrorBoundary key={routeToHash(route)}>
                <Content route={route} />
              </ViewErrorBoundary>
            </main>
          </div>
        </div>
        <CommandPalette />
      </FiltersProvider>
    </ActorGateProvider>
  );
}

function Content({ route }: { route: Route }) {
  const workspace = useWorkspace();
  if (workspace.isPending) return <div className="loading">Opening workspace…</div>;
  if (!workspace.data) return <Welcome />;

  switch (route.view) {
    case 'board':
      return workspace.data.ticket_count === 0 ? <EmptyWorkspace /> : <IncidentBoard />;
    case 'list':
      return workspace.data.ticket_count === 0 ? <EmptyWorkspace /> : <TicketList />;
    case 'ticket':
      return <TicketRecord key={route.key} ticketKey={route.key} />;
    case 'new-ticket':
      return <NewTicketForm />;
    case 'problems':
      return <ProblemList />;
    case 'problem':
      return <ProblemRecord key={route.key} problemKey={route.key} />;
    case 'new-problem':
      return <NewProblemForm />;
    case 'sla':
      return (
        <Suspense fallback={<div className="loading">Loading the dashboard…</div>}>
          <SlaDashboard />
        </Suspense>
      );
    case 'catalogue':
      return <CatalogueView tab={route.tab} />;
    case 'directory':
      return <DirectoryView tab={route.tab} />;
    case 'cmdb':
      return <CmdbView tab={route.tab} />;
    case 'ci':
      return <CiRecord key={route.key} ciKey={route.key} />;
    case 'ci-graph':
      return (
        <Suspense fallback={<div className="loading">Loading the graph…</div>}>
          <CmdbGraph key={route.key} centreKey={route.key} />
        </Suspense>
      );
  }
}
