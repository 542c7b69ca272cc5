import { useTranslation } from 'react-i18next';
import type { Branch } from '../../../../workflows/dsl/schema';
import { LabelFields, SelectField, TargetSelect, TextField } from '../editor/fields';
import { FactMappingsForm } from './fact-mappings-form';
import { dateInWords } from '../model/duration-words';
import type { NodeSpec, PanelProps } from './node-spec';

function DecisionPanel({ node, ctx, onChange, onChangeDefinition }: PanelProps<'decision'>) {
  const { t } = useTranslation();
  const ro = ctx.readOnly;
  const setBranch = (i: number, b: Branch, key?: string) =>
    onChange({ ...node, branches: node.branches.map((x, j) => (j === i ? b : x)) }, key);
  return (
    <>
      <TextField
        label={t('designer.ruleSetKind')}
        help={t('designer.ruleSetKindHelp')}
        value={node.ruleSetKind}
        disabled={ro}
        onChange={(ruleSetKind) => onChange({ ...node, ruleSetKind }, `${node.id}:kind`)}
      />
      <SelectField
        label={t('designer.peildatum')}
        help={t('designer.peildatumHelp')}
        value={node.peildatum}
        disabled={ro}
        options={[...new Set([...ctx.dates, node.peildatum])].map((d) => ({
          value: d,
          label: dateInWords(d, ctx.lang),
        }))}
        onChange={(peildatum) => onChange({ ...node, peildatum })}
      />
      <FactMappingsForm
        node={node}
        def={ctx.def}
        lang={ctx.lang}
        readOnly={ro}
        onChange={onChange}
        onChangeDefinition={onChangeDefinition}
      />
      <h3 className="utrecht-heading-3">{t('designer.branches')}</h3>
      {node.branches.map((b, i) => (
        <div key={i} className="pd-item" role="group" aria-label={b.label?.[ctx.lang] ?? b.event}>
          <TextField
            label={t('designer.ruleEvent')}
            value={b.event}
            disabled={ro}
            onChange={(event) => setBranch(i, { ...b, event }, `${node.id}:br${i}:event`)}
          />
          <LabelFields
            label={t('designer.branchLabel')}
            value={b.label ?? { nl: b.event }}
            disabled={ro}
            onChange={(label) => setBranch(i, { ...b, label }, `${node.id}:br${i}:label`)}
          />
          <TargetSelect
            label={t('designer.next')}
            def={ctx.def}
            self={node.id}
            value={b.next}
            disabled={ro}
            onChange={(next) => setBranch(i, { ...b, next })}
          />
          {!ro && (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => onChange({ ...node, branches: node.branches.filter((_, j) => j !== i) })}
            >
              {t('designer.removeBranch')}
            </button>
          )}
        </div>
      ))}
      {!ro && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => onChange({ ...node, branches: [...node.branches, { event: 'uitkomst', next: '' }] })}
        >
          {t('designer.addBranch')}
        </button>
      )}
      <TargetSelect
        label={t('designer.otherwise')}
        def={ctx.def}
        self={node.id}
        value={node.otherwise}
        allowNone
        disabled={ro}
        onChange={(otherwise) => {
          const { otherwise: _drop, ...rest } = node;
          onChange(otherwise ? { ...rest, otherwise } : rest);
        }}
      />
    </>
  );
}

export const decisionSpec: NodeSpec<'decision'> = {
  kind: 'decision',
  icon: '◆',
  idStem: 'beslissing',
  create: (id, lang) => ({
    id,
    kind: 'decision',
    label: { nl: 'Beslissing', ...(lang === 'en' ? { en: 'Decision' } : {}) },
    ruleSetKind: 'housing-priority',
    peildatum: 'caseStarted',
    factMappings: [],
    branches: [],
  }),
  describe: (node, _def, lang) => [`${lang === 'nl' ? 'Regelset' : 'Rule set'}: ${node.ruleSetKind}`],
  // The first connection is the default ("anders"); later ones are branches on a rule outcome.
  connect: (node, target) =>
    node.otherwise === undefined || node.otherwise === ''
      ? { ...node, otherwise: target }
      : { ...node, branches: [...node.branches, { event: `uitkomst-${node.branches.length + 1}`, next: target }] },
  Panel: DecisionPanel,
};
