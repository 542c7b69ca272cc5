import { useTranslation } from 'react-i18next';
import type { ValueSource } from '../../../../workflows/dsl/schema';
import { MappingField, TextField } from '../editor/fields';
import { BranchList } from './branch-list';
import type { NodeSpec, PanelProps } from './node-spec';

function SubprocessPanel({ node, ctx, onChange }: PanelProps<'subprocess'>) {
  const { t } = useTranslation();
  const ro = ctx.readOnly;
  return (
    <>
      <TextField
        label={t('designer.process')}
        help={t('designer.processHelp')}
        value={node.process}
        disabled={ro}
        onChange={(process) => onChange({ ...node, process }, `${node.id}:process`)}
      />
      <MappingField
        label={t('designer.input')}
        help={t('designer.inputHelp')}
        keyLabel={t('designer.inputName')}
        valueLabel={t('designer.factSource')}
        value={node.input}
        disabled={ro}
        onChange={(input) => onChange({ ...node, input: input as Record<string, ValueSource> }, `${node.id}:input`)}
      />
      <BranchList
        nodeId={node.id}
        ctx={ctx}
        heading={t('designer.outcomes')}
        branches={node.outcomes}
        nameOf={(o) => o.outcome}
        fields={(o, i, set) => (
          <TextField
            label={t('designer.outcome')}
            value={o.outcome}
            disabled={ro}
            onChange={(outcome) => set({ ...o, outcome }, `${node.id}:out${i}`)}
          />
        )}
        onChange={(outcomes, key) => onChange({ ...node, outcomes }, key)}
        create={() => ({ outcome: 'uitkomst', next: '' })}
        addLabel={t('designer.addOutcome')}
        removeLabel={t('designer.removeOutcome')}
        otherwise={node.otherwise}
        onOtherwise={(otherwise) => {
          const { otherwise: _drop, ...rest } = node;
          onChange(otherwise ? { ...rest, otherwise } : rest);
        }}
      />
    </>
  );
}

export const subprocessSpec: NodeSpec<'subprocess'> = {
  kind: 'subprocess',
  icon: '▣',
  idStem: 'deelproces',
  create: (id, lang) => ({
    id,
    kind: 'subprocess',
    label: { nl: 'Deelproces', ...(lang === 'en' ? { en: 'Subprocess' } : {}) },
    process: 'har-overdracht',
    input: {},
    outcomes: [],
  }),
  describe: (node, _def, lang) => [
    `${lang === 'nl' ? 'Proces' : 'Process'}: ${node.process}`,
    ...(node.outcomes.length
      ? [`${lang === 'nl' ? 'Uitkomsten' : 'Outcomes'}: ${node.outcomes.map((o) => o.outcome).join(', ')}`]
      : []),
  ],
  connect: (node, target) => ({
    ...node,
    outcomes: [...node.outcomes, { outcome: `uitkomst-${node.outcomes.length + 1}`, next: target }],
  }),
  Panel: SubprocessPanel,
};
