import { useTranslation } from 'react-i18next';
import { TextField } from '../editor/fields';
import type { NodeSpec, PanelProps } from './node-spec';

function EndPanel({ node, ctx, onChange }: PanelProps<'end'>) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('designer.outcome')}
      help={t('designer.outcomeHelp')}
      value={node.outcome}
      disabled={ctx.readOnly}
      onChange={(outcome) => onChange({ ...node, outcome }, `${node.id}:outcome`)}
    />
  );
}

export const endSpec: NodeSpec<'end'> = {
  kind: 'end',
  icon: '■',
  idStem: 'einde',
  create: (id, lang) => ({
    id,
    kind: 'end',
    label: { nl: 'Einde', ...(lang === 'en' ? { en: 'End' } : {}) },
    outcome: id,
  }),
  describe: (node, _def, lang) => [`${lang === 'nl' ? 'Uitkomst' : 'Outcome'}: ${node.outcome}`],
  connect: () => undefined,
  Panel: EndPanel,
};
