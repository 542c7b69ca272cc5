import { useTranslation } from 'react-i18next';
import { paramFields } from '../../../../workflows/dsl/action-params';
import { ACTION_NAMES, type ActionName, type TaskNode } from '../../../../workflows/dsl/schema';
import { i18n } from '../../i18n/i18n';
import { SelectField, TargetSelect } from '../editor/fields';
import { TaskParamsForm } from './task-params-form';
import type { NodeSpec, PanelProps } from './node-spec';

/** Another action keeps the settings it also knows; the rest would be refused by its schema. */
function withAction(node: TaskNode, action: ActionName): TaskNode {
  const known = new Set(paramFields(action).map((f) => f.name));
  const params = Object.fromEntries(Object.entries(node.params ?? {}).filter(([k]) => known.has(k)));
  return { ...node, action, params };
}

function TaskPanel({ node, ctx, onChange }: PanelProps<'task'>) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t('designer.action')}
        value={node.action}
        disabled={ctx.readOnly}
        options={ACTION_NAMES.map((a) => ({ value: a, label: t(`designer.actions.${a}`) }))}
        onChange={(action) => onChange(withAction(node, action as ActionName), `${node.id}:action`)}
      />
      <TaskParamsForm
        node={node}
        lang={ctx.lang}
        readOnly={ctx.readOnly}
        onChange={(params, key) => onChange({ ...node, params }, key)}
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
