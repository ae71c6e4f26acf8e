import { describe, expect, it } from 'vitest';
import { csvHeader } from './csvHeader';

describe('csvHeader', () => {
  it('reads quoted names with commas and doubled quotes', () => {
    expect(csvHeader('Name,"Serial, number","The ""tag"""\r\nweb01,1,2').columns).toEqual(['Name', 'Serial, number', 'The "tag"']);
  });
  it('drops a BOM and finds a semicolon delimiter', () => {
    const header = csvHeader('\ufeffname;class;status\nweb;server;live');
    expect(header).toEqual({ columns: ['name', 'class', 'status'], delimiter: ';' });
  });
  it('reads a header with no rows', () => {
    expect(csvHeader('key,name').columns).toEqual(['key', 'name']);
  });
});
