import { useTranslation } from 'react-i18next';
import { ACTION_NAMES } from '../../../../workflows/dsl/schema';
import { i18n } from '../../i18n/i18n';
import { JsonField, SelectField, TargetSelect } from '../editor/fields';
import type { NodeSpec, PanelProps } from './node-spec';

function TaskPanel({ node, ctx, onChange }: PanelProps<'task'>) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t('designer.action')}
        value={node.action}
        disabled={ctx.readOnly}
        options={ACTION_NAMES.map((a) => ({ value: a, label: t(`designer.actions.${a}`) }))}
        onChange={(action) => onChange({ ...node, action: action as typeof node.action }, `${node.id}:action`)}
      />
      <JsonField
        key={`${node.id}-params`}
        label={t('designer.params')}
        help={t('designer.paramsHelp')}
        value={node.params ?? {}}
        disabled={ctx.readOnly}
        onChange={(params) => onChange({ ...node, params }, `${node.id}:params`)}
      />
      <TargetSelect
        label={t('designer.next')}
        def={ctx.def}
        self={node.id}
        value={node.next}
        disabled={ctx.readOnly}
        onChange={(next) => onChange({ ...node, next })}
      />
    </>
  );
}

export const taskSpec: NodeSpec<'task'> = {
  kind: 'task',
  icon: '⚙',
  idStem: 'taak',
  create: (id, lang) => ({
    id,
    kind: 'task',
    label: { nl: 'Nieuwe taak', ...(lang === 'en' ? { en: 'New task' } : {}) },
    action: 'set-status',
    params: { status: 'nieuw' },
    next: '',
  }),
  describe: (node) => {
    const status =
      node.action === 'set-status' && typeof node.params?.status === 'string' ? `: ${node.params.status}` : '';
    return [`${i18n.t(`designer.actions.${node.action}`)}${status}`];
  },
  connect: (node, target) => ({ ...node, next: target }),
  Panel: TaskPanel,
};
