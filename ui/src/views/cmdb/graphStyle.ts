import type { StylesheetJson } from 'cytoscape';

// Colours follow the app's palette (styles/base.css); labels fade out when zoomed far out so
// a thousand nodes still pan smoothly.
export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': '#7b8794',
      label: 'data(label)',
      'font-size': 9,
      'min-zoomed-font-size': 7,
      'text-wrap': 'wrap',
      'text-max-width': '110px',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      color: '#1f2933',
      width: 18,
      height: 18,
    },
  },
  { selector: 'node.service', style: { shape: 'round-rectangle', 'background-color': '#2f6fde', width: 26, height: 18 } },
  { selector: 'node.centre', style: { 'border-width': 3, 'border-color': '#111827', width: 28, height: 28 } },
  { selector: 'node.retired', style: { opacity: 0.45, 'border-style': 'dashed', 'border-width': 1 } },
  { selector: 'node.hit', style: { 'background-color': '#d64545' } },
  { selector: 'node.service.hit', style: { 'background-color': '#b42318' } },
  {
    selector: 'edge',
    style: {
      width: 1,
      'line-color': '#c4cdd5',
      'target-arrow-color': '#c4cdd5',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.7,
      'curve-style': 'straight',
    },
  },
  { selector: 'edge.hit', style: { 'line-color': '#d64545', 'target-arrow-color': '#d64545', width: 2, 'curve-style': 'bezier' } },
  { selector: '.filtered', style: { display: 'none' } },
];
