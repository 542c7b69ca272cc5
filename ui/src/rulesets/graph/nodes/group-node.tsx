import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetFlowNode } from '../ruleset-flow';
import { NodeFrame } from './node-frame';

export const GroupNode = memo(function GroupNode({ data }: NodeProps<RuleSetFlowNode>) {
  const { t } = useTranslation();
  return (
    <NodeFrame
      data={data}
      kindClass={`kind-group group-${data.group ?? 'all'}`}
      kindLabel={t(`node.${data.group ?? 'all'}`)}
    >
      {null}
    </NodeFrame>
  );
});
