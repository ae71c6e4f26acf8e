import { useQuery } from '@tanstack/react-query';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import { cmdbImpact, cmdbNeighbourhood } from '../../api/cmdb';
import type { AppError } from '../../api/types';
import type { Direction } from '../../bindings/Direction';
import type { ImpactReport } from '../../bindings/ImpactReport';
import type { Neighbourhood } from '../../bindings/Neighbourhood';
import { queryKeys } from '../../state/queryKeys';
import { navigate, routeToHash } from '../../state/route';
import { GRAPH_STYLE } from './graphStyle';
import { pathText } from './ImpactPanel';
import { useCmdbVocabulary } from './useCmdbVocabulary';

/** The most nodes drawn at once: enough for a real neighbourhood, never enough to freeze. */
const MAX_NODES = 1000;
const HOPS = [1, 2, 3, 4] as const;

type Highlight = 'none' | Direction;

/**
 * The neighbourhood of one item, a bounded number of hops out, laid out in rings by distance;
 * the impact either way can be lit up, a hit's path shows on hover, a click opens the record.
 */
export function CmdbGraph({ centreKey }: { centreKey: string }) {
  const [hops, setHops] = useState(2);
  const [highlight, setHighlight] = useState<Highlight>('down');
  const [hiddenClasses, setHiddenClasses] = useState<Set<string>>(new Set());
  const [hiddenRelations, setHiddenRelations] = useState<Set<string>>(new Set());
  const [hovered, setHovered] = useState<string | null>(null);
  const vocabulary = useCmdbVocabulary();
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef<Core | null>(null);

  const neighbourhood = useQuery<Neighbourhood, AppError>({
    queryKey: queryKeys.neighbourhood(centreKey, hops),
    queryFn: () => cmdbNeighbourhood(centreKey, hops, MAX_NODES),
    placeholderData: (previous) => previous,
  });
  const impact = useQuery<ImpactReport, AppError>({
    queryKey: queryKeys.impact(centreKey, highlight === 'none' ? 'down' : highlight, null),
    queryFn: () => cmdbImpact(centreKey, highlight === 'none' ? 'down' : highlight, null),
    enabled: highlight !== 'none',
  });

  const elements = useMemo(() => elementsOf(neighbourhood.data), [neighbourhood.data]);
  const classesShown = useMemo(() => [...new Set(neighbourhood.data?.nodes.map((n) => n.node.class) ?? [])].sort(), [neighbourhood.data]);
  const relationsShown = useMemo(() => [...new Map(neighbourhood.data?.edges.map((e) => [e.relation, e.relation_name]) ?? []).entries()], [neighbourhood.data]);
  const hitsByKey = useMemo(() => new Map((highlight === 'none' ? [] : impact.data?.hits ?? []).map((hit) => [hit.node.key, hit])), [impact.data, highlight]);

  // One Cytoscape instance per drawn neighbourhood; filters and highlights only restyle it.
  useEffect(() => {
    if (!container.current || elements.length === 0) return;
    const cy = cytoscape({
      container: container.current,
      elements,
      style: GRAPH_STYLE,
      layout: { name: 'concentric', concentric: (node) => 100 - Number(node.data('depth')), levelWidth: () => 1, minNodeSpacing: 12, animate: false },
      textureOnViewport: true,
      hideEdgesOnViewport: elements.length > 1500,
      minZoom: 0.05,
      maxZoom: 3,
    });
    cy.on('tap', 'node', (event) => {
      const key = String(event.target.id());
      navigate(key.startsWith('CI-') ? { view: 'ci', key } : { view: 'catalogue', tab: 'services' });
    });
    cy.on('mouseover', 'node', (event) => setHovered(String(event.target.id())));
    cy.on('mouseout', 'node', () => setHovered(null));
    graph.current = cy;
    return () => {
      cy.destroy();
      graph.current = null;
    };
  }, [elements]);

  useEffect(() => {
    const cy = graph.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        node.toggleClass('filtered', hiddenClasses.has(String(node.data('class'))));
        node.toggleClass('hit', hitsByKey.has(node.id()));
      });
      cy.edges().forEach((edge) => {
        edge.toggleClass('filtered', hiddenRelations.has(String(edge.data('relation'))));
        edge.toggleClass('hit', hitsByKey.has(edge.source().id()) && hitsByKey.has(edge.target().id()) || (hitsByKey.has(edge.target().id()) && edge.source().id() === centreKey) || (hitsByKey.has(edge.source().id()) && edge.target().id() === centreKey));
      });
    });
  }, [hiddenClasses, hiddenRelations, hitsByKey, elements, centreKey]);

  const toggle = (set: Set<string>, value: string) => {
    const next = new Set(set);
    if (!next.delete(value)) next.add(value);
    return next;
  };
  const hoveredHit = hovered ? hitsByKey.get(hovered) : undefined;
  const data = neighbourhood.data;

  return (
    <div className="view graph-view" data-testid="cmdb-graph">
      <div className="view-header">
        <a className="back-link" href={routeToHash({ view: 'ci', key: centreKey })}>
          ← {centreKey}
        </a>
        <h1>Around {data?.centre.name ?? centreKey}</h1>
        <label className="inline-label">
          Hops{' '}
          <select value={hops} onChange={(event) => setHops(Number(event.target.value))} data-testid="graph-hops">
            {HOPS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <div className="segmented" role="group" aria-label="Highlight">
          {(['down', 'up', 'none'] as const).map((h) => (
            <button key={h} type="button" className={`segment${highlight === h ? ' active' : ''}`} aria-pressed={highlight === h} onClick={() => setHighlight(h)} data-testid={`graph-highlight-${h}`}>
              {h === 'down' ? 'What it breaks' : h === 'up' ? 'What it relies on' : 'No highlight'}
            </button>
          ))}
        </div>
      </div>
      {neighbourhood.error && <div className="banner banner-error">{neighbourhood.error.message}</div>}
      <div className="graph-layout">
        <div className="graph-canvas" ref={container} data-testid="graph-canvas" data-node-count={data?.nodes.length ?? 0} data-hit-count={hitsByKey.size} aria-label="Relationship graph" role="img" />
        <aside className="graph-side">
          <p data-testid="graph-counts">
            {data ? `${data.nodes.length} items and services, ${data.edges.length} relationships` : 'Loading…'}
            {data && data.nodes_left_out > 0 && (
              <strong className="graph-left-out" data-testid="graph-left-out">
                {' '}
                {data.nodes_left_out} more within {data.hops} hops not drawn; open one of the items to look further.
              </strong>
            )}
          </p>
          {highlight !== 'none' && impact.data && (
            <p className="muted" data-testid="graph-impact-count">
              {impact.data.hits.length} {highlight === 'down' ? 'affected' : 'relied on'} in all; {impact.data.services.length} services, {impact.data.customers.length} customers.
            </p>
          )}
          <div className="graph-hover" data-testid="graph-hover-path">
            {hoveredHit ? pathText(hoveredHit) : hovered ? hovered : 'Point at an item to see why it is reached.'}
          </div>
          <h3 className="panel-subhead">Classes</h3>
          {classesShown.map((cls) => (
            <label key={cls} className="checkbox">
              <input type="checkbox" checked={!hiddenClasses.has(cls)} onChange={() => setHiddenClasses((s) => toggle(s, cls))} data-testid={`graph-class-${cls}`} />
              <span className="checkbox-label">{cls === 'service' ? 'Catalogue service' : vocabulary.className(cls)}</span>
            </label>
          ))}
          <h3 className="panel-subhead">Relationships</h3>
          {relationsShown.map(([id, name]) => (
            <label key={id} className="checkbox">
              <input type="checkbox" checked={!hiddenRelations.has(id)} onChange={() => setHiddenRelations((s) => toggle(s, id))} data-testid={`graph-relation-${id}`} />
              <span className="checkbox-label">{name}</span>
            </label>
          ))}
        </aside>
      </div>
    </div>
  );
}

function elementsOf(data?: Neighbourhood): ElementDefinition[] {
  if (!data) return [];
  const nodes: ElementDefinition[] = data.nodes.map(({ node, depth }) => ({
    data: { id: node.key, label: `${node.key}\n${node.name}`, class: node.class, kind: node.kind, depth },
    classes: [node.kind, node.retired ? 'retired' : '', depth === 0 ? 'centre' : ''].filter(Boolean).join(' '),
  }));
  const present = new Set(data.nodes.map((n) => n.node.key));
  const edges: ElementDefinition[] = data.edges
    .filter((edge) => present.has(edge.source) && present.has(edge.target))
    .map((edge) => ({ data: { id: `e:${edge.id}`, source: edge.source, target: edge.target, relation: edge.relation, label: edge.relation_name } }));
  return [...nodes, ...edges];
}
