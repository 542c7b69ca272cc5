import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetFlowNode } from '../ruleset-flow';
import { NodeFrame } from './node-frame';

export const RuleSetNode = memo(function RuleSetNode({ data }: NodeProps<RuleSetFlowNode>) {
  const { t } = useTranslation();
  return (
    <NodeFrame data={data} kindClass="kind-ruleset" kindLabel={t('node.ruleset')} target={false}>
      <div className="rs-node__title">{data.title}</div>
    </NodeFrame>
  );
});
