// Reads the guide's own "Find your area" table so the picker offers exactly the guide's choices.
export interface AreaChoice {
  /** First anchor of the row: stable, meaningful, and short enough for the URL. */
  key: string;
  label: string;
  anchors: string[];
}

const stripMarkdown = (cell: string) =>
  cell
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .trim();

export function parseFindYourArea(markdown: string): AreaChoice[] {
  const start = markdown.indexOf('### Find your area');
  if (start < 0) throw new Error('upstream guide has no "Find your area" table');
  const rest = markdown.slice(start).split('\n').slice(1);
  const rows: AreaChoice[] = [];
  for (const line of rest) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|') || /^\|\s*-/.test(line) || /^\|\s*If you/.test(line)) continue;
    const [, who, read] = line.split('|').map((c) => c.trim());
    const anchors = [...read.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    if (anchors.length) rows.push({ key: anchors[0], label: stripMarkdown(who), anchors });
  }
  return rows;
}
