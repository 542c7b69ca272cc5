import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetFlowNode } from '../ruleset-flow';
import { NodeFrame } from './node-frame';

export const ReferenceNode = memo(function ReferenceNode({ data }: NodeProps<RuleSetFlowNode>) {
  const { t } = useTranslation();
  return (
    <NodeFrame data={data} kindClass="kind-reference" kindLabel={t('node.reference')} source={false}>
      <div className="rs-node__title">{data.title}</div>
    </NodeFrame>
  );
});
