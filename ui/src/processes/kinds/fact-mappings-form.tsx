import { useTranslation } from 'react-i18next';
import type { DecisionNode, ProcessDefinition, ValueSource } from '../../../../workflows/dsl/schema';
import { MappingField, SelectField } from '../editor/fields';
import { replaceNode } from '../model/definition-ops';
import { declareFactMapping, freshName, usersOf } from './declaration-ops';
import { word } from './declaration-words';

interface Props {
  node: DecisionNode;
  def: ProcessDefinition;
  lang: 'nl' | 'en';
  readOnly: boolean;
  onChange: (next: DecisionNode, undoKey?: string) => void;
  onChangeDefinition: (next: ProcessDefinition, undoKey?: string) => void;
}

/**
 * The fact mappings a decision uses, by name, with each mapping's facts: the mapping is declared
 * once for the process, so editing its facts here changes it for every decision that uses it.
 */
export function FactMappingsForm({ node, def, lang, readOnly: ro, onChange, onChangeDefinition }: Props) {
  const { t } = useTranslation();
  const declared = Object.keys(def.factMappings ?? {});
  const unused = declared.filter((n) => !node.factMappings.includes(n));
  const setAt = (j: number, name: string) =>
    onChange({ ...node, factMappings: node.factMappings.map((m, k) => (k === j ? name : m)) });
  return (
    <fieldset className="pd-fieldset">
      <legend>{word('factMappings', lang)}</legend>
      <p className="utrecht-form-field-description">{word('factMappingsHelp', lang)}</p>
      {node.factMappings.map((name, j) => {
        const mapping = def.factMappings?.[name];
        return (
          <div key={j} className="pd-item" role="group" aria-label={`${word('factMapping', lang)} ${name}`}>
            <SelectField
              label={word('factMapping', lang)}
              value={name}
              disabled={ro}
              options={[...new Set([...declared, name])].map((n) => ({ value: n, label: n }))}
              onChange={(n) => setAt(j, n)}
            />
            <p className="utrecht-form-field-description">
              {word('usedIn', lang)}: {usersOf(def, 'factMapping', name).join(', ')}
            </p>
            <MappingField
              label={t('designer.facts')}
              help={t('designer.factsHelp')}
              keyLabel={t('designer.factName')}
              valueLabel={t('designer.factSource')}
              value={mapping ?? {}}
              disabled={ro}
              onChange={(facts) =>
                onChangeDefinition(declareFactMapping(def, name, facts as Record<string, ValueSource>), `facts:${name}`)
              }
            />
            {!ro && (
              <button
                type="button"
                className="utrecht-button utrecht-button--subtle"
                onClick={() => onChange({ ...node, factMappings: node.factMappings.filter((_, k) => k !== j) })}
              >
                {word('removeFactMapping', lang)}
              </button>
            )}
          </div>
        );
      })}
      {!ro && unused.length > 0 && (
        <SelectField
          label={word('addFactMapping', lang)}
          value=""
          options={[{ value: '', label: word('choose', lang) }, ...unused.map((n) => ({ value: n, label: n }))]}
          onChange={(n) => n && onChange({ ...node, factMappings: [...node.factMappings, n] })}
        />
      )}
      {!ro && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => {
            const name = freshName(def.factMappings, node.id);
            onChangeDefinition(
              replaceNode(declareFactMapping(def, name, {}), node.id, {
                ...node,
                factMappings: [...node.factMappings, name],
              }),
            );
          }}
        >
          {word('newFactMapping', lang)}
        </button>
      )}
    </fieldset>
  );
}
