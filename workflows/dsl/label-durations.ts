import { durationInWords, durationPhrases, sameDuration, type WordsLang } from './duration-words';
import { isDuration } from './duration';
import { isParamRef, resolveParam } from './references';
import type { LabelText, ProcessDefinition } from './schema';

/**
 * Labels that state a duration ("10 weken", "6 maanden") and the parameters that hold it. A label
 * names its parameters in `params`; a reminder, timeout or case deadline at `{param}` after a date
 * is linked to that parameter by itself. A stated duration that differs from its parameter is
 * refused by the validator (LABEL_CONTRADICTS_PARAMETER), and `syncLabelDurations` writes the
 * parameter's value into the text: the designer runs it whenever a parameter changes, so a new
 * norm cannot leave an old number on screen, in a notice or in a besluit.
 */

export interface LinkedLabel {
  /** JSON pointer of the label object. */
  path: string;
  label: LabelText;
  params: string[];
  nodeId?: string;
}

export interface LabelContradiction {
  /** JSON pointer of the text (`…/label/nl`). */
  path: string;
  nodeId?: string;
  lang: WordsLang;
  param: string;
  /** The duration the text states (ISO-8601) and the parameter's value. */
  stated: string;
  value: string;
  /** Where the phrase is in the text. */
  index: number;
  length: number;
}

const SKIP = new Set(['parameters', 'parameterSources', 'inputSchema', 'payloadSchema', 'params']);
const LABEL_KEYS = ['label', 'title', 'description'] as const;

const isLabel = (v: unknown): v is LabelText =>
  typeof v === 'object' && v !== null && typeof (v as LabelText).nl === 'string';

/** Every label with the parameters it states, in document order. */
export function linkedLabels(def: ProcessDefinition): LinkedLabel[] {
  const out: LinkedLabel[] = [];
  const walk = (value: unknown, path: string, nodeId: string | undefined): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}/${i}`, nodeId));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const obj = value as Record<string, unknown>;
    const here = path.startsWith('/nodes/') && path.split('/').length === 3 ? (obj.id as string) : nodeId;
    for (const key of LABEL_KEYS) {
      const label = obj[key];
      if (!isLabel(label)) continue;
      let params = label.params;
      const at = obj.at as { after?: unknown; before?: unknown } | undefined;
      if (
        !params &&
        key === 'label' &&
        at &&
        isParamRef(at.after) &&
        at.before === undefined &&
        !at.after.param.includes('{')
      )
        params = [at.after.param];
      if (params?.length) out.push({ path: `${path}/${key}`, label, params, ...(here ? { nodeId: here } : {}) });
    }
    for (const [k, v] of Object.entries(obj))
      if (!SKIP.has(k) && !(LABEL_KEYS as readonly string[]).includes(k)) walk(v, `${path}/${k}`, here);
  };
  walk(def, '', undefined);
  return out;
}

/** A parameter's value as a duration, or undefined (no such parameter, or not a duration). */
export function durationParam(def: ProcessDefinition, param: string): string | undefined {
  const r = resolveParam(param, def.parameters ?? {}, {});
  return r.ok && typeof r.value === 'string' && isDuration(r.value) ? r.value : undefined;
}

/** Stated durations that differ from their parameters: the i-th duration in a text is the i-th parameter's. */
export function labelContradictions(def: ProcessDefinition): LabelContradiction[] {
  const out: LabelContradiction[] = [];
  for (const l of linkedLabels(def)) {
    for (const lang of ['nl', 'en'] as const) {
      const text = l.label[lang];
      if (text === undefined) continue;
      durationPhrases(text).forEach((phrase, i) => {
        const param = l.params[i];
        const value = param === undefined ? undefined : durationParam(def, param);
        if (param === undefined || value === undefined || sameDuration(phrase.iso, value)) return;
        out.push({
          path: `${l.path}/${lang}`,
          ...(l.nodeId ? { nodeId: l.nodeId } : {}),
          lang,
          param,
          stated: phrase.iso,
          value,
          index: phrase.index,
          length: phrase.length,
        });
      });
    }
  }
  return out;
}

/**
 * The definition with every contradicting duration rewritten from its parameter ("6 maanden" →
 * "9 maanden"). Only the objects on the way to a rewritten text are copied: the rest keeps its
 * identity, so the designer re-renders only what changed.
 */
export function syncLabelDurations(def: ProcessDefinition): ProcessDefinition {
  const found = labelContradictions(def);
  if (found.length === 0) return def;
  type Obj = Record<string, unknown> | unknown[];
  const copied = new Set<Obj>();
  const own = (value: Obj): Obj => {
    const copy = Array.isArray(value) ? [...value] : { ...value };
    copied.add(copy);
    return copy;
  };
  const root = own(def) as Record<string, unknown>;
  // Back to front within a text, so an earlier phrase's position still holds after a later one is rewritten.
  for (const c of [...found].sort((a, b) => (a.path === b.path ? b.index - a.index : 0))) {
    const keys = c.path.split('/').slice(1);
    let at = root;
    for (const k of keys.slice(0, -1)) {
      let next = at[k] as Obj;
      if (!copied.has(next)) {
        next = own(next);
        at[k] = next;
      }
      at = next as Record<string, unknown>;
    }
    const last = keys[keys.length - 1] as string;
    const text = at[last] as string;
    const words = durationInWords(c.value, c.lang) ?? c.value;
    at[last] = text.slice(0, c.index) + words + text.slice(c.index + c.length);
  }
  return root as unknown as ProcessDefinition;
}
