import { useTranslation } from 'react-i18next';
import type { OutcomeBranch, ValueSource } from '../../../../workflows/dsl/schema';
import { MappingField, TargetSelect, TextField } from '../editor/fields';
import type { NodeSpec, PanelProps } from './node-spec';

function SubprocessPanel({ node, ctx, onChange }: PanelProps<'subprocess'>) {
  const { t } = useTranslation();
  const ro = ctx.readOnly;
  const setOutcome = (i: number, o: OutcomeBranch, key?: string) =>
    onChange({ ...node, outcomes: node.outcomes.map((x, j) => (j === i ? o : x)) }, key);
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
      <h3 className="utrecht-heading-3">{t('designer.outcomes')}</h3>
      {node.outcomes.map((o, i) => (
        <div key={i} className="pd-item" role="group" aria-label={o.outcome}>
          <TextField
            label={t('designer.outcome')}
            value={o.outcome}
            disabled={ro}
            onChange={(outcome) => setOutcome(i, { ...o, outcome }, `${node.id}:out${i}`)}
          />
          <TargetSelect
            label={t('designer.next')}
            def={ctx.def}
            self={node.id}
            value={o.next}
            disabled={ro}
            onChange={(next) => setOutcome(i, { ...o, next })}
          />
          {!ro && (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => onChange({ ...node, outcomes: node.outcomes.filter((_, j) => j !== i) })}
            >
              {t('designer.removeOutcome')}
            </button>
          )}
        </div>
      ))}
      {!ro && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => onChange({ ...node, outcomes: [...node.outcomes, { outcome: 'uitkomst', next: '' }] })}
        >
          {t('designer.addOutcome')}
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
