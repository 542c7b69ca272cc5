import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessFlowNode } from './process-flow';

/** One step, its look by kind (colour and shape per kind, and the kind in words). */
export const StepNode = memo(function StepNode({ data }: NodeProps<ProcessFlowNode>) {
  const { t } = useTranslation();
  return (
    <div className={`pd-node pd-kind-${data.kind}${data.errors ? ' has-errors' : ''}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="pd-node__kind">
        <span>{t(`designer.kinds.${data.kind}`)}</span>
        {data.start && <span className="pd-diff">{t('designer.start')}</span>}
        {data.errors > 0 && <span className="rs-node__errors">{t('node.errorsOnNode', { count: data.errors })}</span>}
      </div>
      <div className="pd-node__title">{data.title}</div>
      {data.detail && <div className="pd-node__detail">{data.detail}</div>}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

export const processNodeTypes = { step: StepNode };
