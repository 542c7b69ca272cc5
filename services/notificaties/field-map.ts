import { ApiError } from '../../platform/errors';
import type { FieldSource, NotificatieBody } from '../../contract/notificaties';
import { toMunicipalDate } from './field-date';

/** The last path segment of a URL, e.g. the zaak's uuid from its hoofdObject URL. */
export function lastPathSegment(url: string): string | undefined {
  try {
    const segments = new URL(url).pathname.split('/').filter((s) => s.length > 0);
    const last = segments[segments.length - 1];
    return last === undefined ? undefined : decodeURIComponent(last);
  } catch {
    return undefined;
  }
}

function notificationField(n: NotificatieBody, name: string): string | undefined {
  switch (name) {
    case '$hoofdObject':
      return n.hoofdObject;
    case '$hoofdObjectId':
      return lastPathSegment(n.hoofdObject);
    case '$resource':
      return n.resource;
    case '$resourceUrl':
      return n.resourceUrl;
    case '$actie':
      return n.actie;
    case '$kanaal':
      return n.kanaal;
    case '$aanmaakdatum':
      return n.aanmaakdatum;
    default:
      return n.kenmerken?.[name];
  }
}

function convert(
  text: string,
  as: 'string' | 'integer' | 'number' | 'boolean' | 'date',
  path: string,
): string | number | boolean {
  if (as === 'string') return text;
  if (as === 'date') {
    const date = toMunicipalDate(text);
    if (date) return date;
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      `${path}: must be a date or a date-time (1900–2100) for this mapping`,
      path,
    );
  }
  if (as === 'boolean') {
    if (text === 'true') return true;
    if (text === 'false') return false;
  } else if (as === 'integer' ? /^-?\d{1,15}$/.test(text) : /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) {
    return Number(text);
  }
  throw new ApiError(
    400,
    'VALIDATION_FAILED',
    `${path}: must be ${as === 'boolean' ? 'true or false' : `a text holding a${as === 'integer' ? 'n integer' : ' number'}`} for this mapping`,
    path,
  );
}

/**
 * Builds case data or an event payload from a notification by the mapping's field map.
 * A missing kenmerk leaves its field out: the process's schema then names what is missing.
 */
export function mapFields(n: NotificatieBody, map: Record<string, FieldSource> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [target, source] of Object.entries(map ?? {})) {
    if ('value' in source) {
      out[target] = source.value;
      continue;
    }
    const text = notificationField(n, source.from);
    if (text === undefined) continue;
    const path = source.from.startsWith('$')
      ? `/body/${source.from.slice(1).replace('hoofdObjectId', 'hoofdObject')}`
      : `/body/kenmerken/${source.from}`;
    out[target] = convert(text, source.as ?? 'string', path);
  }
  return out;
}
