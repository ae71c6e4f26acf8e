// The window runs with Tauri's `freezePrototype`. Cytoscape copies methods onto its objects
// with `Object.assign`, including a `toString`; assigning a property that a frozen
// Object.prototype already has throws (the "override mistake"), so the graph view could not
// load. This build-time rewrite makes Cytoscape's one `extend` helper define the properties
// instead, which is allowed. It fails the build if Cytoscape's helper ever changes shape.

const ASSIGN = 'var extend = Object.assign != null ? Object.assign.bind(Object) : function (tgt) {';
const DEFINE = 'var extend = function (tgt) {';
const COPY = '      tgt[k] = obj[k];';
const DEFINE_COPY = '      Object.defineProperty(tgt, k, { value: obj[k], writable: true, enumerable: true, configurable: true });';

/** Cytoscape's module source with `extend` defining properties rather than assigning them. */
export function definePropertiesInCytoscape(code: string): string {
  const start = code.indexOf(ASSIGN);
  const copy = code.indexOf(COPY, start);
  if (start < 0 || copy < 0) throw new Error('cytoscape: its extend helper changed; check the frozen-prototype rewrite');
  return code.slice(0, start) + DEFINE + code.slice(start + ASSIGN.length, copy) + DEFINE_COPY + code.slice(copy + COPY.length);
}

/** The Vite plugin that applies the rewrite to Cytoscape's ES module build. */
export const cytoscapeFrozenSafe = {
  name: 'cytoscape-frozen-prototype-safe',
  transform(code: string, id: string) {
    return /node_modules\/cytoscape\/dist\/cytoscape\.esm\.m?js$/.test(id) ? definePropertiesInCytoscape(code) : null;
  },
};
