import { durationInWords } from '../duration-words';
import { labelContradictions, linkedLabels } from '../label-durations';
import { resolveParam } from '../references';
import type { ProcessDefinition } from '../schema';
import { pointer, type AddError } from './definition-error';

/**
 * Norms and what is said about them: every parameter source names a parameter that exists and a
 * validity that is a period (from before until); every parameter a label names exists; a duration
 * a label states is its parameter's value (the designer regenerates it, an API client must too).
 */
export function checkNorms(def: ProcessDefinition, add: AddError): void {
  const parameters = def.parameters ?? {};
  for (const [path, source] of Object.entries(def.parameterSources ?? {})) {
    const at = `/parameterSources/${pointer(path)}`;
    if (!resolveParam(path, parameters, {}).ok)
      add(
        'UNKNOWN_PARAMETER',
        at,
        `De bron hoort bij parameter "${path}", maar die bestaat niet.`,
        `The source belongs to parameter "${path}", which does not exist.`,
      );
    if (source.validFrom && source.validUntil && source.validFrom > source.validUntil)
      add(
        'INVALID_VALIDITY',
        `${at}/validUntil`,
        `Geldig tot (${source.validUntil}) ligt vóór geldig vanaf (${source.validFrom}).`,
        `Valid until (${source.validUntil}) is before valid from (${source.validFrom}).`,
      );
  }
  for (const l of linkedLabels(def)) {
    l.params.forEach((param, i) => {
      if (l.label.params && !resolveParam(param, parameters, {}).ok)
        add(
          'UNKNOWN_PARAMETER',
          `${l.path}/params/${i}`,
          `De tekst noemt parameter "${param}", maar die bestaat niet.`,
          `The text names parameter "${param}", which does not exist.`,
          l.nodeId,
        );
    });
  }
  for (const c of labelContradictions(def)) {
    const stated = durationInWords(c.stated, c.lang) ?? c.stated;
    add(
      'LABEL_CONTRADICTS_PARAMETER',
      c.path,
      `De tekst noemt ${durationInWords(c.stated, 'nl') ?? stated}, maar parameter "${c.param}" is ${durationInWords(c.value, 'nl') ?? c.value}: laat de tekst uit de parameter maken of pas hem aan.`,
      `The text states ${durationInWords(c.stated, 'en') ?? stated}, but parameter "${c.param}" is ${durationInWords(c.value, 'en') ?? c.value}: generate the text from the parameter or correct it.`,
      c.nodeId,
    );
  }
}
