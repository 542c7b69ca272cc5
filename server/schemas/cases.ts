import { Type, type Static } from '@sinclair/typebox';

/** Request and response bodies of the case API: validated with ajv and described in OpenAPI from here. */
export const StartCaseBody = Type.Object(
  {
    caseRef: Type.String({ description: 'Your own pseudonymous case reference (e.g. zaaknummer); starting twice with it gives the same case.', examples: ['ZAAK-2026-000123'] }),
    data: Type.Record(Type.String(), Type.Unknown(), { description: "Case data, checked against the process's input schema." }),
  },
  { additionalProperties: false },
);
export type StartCaseBody = Static<typeof StartCaseBody>;

export const EventBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 63, description: 'An event the current step expects, e.g. hotel-geplaatst' }),
    payload: Type.Record(Type.String(), Type.Unknown(), { default: {}, description: "The event's data, checked against its payload schema." }),
  },
  { additionalProperties: false },
);
export type EventBody = Static<typeof EventBody>;

export const ListCasesQuery = Type.Object(
  {
    processId: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,63}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type ListCasesQuery = Static<typeof ListCasesQuery>;

export const ProcessParams = Type.Object({ processId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'Process id, e.g. nareiziger-hotelverblijf', examples: ['nareiziger-hotelverblijf'] }) });
export const CaseParams = Type.Object({ caseId: Type.String({ pattern: '^GM[0-9]{4}-[a-z0-9:-]{1,200}$', description: 'Case id as returned when the case was started' }) });
