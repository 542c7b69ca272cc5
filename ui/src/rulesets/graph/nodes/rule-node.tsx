import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetFlowNode } from '../ruleset-flow';
import { NodeFrame } from './node-frame';

export const RuleNode = memo(function RuleNode({ data }: NodeProps<RuleSetFlowNode>) {
  const { t } = useTranslation();
  return (
    <NodeFrame data={data} kindClass="kind-rule" kindLabel={t('node.rule')}>
      <div className="rs-node__title">{data.title}</div>
      {data.detail && <div className="rs-node__detail">→ {data.detail}</div>}
    </NodeFrame>
  );
});
