// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definePropertiesInCytoscape } from './cytoscapeFrozenSafe';

const CYTOSCAPE = join(process.cwd(), 'node_modules/cytoscape/dist/cytoscape.esm.mjs');

// Runs a graph like the view's in a separate Node process with Object.prototype frozen, as
// the Tauri window has it (freezing it here would break the test runner itself).
function drawsUnderFrozenPrototype(source: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'cy-frozen-'));
  writeFileSync(join(folder, 'cytoscape.mjs'), source);
  writeFileSync(
    join(folder, 'run.mjs'),
    `Object.freeze(Object.prototype);
     try {
       const { default: cytoscape } = await import('./cytoscape.mjs');
       const cy = cytoscape({ headless: true, elements: [{ data: { id: 'a', depth: 0 } }, { data: { id: 'b', depth: 1 } }, { data: { id: 'e', source: 'a', target: 'b' } }],
         style: [{ selector: 'node', style: { label: 'data(id)' } }], layout: { name: 'concentric', concentric: () => 1, levelWidth: () => 1, animate: false } });
       cy.nodes().toggleClass('hit', true);
       console.log('drawn ' + cy.nodes().length);
     } catch (error) { console.log('failed: ' + error.message); }`,
  );
  return execFileSync(process.execPath, [join(folder, 'run.mjs')], { encoding: 'utf8' }).trim();
}

describe('Cytoscape under a frozen Object.prototype', () => {
  const original = readFileSync(CYTOSCAPE, 'utf8');

  it('fails as shipped, which is why the build rewrites it', () => {
    expect(drawsUnderFrozenPrototype(original)).toMatch(/^failed: .*read.?only/i);
  });

  it('draws a graph once its extend helper defines properties', () => {
    expect(drawsUnderFrozenPrototype(definePropertiesInCytoscape(original))).toBe('drawn 2');
  });
});
