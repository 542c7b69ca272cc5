import type { CheckCondition } from '../../../../workflows/dsl/schema';
import { TargetSelect } from '../editor/fields';
import type { NodeSpec, PanelProps } from './node-spec';

// Its words live here, not in the shared i18n files: the kind is small and new (issue 14).
const WORDS = {
  nl: {
    conditions: 'Voorwaarden (alle moeten gelden)',
    pass: 'Voldaan: verder naar',
    fail: 'Niet voldaan of niet te beoordelen: verder naar',
    edit: 'Voorwaarden wijzigt u in de JSON-weergave.',
    plus: 'plus',
  },
  en: {
    conditions: 'Conditions (all must hold)',
    pass: 'Met: continue to',
    fail: 'Not met or cannot be judged: continue to',
    edit: 'Edit the conditions in the JSON view.',
    plus: 'plus',
  },
} as const;

const OPERATOR: Record<CheckCondition['operator'], string> = {
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  equal: '=',
  notEqual: '≠',
};

const source = (s: CheckCondition['value']) => (typeof s === 'string' ? s : JSON.stringify(s.value));

function conditionText(c: CheckCondition, lang: 'nl' | 'en'): string {
  const plus = c.plus === undefined ? '' : ` ${WORDS[lang].plus} ${source(c.plus)}`;
  return `${(lang === 'en' && c.label.en) || c.label.nl}: ${source(c.value)} ${OPERATOR[c.operator]} ${source(c.limit)}${plus}`;
}

function CheckPanel({ node, ctx, onChange }: PanelProps<'check'>) {
  const w = WORDS[ctx.lang];
  return (
    <>
      <p>{w.conditions}</p>
      <ul>
        {node.conditions.map((c) => (
          <li key={c.id}>{conditionText(c, ctx.lang)}</li>
        ))}
      </ul>
      <p className="help">{w.edit}</p>
      <TargetSelect
        label={w.pass}
        def={ctx.def}
        self={node.id}
        value={node.pass}
        disabled={ctx.readOnly}
        onChange={(pass) => onChange({ ...node, pass })}
      />
      <TargetSelect
        label={w.fail}
        def={ctx.def}
        self={node.id}
        value={node.fail}
        disabled={ctx.readOnly}
        onChange={(fail) => onChange({ ...node, fail })}
      />
    </>
  );
}

export const checkSpec: NodeSpec<'check'> = {
  kind: 'check',
  icon: '⚖',
  idStem: 'toets',
  create: (id, lang) => ({
    id,
    kind: 'check',
    label: { nl: 'Nieuwe toets', ...(lang === 'en' ? { en: 'New check' } : {}) },
    conditions: [
      {
        id: 'voorwaarde',
        label: { nl: 'Voorwaarde', ...(lang === 'en' ? { en: 'Condition' } : {}) },
        value: 'data.householdSize',
        operator: 'lessThanInclusive',
        limit: { value: 1 },
      },
    ],
    pass: '',
    fail: '',
  }),
  describe: (node, _def, lang) => node.conditions.map((c) => conditionText(c, lang)),
  connect: (node, target) => (node.pass === '' ? { ...node, pass: target } : { ...node, fail: target }),
  Panel: CheckPanel,
};
