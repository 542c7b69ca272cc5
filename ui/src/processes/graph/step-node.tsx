import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeSpecs } from '../kinds/node-specs';
import type { ProcessFlowNode } from './process-flow';

/** One step, its look by kind (colour, shape and symbol per kind, and the kind in words), its errors and its change since the published version. */
export const StepNode = memo(function StepNode({ data }: NodeProps<ProcessFlowNode>) {
  const { t } = useTranslation();
  return (
    <div
      className={`pd-node pd-kind-${data.kind}${data.errors ? ' has-errors' : ''}${data.diff ? ` pd-diff-${data.diff}` : ''}`}
    >
      <Handle type="target" position={Position.Top} />
      <div className="pd-node__kind">
        <span aria-hidden="true">{nodeSpecs[data.kind].icon}</span>
        <span>{t(`designer.kinds.${data.kind}`)}</span>
        {data.start && <span className="pd-badge pd-badge--start">{t('designer.start')}</span>}
        {data.diff && <span className={`pd-badge pd-badge--${data.diff}`}>{t(`designer.diff.${data.diff}`)}</span>}
        {data.errors > 0 && <span className="rs-node__errors">{t('node.errorsOnNode', { count: data.errors })}</span>}
      </div>
      <div className="pd-node__title" title={data.title}>
        {data.title}
      </div>
      {data.lines.map((l, i) => (
        <div key={i} className="pd-node__detail" title={l}>
          {l}
        </div>
      ))}
      {data.kind !== 'end' && <Handle type="source" position={Position.Bottom} />}
    </div>
  );
});

export const processNodeTypes = { step: StepNode };

/** Box size by kind for the layout (a waiting step lists its reminders). */
export function stepSize(node: { data: { kind: string; lines: readonly string[] } }): {
  width: number;
  height: number;
} {
  return { width: 270, height: 50 + 17 * Math.max(1, node.data.lines.length) };
}
