import { pointer, type AddError } from './definition-error';

/** How deep the check follows `properties` and `items` (payloads are flat objects; this is generous). */
export const ENUM_LABELS_MAX_DEPTH = 8;
/** At most this many labels in one `x-labels` (and so values in its `enum`). */
export const ENUM_LABELS_MAX_VALUES = 200;
/** A label is a short choice, not a paragraph. */
export const ENUM_LABEL_MAX_LENGTH = 200;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** A label's `nl` or `en`: a non-empty text of bounded length, or why not (nl, en). */
function textProblem(label: Record<string, unknown>, lang: 'nl' | 'en'): [string, string] | undefined {
  const text = label[lang];
  if (typeof text !== 'string' || text.trim() === '')
    return [`heeft geen tekst in "${lang}"`, `has no text in "${lang}"`];
  if (text.length > ENUM_LABEL_MAX_LENGTH)
    return [
      `is in "${lang}" langer dan ${ENUM_LABEL_MAX_LENGTH} tekens`,
      `is longer than ${ENUM_LABEL_MAX_LENGTH} characters in "${lang}"`,
    ];
  return undefined;
}

/** One property schema's `x-labels` against its `enum`; `path` points at the property schema. */
function checkOne(schema: Record<string, unknown>, field: string, path: string, add: AddError, nodeId?: string): void {
  const labels = schema['x-labels'];
  const at = `${path}/x-labels`;
  if (!isObject(labels)) {
    add(
      'INVALID_ENUM_LABELS',
      at,
      `De keuzeteksten (x-labels) van "${field}" moeten een object zijn: waarde → { nl, en }.`,
      `The choice labels (x-labels) of "${field}" must be an object: value → { nl, en }.`,
      nodeId,
    );
    return;
  }
  const values = schema.enum;
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
    add(
      'INVALID_ENUM_LABELS',
      at,
      `"${field}" heeft keuzeteksten (x-labels) maar geen keuzelijst van teksten (enum).`,
      `"${field}" has choice labels (x-labels) but no list of text choices (enum).`,
      nodeId,
    );
    return;
  }
  const keys = Object.keys(labels);
  if (keys.length > ENUM_LABELS_MAX_VALUES || values.length > ENUM_LABELS_MAX_VALUES) {
    add(
      'INVALID_ENUM_LABELS',
      at,
      `"${field}" heeft meer dan ${ENUM_LABELS_MAX_VALUES} keuzes; dat is geen keuzelijst meer.`,
      `"${field}" has more than ${ENUM_LABELS_MAX_VALUES} choices; that is no longer a list to choose from.`,
      nodeId,
    );
    return;
  }
  const missing = values.filter((v) => !has(labels, v));
  if (missing.length > 0) {
    const list = missing.map((v) => `"${v}"`).join(', ');
    add(
      'INVALID_ENUM_LABELS',
      at,
      `Keuze ${list} van "${field}" heeft geen tekst in x-labels.`,
      `Choice ${list} of "${field}" has no label in x-labels.`,
      nodeId,
    );
  }
  const allowed = new Set(values);
  for (const key of keys) {
    const keyAt = `${at}/${pointer(key)}`;
    if (!allowed.has(key)) {
      add(
        'INVALID_ENUM_LABELS',
        keyAt,
        `x-labels van "${field}" noemt "${key}", maar dat is geen keuze (enum).`,
        `x-labels of "${field}" names "${key}", which is not a choice (enum).`,
        nodeId,
      );
      continue;
    }
    const label = labels[key];
    if (!isObject(label)) {
      add(
        'INVALID_ENUM_LABELS',
        keyAt,
        `De tekst voor keuze "${key}" van "${field}" moet { nl, en } zijn.`,
        `The label of choice "${key}" of "${field}" must be { nl, en }.`,
        nodeId,
      );
      continue;
    }
    const extra = Object.keys(label).filter((k) => k !== 'nl' && k !== 'en');
    const problem =
      textProblem(label, 'nl') ??
      textProblem(label, 'en') ??
      (extra.length > 0
        ? ([`heeft onbekende velden (${extra.join(', ')})`, `has unknown fields (${extra.join(', ')})`] as const)
        : undefined);
    if (problem)
      add(
        'INVALID_ENUM_LABELS',
        keyAt,
        `De tekst voor keuze "${key}" van "${field}" ${problem[0]}.`,
        `The label of choice "${key}" of "${field}" ${problem[1]}.`,
        nodeId,
      );
  }
}

/**
 * The `x-labels` of a payload schema's properties (value → { nl, en }, shown by the monitor's event
 * form instead of the value): its keys are exactly the property's `enum` values and every label
 * has a non-empty `nl` and `en` of bounded length. Follows `properties` and `items` to
 * ENUM_LABELS_MAX_DEPTH levels, so the walk is bounded by the schema's size and that depth.
 * `path` points at the payload schema.
 */
export function checkEnumLabels(
  schema: Record<string, unknown>,
  path: string,
  add: AddError,
  nodeId?: string,
  field = '',
  depth = 0,
): void {
  if (depth > ENUM_LABELS_MAX_DEPTH) return;
  if (depth > 0 && has(schema, 'x-labels')) checkOne(schema, field, path, add, nodeId);
  const properties = schema.properties;
  if (isObject(properties)) {
    for (const [name, sub] of Object.entries(properties)) {
      if (isObject(sub))
        checkEnumLabels(
          sub,
          `${path}/properties/${pointer(name)}`,
          add,
          nodeId,
          field ? `${field}.${name}` : name,
          depth + 1,
        );
    }
  }
  if (isObject(schema.items)) checkEnumLabels(schema.items, `${path}/items`, add, nodeId, `${field}[]`, depth + 1);
}
