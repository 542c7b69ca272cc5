/** RFC 6901: '~' and '/' inside a segment are escaped so a path always splits back into its keys. */
export function pointer(...segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function childPointer(base: string, ...segments: ReadonlyArray<string | number>): string {
  return base + pointer(...segments);
}
