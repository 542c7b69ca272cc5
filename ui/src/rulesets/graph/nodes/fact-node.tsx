import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetFlowNode } from '../ruleset-flow';
import { NodeFrame } from './node-frame';

export const FactNode = memo(function FactNode({ data }: NodeProps<RuleSetFlowNode>) {
  const { t } = useTranslation();
  return (
    <NodeFrame data={data} kindClass="kind-fact" kindLabel={t('node.fact')} source={false}>
      <div className="rs-node__title">{data.title}</div>
      <div className="rs-node__detail">{data.detail}</div>
    </NodeFrame>
  );
});
