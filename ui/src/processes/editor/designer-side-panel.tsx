import { useTranslation } from 'react-i18next';
import { IDENT_PATTERN } from '../../../../contract/id-patterns';
import type { ProcessDefinition, ProcessNode } from '../../../../workflows/dsl/schema';
import type { DefinitionError } from '../../../../workflows/dsl/validate-definition';
import { DeclarationList } from '../kinds/declaration-list';
import { specOf } from '../kinds/node-specs';
import type { PanelContext } from '../kinds/node-spec';
import { removeNode, renameNode, replaceNode } from '../model/definition-ops';
import { syncLabelDurations } from '../../../../workflows/dsl/label-durations';
import { JsonField, LabelFields, TextField } from './fields';
import { ParameterSources } from './parameter-sources';

const ID_PATTERN = new RegExp(IDENT_PATTERN);

interface Props {
  ctx: PanelContext;
  selected: string | undefined;
  errors: readonly DefinitionError[];
  change: (def: ProcessDefinition, undoKey?: string) => void;
  select: (id: string | undefined) => void;
}

/** The form for the selected step: what every step has (name, id, start, delete), then its kind's own form. Nothing selected: the process itself. */
export function DesignerSidePanel({ ctx, selected, errors, change, select }: Props) {
  const { t } = useTranslation();
  const def = ctx.def;
  const node = selected ? def.nodes.find((n) => n.id === selected) : undefined;
  const ro = ctx.readOnly;
  let body;
  if (!node) {
    body = (
      <>
        <p className="utrecht-paragraph">{t('designer.nothingSelected')}</p>
        <LabelFields
          label={t('designer.processTitle')}
          value={def.title}
          disabled={ro}
          onChange={(title) => change({ ...def, title }, 'title')}
        />
        <JsonField
          key="parameters"
          label={t('designer.parameters')}
          help={t('designer.parametersHelp')}
          value={def.parameters ?? {}}
          disabled={ro}
          rows={10}
          onChange={(parameters) => change(syncLabelDurations({ ...def, parameters }), 'parameters')}
        />
        <ParameterSources def={def} lang={ctx.lang} />
        <DeclarationList def={def} lang={ctx.lang} readOnly={ro} change={change} />
      </>
    );
  } else {
    const current = node;
    const Panel = specOf(node.kind).Panel;
    const onChange = (next: ProcessNode, key?: string) => change(replaceNode(def, current.id, next), key);
    const nodeErrors = errors.filter((e) => e.nodeId === node.id);
    body = (
      <>
        <p className="pd-panel__kind">
          <span aria-hidden="true">{specOf(node.kind).icon} </span>
          {t(`designer.kinds.${node.kind}`)} — {t(`designer.kindHelp.${node.kind}`)}
        </p>
        {nodeErrors.length > 0 && (
          <div className="utrecht-alert utrecht-alert--error" role="alert">
            <ul>
              {nodeErrors.map((e, i) => (
                <li key={i}>{e.message[ctx.lang]}</li>
              ))}
            </ul>
          </div>
        )}
        <LabelFields
          label={t('designer.label')}
          value={node.label}
          disabled={ro}
          onChange={(label) => onChange({ ...node, label }, `${node.id}:label`)}
        />
        <TextField
          label={t('designer.id')}
          help={t('designer.idHelp')}
          value={node.id}
          disabled={ro}
          onChange={(id) => {
            if (ID_PATTERN.test(id) && !def.nodes.some((n) => n.id === id)) {
              change(renameNode(def, current.id, id), 'rename');
              select(id);
            }
          }}
        />
        <Panel node={current} ctx={ctx} onChange={onChange} onChangeDefinition={change} />
        {!ro && (
          <div className="utrecht-button-group pd-panel__actions">
            {def.start !== node.id && (
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                onClick={() => change({ ...def, start: node.id })}
              >
                {t('designer.makeStart')}
              </button>
            )}
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action utrecht-button--danger"
              onClick={() => {
                change(removeNode(def, node.id));
                select(undefined);
              }}
            >
              {t('designer.removeNode')}
            </button>
          </div>
        )}
      </>
    );
  }
  return (
    <aside className="side-panel pd-side-panel" aria-labelledby="pd-panel-title" tabIndex={0}>
      <h2 id="pd-panel-title" className="utrecht-heading-2">
        {node ? (node.label[ctx.lang] ?? node.label.nl) : t('designer.processSettings')}
      </h2>
      {body}
    </aside>
  );
}
