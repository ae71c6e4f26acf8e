/**
 * The column names of a CSV file's first record, for the mapping step only (the store parses
 * the whole file and names every problem). Handles quoted names, doubled quotes, a BOM, and
 * the delimiter the header uses most (comma, semicolon or tab).
 */
export function csvHeader(text: string): { columns: string[]; delimiter: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce((best, d) => (count(firstLine, d) > count(firstLine, best) ? d : best), ',');
  const columns: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      columns.push(current.trim());
      current = '';
    } else if (ch === '\n' || ch === '\r') break;
    else current += ch;
  }
  columns.push(current.trim());
  return { columns: columns.filter((c, i) => c !== '' || i < columns.length - 1), delimiter };
}

const count = (line: string, d: string) => line.split(d).length - 1;
