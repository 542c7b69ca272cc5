import type { ValidateFunction } from 'ajv';
import { ACTION_PARAMS } from '../action-params';
import { ajv } from '../ajv';
import { ACTION_NAMES, type ActionName, type ProcessDefinition } from '../schema';
import type { AddError } from './definition-error';

const validators = new Map<ActionName, ValidateFunction>(
  ACTION_NAMES.map((a) => [a, ajv.compile(ACTION_PARAMS[a].params)]),
);

const names = (action: ActionName): string =>
  Object.keys((ACTION_PARAMS[action].params as { properties?: object }).properties ?? {}).join(', ') || '—';

/**
 * A task's `params` against its action's schema (action-params.ts). One error per failing
 * property: a union (`value` or `{ "param": … }`) would otherwise report every branch.
 */
export function checkTaskParams(def: ProcessDefinition, add: AddError): void {
  def.nodes.forEach((n, i) => {
    if (n.kind !== 'task') return;
    const validate = validators.get(n.action);
    if (!validate || validate(n.params ?? {})) return;
    const base = `/nodes/${i}/params`;
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      const extra =
        e.keyword === 'additionalProperties'
          ? String((e.params as { additionalProperty: string }).additionalProperty)
          : undefined;
      const missing =
        e.keyword === 'required' ? String((e.params as { missingProperty: string }).missingProperty) : undefined;
      const suffix = extra !== undefined || missing !== undefined ? `/${extra ?? missing}` : '';
      const path = `${base}${e.instancePath}${suffix}`;
      if (seen.has(path)) continue;
      seen.add(path);
      if (extra !== undefined) {
        add(
          'UNKNOWN_TASK_PARAM',
          path,
          `Actie "${n.action}" kent geen instelling "${extra}" (wel: ${names(n.action)}).`,
          `Action "${n.action}" has no setting "${extra}" (it has: ${names(n.action)}).`,
          n.id,
        );
      } else {
        const what = missing ?? e.instancePath.slice(1);
        add(
          'INVALID_TASK_PARAM',
          path,
          missing !== undefined
            ? `Actie "${n.action}" heeft instelling "${missing}" nodig.`
            : `Instelling "${what}" van actie "${n.action}" is ongeldig: ${e.message ?? ''}.`,
          missing !== undefined
            ? `Action "${n.action}" needs setting "${missing}".`
            : `Setting "${what}" of action "${n.action}" is invalid: ${e.message ?? ''}.`,
          n.id,
        );
      }
    }
  });
}
