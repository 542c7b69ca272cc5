import { renderExplanation, type Explanation } from '../../../rules';

interface Line {
  depth: number;
  text: string;
  children: Line[];
}

/** The renderer's indented lines ("  - Leeftijd is 35 jaar; …") as a tree, for nested lists. */
function tree(lines: string[]): Line[] {
  const root: Line = { depth: -1, text: '', children: [] };
  const stack: Line[] = [root];
  for (const raw of lines) {
    const m = /^(\s*)- (.*)$/.exec(raw);
    const line: Line = m
      ? { depth: (m[1] ?? '').length / 2, text: m[2] ?? '', children: [] }
      : { depth: 0, text: raw, children: [] };
    while (stack.length > 1 && (stack[stack.length - 1] as Line).depth >= line.depth) stack.pop();
    (stack[stack.length - 1] as Line).children.push(line);
    stack.push(line);
  }
  return root.children;
}

const statusClass = (text: string): string => {
  if (/: (niet voldaan|not met|niet van toepassing|does not apply)\b/.test(text)) return 'monitor-why--failed';
  if (/(onbekend|unknown|onvolledig|incomplete)/.test(text)) return 'monitor-why--unknown';
  if (/: (voldaan|met|van toepassing|applies)\b/.test(text)) return 'monitor-why--held';
  return '';
};

function Items({ lines }: { lines: Line[] }) {
  return (
    <ul className="monitor-why-list">
      {lines.map((l, i) => (
        <li key={i} className={statusClass(l.text)}>
          {l.text}
          {l.children.length > 0 && <Items lines={l.children} />}
        </li>
      ))}
    </ul>
  );
}

/**
 * A decision's reasons as the rules core words them (renderExplanation: labels, dates in words,
 * "onbekend" for what nobody supplied), laid out as a readable list: per rule its verdict and the
 * conditions under it.
 */
export function ExplanationView({
  explanation,
  lang,
  empty,
}: {
  explanation: unknown;
  lang: 'nl' | 'en';
  empty: string;
}) {
  let text: string;
  try {
    if (!explanation || typeof explanation !== 'object') return <p className="utrecht-paragraph">{empty}</p>;
    text = renderExplanation(explanation as Explanation, lang);
  } catch {
    return <p className="utrecht-paragraph">{empty}</p>;
  }
  // First line: rule set and peildatum (shown by the panel itself); then one block per rule.
  const blocks = text
    .split('\n\n')
    .slice(1)
    .map((b) => b.split('\n'));
  return (
    <div className="monitor-why" data-testid="decision-reasons">
      {blocks.map((lines, i) => {
        const [head = '', ...rest] = lines;
        return (
          <div key={i} className="monitor-why-rule">
            <p className={`utrecht-paragraph monitor-why-head ${statusClass(head)}`}>{head}</p>
            {rest.length > 0 && <Items lines={tree(rest)} />}
          </div>
        );
      })}
    </div>
  );
}
