/** A plain-text table with right-aligned numbers, readable in a terminal and in a CI log. */
export function formatTable(header: string[], rows: Array<Array<string | number>>): string[] {
  const cells = [header, ...rows.map((r) => r.map(String))];
  // A loop, not Math.max(...cells): spreading a million rows into arguments overflows the stack.
  const widths = header.map((_, i) => cells.reduce((w, r) => Math.max(w, (r[i] ?? '').length), 0));
  const line = (r: string[], raw: Array<string | number>) =>
    r
      .map((c, i) => (typeof raw[i] === 'number' ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    line(header, header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => line(r.map(String), r)),
  ];
}
