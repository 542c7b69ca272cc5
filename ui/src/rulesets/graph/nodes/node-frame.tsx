import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetNodeData } from '../ruleset-flow';

const STATUS_KEY = {
  held: 'node.held',
  failed: 'node.failed',
  'not-evaluated': 'node.notEvaluated',
  fired: 'node.fired',
  'not-fired': 'node.notFired',
} as const;

/** What every rule-set node shares: handles, the error badge, the test colour and its word (colour is never the only signal). */
export function NodeFrame({
  data,
  kindClass,
  kindLabel,
  children,
  source = true,
  target = true,
}: {
  data: RuleSetNodeData;
  kindClass: string;
  kindLabel: string;
  children: ReactNode;
  source?: boolean;
  target?: boolean;
}) {
  const { t } = useTranslation();
  const status = data.status;
  return (
    <div
      className={`rs-node ${kindClass}${data.disabled ? ' is-disabled' : ''}${data.errors ? ' has-errors' : ''}${status ? ` status-${status}` : ''}`}
    >
      {target && <Handle type="target" position={Position.Left} isConnectable={false} />}
      <div className="rs-node__kind">
        <span>{kindLabel}</span>
        {data.disabled && <span className="rs-node__flag">{t('node.disabled')}</span>}
        {status && <span className="rs-node__status">{t(STATUS_KEY[status])}</span>}
        {data.errors > 0 && <span className="rs-node__errors">{t('node.errorsOnNode', { count: data.errors })}</span>}
      </div>
      {children}
      {source && <Handle type="source" position={Position.Right} isConnectable={false} />}
    </div>
  );
}
