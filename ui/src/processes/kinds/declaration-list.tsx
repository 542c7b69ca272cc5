import type { ProcessDefinition } from '../../../../workflows/dsl/schema';
import { usersOf } from './declaration-ops';
import { word } from './declaration-words';

interface Props {
  def: ProcessDefinition;
  lang: 'nl' | 'en';
  readOnly: boolean;
  change: (def: ProcessDefinition, undoKey?: string) => void;
}

/**
 * The process's declared events and fact mappings with the steps that use them; one nothing uses
 * (a warning, UNUSED_EVENT or UNUSED_FACT_MAPPING) can be removed here. Each is edited in a step.
 */
export function DeclarationList({ def, lang, readOnly, change }: Props) {
  const without = (kind: 'events' | 'factMappings', name: string): ProcessDefinition => {
    const { [name]: _gone, ...rest } = def[kind] ?? {};
    return { ...def, [kind]: rest };
  };
  const section = (kind: 'events' | 'factMappings', heading: string, users: 'event' | 'factMapping') => {
    const names = Object.keys(def[kind] ?? {});
    if (names.length === 0) return null;
    return (
      <section aria-label={heading}>
        <h3 className="utrecht-heading-3">{heading}</h3>
        <ul className="pd-declarations">
          {names.map((name) => {
            const steps = usersOf(def, users, name);
            return (
              <li key={name}>
                <code>{name}</code> —{' '}
                {steps.length > 0 ? `${word('usedIn', lang)}: ${steps.join(', ')}` : word('unused', lang)}
                {!readOnly && steps.length === 0 && (
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--subtle"
                    onClick={() => change(without(kind, name))}
                  >
                    {word('removeDeclaration', lang)}
                    <span className="visually-hidden"> {name}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    );
  };
  return (
    <>
      {section('events', word('events', lang), 'event')}
      {section('factMappings', word('factMappings', lang), 'factMapping')}
    </>
  );
}
