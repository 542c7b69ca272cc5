import { pointer } from '../json-pointer';
import type { RulesIssue } from '../rules-error';
import { TEMPLATE_MUNICIPALITY_CODE, TEMPLATE_TENANT } from '../templates/templates';
import { findPlaceholders } from './find-placeholders';

export interface PublishableOptions {
  /** The municipality (CBS code) the rule set is published for. */
  tenant: string;
  /** Most issues reported; a document full of placeholders gives a readable answer, not a megabyte of them. Default 100. */
  maxIssues?: number;
}

export interface PublishableResult {
  publishable: boolean;
  errors: RulesIssue[];
}

interface Trail {
  parent: Trail | undefined;
  key: string | number;
}

function pathOf(trail: Trail | undefined): string {
  const keys: Array<string | number> = [];
  for (let t = trail; t; t = t.parent) keys.push(t.key);
  return pointer(...keys.reverse());
}

const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/**
 * Publishable means finished: a valid rule set can still be a template half filled in. Reports,
 * with JSON pointers, every `{{…}}` placeholder left in any text (legal bases, titles, labels,
 * decision sentences, keys), a tenant that is the template's or another municipality's, and the
 * template's municipality code (GM0000) left in a value when publishing for another one.
 * One walk over the document with an explicit stack: linear in its size, whatever its depth.
 * Takes unknown content so it can run on whatever a store holds.
 */
export function checkPublishable(ruleSet: unknown, options: PublishableOptions): PublishableResult {
  const max = options.maxIssues ?? 100;
  const errors: RulesIssue[] = [];
  const add = (issue: RulesIssue) => {
    if (errors.length < max) errors.push(issue);
  };
  const checkText = (text: string, path: () => string) => {
    const names = [...new Set(findPlaceholders(text, 10).map((p) => `{{${shorten(p.name)}}}`))];
    if (names.length === 1) {
      add({
        code: 'placeholder-remaining',
        path: path(),
        message: {
          nl: `Het invulveld ${names[0]} is nog niet ingevuld.`,
          en: `The placeholder ${names[0]} has not been filled in.`,
        },
      });
    } else if (names.length > 1) {
      add({
        code: 'placeholder-remaining',
        path: path(),
        message: {
          nl: `De invulvelden ${names.join(', ')} zijn nog niet ingevuld.`,
          en: `The placeholders ${names.join(', ')} have not been filled in.`,
        },
      });
    }
    if (text === TEMPLATE_MUNICIPALITY_CODE && options.tenant !== TEMPLATE_MUNICIPALITY_CODE) {
      add({
        code: 'template-municipality-code',
        path: path(),
        message: {
          nl: `${TEMPLATE_MUNICIPALITY_CODE} is de gemeentecode van het sjabloon; vul de eigen code in (${options.tenant}).`,
          en: `${TEMPLATE_MUNICIPALITY_CODE} is the template's municipality code; fill in your own (${options.tenant}).`,
        },
      });
    }
  };

  if (typeof ruleSet === 'object' && ruleSet !== null && !Array.isArray(ruleSet)) {
    const tenant = (ruleSet as { tenant?: unknown }).tenant;
    if (tenant === TEMPLATE_TENANT) {
      add({
        code: 'template-tenant',
        path: '/tenant',
        message: {
          nl: `De regelset hoort nog bij het sjabloon; vul de gemeente in (${options.tenant}).`,
          en: `The rule set still belongs to the template; fill in the municipality (${options.tenant}).`,
        },
      });
    } else if (typeof tenant === 'string' && tenant !== options.tenant) {
      add({
        code: 'tenant-mismatch',
        path: '/tenant',
        message: {
          nl: `De regelset is van gemeente ${shorten(tenant)}, niet van ${options.tenant}.`,
          en: `The rule set belongs to municipality ${shorten(tenant)}, not ${options.tenant}.`,
        },
      });
    }
  }

  // Paths are built only for what is reported: a parent chain per value keeps the walk linear even for deep documents.
  const stack: Array<[unknown, Trail | undefined]> = [[ruleSet, undefined]];
  while (stack.length > 0 && errors.length < max) {
    const [value, trail] = stack.pop() as [unknown, Trail | undefined];
    if (typeof value === 'string') {
      checkText(value, () => pathOf(trail));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], { parent: trail, key: i }]);
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const at: Trail = { parent: trail, key };
        if (key.includes('{{')) checkText(key, () => pathOf(at));
        stack.push([(value as Record<string, unknown>)[key], at]);
      }
    }
  }
  return { publishable: errors.length === 0, errors };
}
