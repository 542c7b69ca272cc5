import { useTranslation } from 'react-i18next';
import { LabelFields, SelectField, TextField } from '../editor/fields';
import { BranchList } from './branch-list';
import { FactMappingsForm } from './fact-mappings-form';
import { dateInWords } from '../model/duration-words';
import { isRuleSetKind, ruleSetKindLabel, ruleSetKindOptions } from './rule-set-kind-words';
import type { NodeSpec, PanelProps } from './node-spec';

function DecisionPanel({ node, ctx, onChange, onChangeDefinition }: PanelProps<'decision'>) {
  const { t } = useTranslation();
  const ro = ctx.readOnly;
  return (
    <>
      <SelectField
        label={t('designer.ruleSetKind')}
        help={t('designer.ruleSetKindHelp')}
        value={node.ruleSetKind}
        disabled={ro}
        options={ruleSetKindOptions(ctx.lang, node.ruleSetKind)}
        error={isRuleSetKind(node.ruleSetKind) ? undefined : t('designer.ruleSetKindUnknown', { id: node.ruleSetKind })}
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
      <BranchList
        nodeId={node.id}
        ctx={ctx}
        heading={t('designer.branches')}
        branches={node.branches}
        nameOf={(b) => b.label?.[ctx.lang] ?? b.event}
        fields={(b, i, set) => (
          <>
            <TextField
              label={t('designer.ruleEvent')}
              value={b.event}
              disabled={ro}
              onChange={(event) => set({ ...b, event }, `${node.id}:br${i}:event`)}
            />
            <LabelFields
              label={t('designer.branchLabel')}
              value={b.label ?? { nl: b.event }}
              disabled={ro}
              onChange={(label) => set({ ...b, label }, `${node.id}:br${i}:label`)}
            />
          </>
        )}
        onChange={(branches, key) => onChange({ ...node, branches }, key)}
        create={() => ({ event: 'uitkomst', next: '' })}
        addLabel={t('designer.addBranch')}
        removeLabel={t('designer.removeBranch')}
        otherwise={node.otherwise}
        onOtherwise={(otherwise) => {
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
  describe: (node, _def, lang) => [
    `${lang === 'nl' ? 'Regelset' : 'Rule set'}: ${ruleSetKindLabel(node.ruleSetKind, lang)}`,
  ],
  // The first connection is the default ("anders"); later ones are branches on a rule outcome.
  connect: (node, target) =>
    node.otherwise === undefined || node.otherwise === ''
      ? { ...node, otherwise: target }
      : { ...node, branches: [...node.branches, { event: `uitkomst-${node.branches.length + 1}`, next: target }] },
  Panel: DecisionPanel,
};
