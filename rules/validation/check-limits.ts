import { pointer } from '../json-pointer';
import type { LocalizedText } from '../localized-text';
import type { RulesIssue } from '../rules-error';
import { referenceChainIssues } from './reference-chains';
import { FORBIDDEN_NAMES, MAX_LIMIT_ISSUES, RULE_SET_LIMITS as LIMITS } from './rule-set-limits';

/** Where a node sits in the rule-set format, so conditions can be told from other values before any schema ran. */
type Role =
  | 'document'
  | 'rules'
  | 'rule'
  | 'named'
  | 'condition'
  | 'condition-list'
  | 'facts'
  | 'fact'
  | 'fact-options'
  | 'value';

interface Frame {
  value: unknown;
  parent: Frame | undefined;
  key: string | number | undefined;
  role: Role;
  /** Condition nesting (root condition = 1). */
  conditionDepth: number;
  /** Container nesting inside a plain value (the field's own object or list = 1). */
  valueDepth: number;
  /** The references of the rule or named condition this node belongs to. */
  refs: string[] | undefined;
}

export interface LimitOptions {
  /** Default true. Off for raw json-rules-engine rules, which may name a fact 'constructor' and hold any number. */
  names?: boolean;
  numbers?: boolean;
}

const NAME_KEYS = ['fact', 'condition', 'param'] as const;
// Hoisted: a global lookup per node is slow where code runs in a vm context (Jest).
const objectKeys = Object.keys;
const isArray = Array.isArray;
const isFinite = Number.isFinite;
/** JSONPath and JSON-pointer separators: `$.a.__proto__`, `/a/__proto__`, `$['__proto__']`. */
const PATH_SEGMENTS = /[.[\]'"/]+/;

/** Built only for the few nodes that get an issue: a pointer per node would cost depth × nodes. */
function pathOf(frame: Frame): string {
  const keys: Array<string | number> = [];
  for (let f: Frame | undefined = frame; f && f.key !== undefined; f = f.parent) keys.push(f.key);
  return pointer(...keys.reverse());
}

function childRole(parent: Frame, key: string | number): Pick<Frame, 'role' | 'conditionDepth' | 'valueDepth'> {
  const asValue = {
    role: 'value' as const,
    conditionDepth: 0,
    valueDepth: parent.role === 'value' ? parent.valueDepth + 1 : 1,
  };
  switch (parent.role) {
    case 'document':
      return key === 'rules'
        ? { role: 'rules', conditionDepth: 0, valueDepth: 0 }
        : key === 'namedConditions'
          ? { role: 'named', conditionDepth: 0, valueDepth: 0 }
          : key === 'facts'
            ? { role: 'facts', conditionDepth: 0, valueDepth: 0 }
            : asValue;
    case 'facts':
      return { role: 'fact', conditionDepth: 0, valueDepth: 0 };
    case 'fact':
      return key === 'options' ? { role: 'fact-options', conditionDepth: 0, valueDepth: 0 } : asValue;
    case 'fact-options':
      return asValue;
    case 'rules':
      return { role: 'rule', conditionDepth: 0, valueDepth: 0 };
    case 'rule':
      return key === 'conditions' ? { role: 'condition', conditionDepth: 1, valueDepth: 0 } : asValue;
    case 'named':
      return { role: 'condition', conditionDepth: 1, valueDepth: 0 };
    case 'condition':
      if (key === 'all' || key === 'any')
        return { role: 'condition-list', conditionDepth: parent.conditionDepth, valueDepth: 0 };
      // A list where one condition belongs (`not: [...]`) still nests conditions: count it as such.
      if (key === 'not' || typeof key === 'number')
        return { role: 'condition', conditionDepth: parent.conditionDepth + 1, valueDepth: 0 };
      return asValue;
    case 'condition-list':
      return { role: 'condition', conditionDepth: parent.conditionDepth + 1, valueDepth: 0 };
    case 'value':
      return asValue;
  }
}

/**
 * The limits of RULE_SET_LIMITS, finite numbers and forbidden names, checked over raw JSON with an
 * explicit stack, so a document nested a million levels deep costs a loop, not a stack overflow.
 * Runs before ajv and every recursive check; an empty result means they may run.
 */
export function limitIssues(input: unknown, options: LimitOptions = {}): RulesIssue[] {
  const checkNames = options.names !== false;
  const checkNumbers = options.numbers !== false;
  const issues: RulesIssue[] = [];
  const issue = (frame: Frame, code: string, message: LocalizedText, key?: string) => {
    const path = pathOf(frame);
    issues.push({ code, path: key === undefined ? path : path + pointer(key), message });
  };
  const named = new Map<string, string[]>();
  const ruleRefs: Array<string[] | undefined> = [];
  let size = 0;
  let conditions = 0;
  let stopped = false;

  const stack: Frame[] = [
    {
      value: input,
      parent: undefined,
      key: undefined,
      role: 'document',
      conditionDepth: 0,
      valueDepth: 0,
      refs: undefined,
    },
  ];
  while (stack.length > 0 && issues.length < MAX_LIMIT_ISSUES) {
    const frame = stack.pop() as Frame;
    const { value, role } = frame;
    switch (typeof value) {
      case 'string':
        size += value.length + 2;
        if (value.length > LIMITS.stringLength) issue(frame, 'string-too-long', tooLong(value.length));
        break;
      case 'number':
        size += 8;
        if (checkNumbers && !isFinite(value))
          issue(frame, 'number-not-finite', {
            nl: 'Getallen moeten eindig zijn (geen Infinity, zoals 1e999 wordt, en geen NaN).',
            en: 'Numbers must be finite (not Infinity, which 1e999 becomes, nor NaN).',
          });
        break;
      case 'boolean':
        size += 5;
        break;
      case 'object':
        if (value === null) {
          size += 4;
          break;
        }
        if (role === 'condition') {
          if (frame.conditionDepth > LIMITS.conditionDepth) {
            issue(frame, 'nesting-too-deep', {
              nl: `Voorwaarden zijn hier dieper genest dan ${LIMITS.conditionDepth} niveaus.`,
              en: `Conditions are nested deeper than ${LIMITS.conditionDepth} levels here.`,
            });
            continue;
          }
          if (++conditions > LIMITS.conditions) {
            issue(frame, 'too-many-conditions', {
              nl: `De regelset heeft meer dan ${LIMITS.conditions} voorwaarden.`,
              en: `The rule set has more than ${LIMITS.conditions} conditions.`,
            });
            stopped = true;
            break;
          }
        } else if (role === 'value' && frame.valueDepth > LIMITS.valueDepth) {
          issue(frame, 'value-too-deep', {
            nl: `Deze waarde is dieper genest dan ${LIMITS.valueDepth} niveaus.`,
            en: `This value is nested deeper than ${LIMITS.valueDepth} levels.`,
          });
          continue;
        }
        if (isArray(value)) pushItems(frame, value);
        else pushProperties(frame, value as Record<string, unknown>);
        break;
      case 'undefined':
        // A property set to undefined is absent, as in JSON; a hole in a list is not JSON.
        if (typeof frame.key === 'number') issue(frame, 'invalid-type', notJson);
        break;
      default:
        issue(frame, 'invalid-type', notJson);
    }
    if (stopped) break;
    if (size > LIMITS.size) {
      issues.push({
        code: 'rule-set-too-large',
        path: '',
        message: {
          nl: `De regelset is groter dan ongeveer ${LIMITS.size.toLocaleString('nl-NL')} tekens JSON.`,
          en: `The rule set is larger than about ${LIMITS.size.toLocaleString('en-GB')} characters of JSON.`,
        },
      });
      stopped = true;
      break;
    }
  }
  if (!stopped && issues.length === 0) issues.push(...referenceChainIssues(named, ruleRefs));
  return issues.slice(0, MAX_LIMIT_ISSUES);

  function pushItems(frame: Frame, list: readonly unknown[]): void {
    size += 2 + list.length;
    if (frame.role === 'rules' && list.length > LIMITS.rules) {
      issue(frame, 'too-many-rules', {
        nl: `Een regelset heeft ten hoogste ${LIMITS.rules} regels, deze ${list.length}.`,
        en: `A rule set has at most ${LIMITS.rules} rules, this one ${list.length}.`,
      });
      return;
    }
    if (frame.role === 'fact-options' && list.length > LIMITS.factOptions) {
      issue(frame, 'too-many-options', {
        nl: `Een feit heeft ten hoogste ${LIMITS.factOptions} opties, dit ${list.length}.`,
        en: `A fact has at most ${LIMITS.factOptions} options, this one ${list.length}.`,
      });
      return;
    }
    if (frame.role !== 'rules' && list.length > LIMITS.listLength) {
      issue(frame, 'list-too-long', {
        nl: `Een lijst heeft ten hoogste ${LIMITS.listLength} elementen, deze ${list.length}.`,
        en: `A list has at most ${LIMITS.listLength} items, this one ${list.length}.`,
      });
      return;
    }
    // Reversed onto the stack so issues come out in document order.
    for (let i = list.length - 1; i >= 0; i--) push(frame, i, list[i]);
  }

  function pushProperties(frame: Frame, object: Record<string, unknown>): void {
    const keys = objectKeys(object);
    size += 2;
    if (keys.length > LIMITS.properties) {
      issue(frame, 'too-many-properties', {
        nl: `Een object heeft ten hoogste ${LIMITS.properties} velden, dit ${keys.length}.`,
        en: `An object has at most ${LIMITS.properties} properties, this one ${keys.length}.`,
      });
      return;
    }
    if (frame.role === 'facts' && keys.length > LIMITS.facts) {
      issue(frame, 'too-many-facts', {
        nl: `Een regelset definieert ten hoogste ${LIMITS.facts} eigen feiten, deze ${keys.length}.`,
        en: `A rule set defines at most ${LIMITS.facts} facts of its own, this one ${keys.length}.`,
      });
      return;
    }
    for (const key of keys) {
      size += key.length + 3;
      if (key.length > LIMITS.stringLength) issue(frame, 'string-too-long', tooLong(key.length));
      else if (checkNames && FORBIDDEN_NAMES.has(key)) issue(frame, 'forbidden-key', forbidden(key), key);
    }
    if (checkNames) checkNamesIn(frame, object);
    if (frame.role === 'condition' && typeof object.condition === 'string' && Object.hasOwn(object, 'condition')) {
      frame.refs?.push(object.condition);
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      push(frame, key, object[key]);
    }
  }

  function checkNamesIn(frame: Frame, object: Record<string, unknown>): void {
    const inCondition = frame.role === 'condition';
    for (const key of NAME_KEYS) {
      const name = object[key];
      if (
        (inCondition || key === 'param') &&
        typeof name === 'string' &&
        Object.hasOwn(object, key) &&
        FORBIDDEN_NAMES.has(name)
      ) {
        issue(frame, 'forbidden-name', forbidden(name), key);
      }
    }
    const path = object.path;
    if (
      inCondition &&
      typeof path === 'string' &&
      path.length <= LIMITS.stringLength &&
      path.split(PATH_SEGMENTS).some((s) => FORBIDDEN_NAMES.has(s))
    ) {
      issue(frame, 'forbidden-name', forbidden(path), 'path');
    }
  }

  function push(parent: Frame, key: string | number, value: unknown): void {
    const shape = childRole(parent, key);
    let refs = parent.refs;
    if (parent.role === 'named' && typeof key === 'string') named.set(key, (refs = []));
    if (parent.role === 'rule' && key === 'conditions' && typeof parent.key === 'number') {
      refs = [];
      ruleRefs[parent.key] = refs;
    }
    stack.push({ value, parent, key, ...shape, refs });
  }
}

const notJson: LocalizedText = { nl: 'Dit is geen JSON-waarde.', en: 'This is not a JSON value.' };

function tooLong(length: number): LocalizedText {
  return {
    nl: `Tekst van ${length} tekens; ten hoogste ${LIMITS.stringLength} zijn toegestaan.`,
    en: `Text of ${length} characters; at most ${LIMITS.stringLength} are allowed.`,
  };
}

function forbidden(name: string): LocalizedText {
  const shown = name.length > 40 ? name.slice(0, 40) + '…' : name;
  return {
    nl: `'${shown}' is als naam niet toegestaan (__proto__, constructor en prototype raken aan de interne werking van JavaScript).`,
    en: `'${shown}' is not allowed as a name (__proto__, constructor and prototype reach into JavaScript's internals).`,
  };
}
