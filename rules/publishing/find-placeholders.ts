/** A `{{name}}` left in a text: where it starts and ends, and the name between the braces. */
export interface Placeholder {
  start: number;
  end: number;
  name: string;
}

/**
 * Every `{{…}}` in a text (no '}' inside, as /\{\{[^}]*\}\}/g would find them), in one pass.
 * The regular expression is quadratic on a text of many '{' without a closing '}}' (each start
 * scans to the end): 40 kB took two seconds. Here each '{{' jumps to the next '}'; when that
 * '}' does not start a '}}', no '{{' before it can close there either, so the scan goes on
 * after it. Every character is looked at a bounded number of times.
 */
export function findPlaceholders(text: string, limit = Number.POSITIVE_INFINITY): Placeholder[] {
  const found: Placeholder[] = [];
  let from = 0;
  while (found.length < limit) {
    const open = text.indexOf('{{', from);
    if (open === -1) break;
    const close = text.indexOf('}', open + 2);
    if (close === -1) break;
    if (text.charCodeAt(close + 1) === 125 /* } */) {
      found.push({ start: open, end: close + 2, name: text.slice(open + 2, close) });
      from = close + 2;
    } else {
      from = close + 1;
    }
  }
  return found;
}

export function hasPlaceholder(text: string): boolean {
  return findPlaceholders(text, 1).length > 0;
}
