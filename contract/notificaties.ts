import { Type, type Static } from '@sinclair/typebox';
import { Ident, Instant, ReasonQuery, Reason, TenantId, Text, Uuid } from './common';

/**
 * A notification as the VNG Notificaties API (NRC) POSTs it to an abonnement's callback.
 * Unknown top-level fields are tolerated: newer NRC versions may add some.
 */
export const NotificatieBody = Type.Object(
  {
    kanaal: Type.String({ minLength: 1, maxLength: 50, description: 'Kanaal, e.g. zaken', examples: ['zaken'] }),
    hoofdObject: Type.String({
      format: 'uri',
      maxLength: 1000,
      description: 'URL of the main object, e.g. the zaak',
      examples: ['https://openzaak.example.nl/zaken/api/v1/zaken/d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1'],
    }),
    resource: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Resource that changed, e.g. zaak or status',
      examples: ['zaak'],
    }),
    resourceUrl: Type.String({ format: 'uri', maxLength: 1000, description: 'URL of the resource that changed' }),
    actie: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'What happened, e.g. create, update, partial_update, destroy',
      examples: ['create'],
    }),
    aanmaakdatum: Type.String({ format: 'date-time', maxLength: 64, description: 'When the change happened' }),
    kenmerken: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 1000 }), {
        maxProperties: 100,
        description: 'Key/value attributes for filtering (e.g. bronorganisatie, zaaktype)',
      }),
    ),
  },
  // Open: the ZGW Notificaties API may add fields; bounded so a body of thousands of them is refused early.
  { additionalProperties: true, maxProperties: 50 },
);
export type NotificatieBody = Static<typeof NotificatieBody>;

export const NotificatieResult = Type.Object(
  {
    result: Type.Union(
      [Type.Literal('case-started'), Type.Literal('case-exists'), Type.Literal('event-sent'), Type.Literal('ignored')],
      {
        description:
          'What Doorstroom did: started a case, found it started already, sent it an event, or nothing (no mapping matched, or the case is unknown and the mapping says to ignore that)',
      },
    ),
    mappingId: Type.Union([Uuid, Type.Null()]),
    caseId: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

const Name = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$', maxLength: 100 });

/** Where a case-data or payload field comes from: a kenmerk (or a notification field), or a constant. */
export const FieldSource = Type.Union([
  Type.Object(
    {
      from: Type.String({
        pattern:
          '^(\\$(hoofdObject|hoofdObjectId|resource|resourceUrl|actie|kanaal|aanmaakdatum)|eigenschap:[^\\u0000-\\u001f]{1,100}|[A-Za-z0-9_.:-]{1,100})$',
        maxLength: 111,
        description:
          'A kenmerk name; $hoofdObject, $hoofdObjectId (last path segment), $resource, $resourceUrl, $actie, $kanaal, $aanmaakdatum; or a field of the zaak behind the notification: zaak.<field> (e.g. zaak.startdatum), status.<field> (e.g. status.datumStatusGezet, status.statustype), eigenschap:<naam> (a zaakeigenschap by name). A mapping that reads the zaak is handled asynchronously (202).',
      }),
      as: Type.Optional(
        Type.Union(
          [
            Type.Literal('string'),
            Type.Literal('integer'),
            Type.Literal('number'),
            Type.Literal('boolean'),
            Type.Literal('date'),
          ],
          {
            description:
              'Convert the value (default string). date: a date stays; a date-time (e.g. status.datumStatusGezet) becomes the calendar day in the Netherlands (Europe/Amsterdam).',
          },
        ),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      value: Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean()], {
        description: 'A constant',
      }),
    },
    { additionalProperties: false },
  ),
]);
export type FieldSource = Static<typeof FieldSource>;

const FieldMap = Type.Record(Name, FieldSource, { maxProperties: 50, description: 'Target field → source' });
const CaseRefPrefix = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,19}$',
  maxLength: 20,
  default: 'zgw-',
  description: 'Prefix of the case reference; the reference is prefix + last path segment of hoofdObject',
});

/** `zaak.<field>`, `status.<field>` or `eigenschap:<naam>`: a field of the zaak behind the notification. */
export const ZaakSource = Type.String({
  pattern: '^(zaak|status)\\.[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*$|^eigenschap:[^\\u0000-\\u001f]{1,100}$',
  maxLength: 111,
});

const ReadZaak = Type.Boolean({
  default: false,
  description:
    'Read the zaak behind the notification (its eigenschappen, current status and rollen) before acting, even when no field names it. Implied by any zaak.*, status.* or eigenschap:* source or condition.',
});

const When = Type.Record(ZaakSource, Type.Array(Type.String({ maxLength: 1000 }), { minItems: 1, maxItems: 50 }), {
  maxProperties: 10,
  additionalProperties: false,
  description:
    'Conditions on the fetched zaak: every named field must have one of the listed values (e.g. {"status.statustype": ["https://…/statustypen/…"]}). When no matching mapping’s conditions hold, the notification is recorded as ignored.',
});

export const StartCaseAction = Type.Object(
  {
    kind: Type.Literal('start-case'),
    processId: Ident('Process to start, e.g. nareiziger-hotelverblijf'),
    caseRefPrefix: Type.Optional(CaseRefPrefix),
    data: Type.Optional(FieldMap),
    readZaak: Type.Optional(ReadZaak),
    when: Type.Optional(When),
  },
  { additionalProperties: false },
);

export const SendEventAction = Type.Object(
  {
    kind: Type.Literal('send-event'),
    processId: Ident('Process of the case'),
    caseRefPrefix: Type.Optional(CaseRefPrefix),
    eventName: Type.String({
      minLength: 1,
      maxLength: 63,
      pattern: '^[a-z0-9][a-z0-9-]*$',
      description: 'An event the case expects, e.g. hotel-geplaatst',
    }),
    payload: Type.Optional(FieldMap),
    ignoreMissingCase: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Acknowledge (result ignored) instead of 404 when no case has this reference',
      }),
    ),
    readZaak: Type.Optional(ReadZaak),
    when: Type.Optional(When),
  },
  { additionalProperties: false },
);

export const MappingAction = Type.Union([StartCaseAction, SendEventAction]);
export type MappingAction = Static<typeof MappingAction>;

const Kenmerken = Type.Record(Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,100}$' }), Type.String({ maxLength: 1000 }), {
  maxProperties: 20,
  description: 'Kenmerken that must have exactly these values',
});

export const MappingBody = Type.Object(
  {
    name: Text(200),
    kanaal: Type.String({ minLength: 1, maxLength: 50, pattern: '^[^\\s]+$' }),
    resource: Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\s]+$' }),
    actie: Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\s]+$' }),
    kenmerken: Type.Optional(Kenmerken),
    action: MappingAction,
    active: Type.Optional(Type.Boolean({ default: true })),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);
export type MappingBody = Static<typeof MappingBody>;

export const NotificatieMappingSchema = Type.Object(
  {
    id: Uuid,
    tenantId: TenantId,
    name: Type.String(),
    kanaal: Type.String(),
    resource: Type.String(),
    actie: Type.String(),
    kenmerken: Type.Record(Type.String(), Type.String()),
    action: MappingAction,
    active: Type.Boolean(),
    createdBy: Type.String(),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { additionalProperties: false },
);

export type NotificatieMapping = Static<typeof NotificatieMappingSchema>;

export const MappingList = Type.Object(
  { items: Type.Array(NotificatieMappingSchema) },
  { additionalProperties: false },
);
export const MappingIdParams = Type.Object({ mappingId: Uuid }, { additionalProperties: false });
export const DeleteMappingQuery = ReasonQuery;

export type NotificatieResult = Static<typeof NotificatieResult>;

/** 202: a mapping reads the zaak; a workflow fetches it and acts (see GET /notificaties/log for the outcome). */
export const NotificatieAccepted = Type.Object(
  {
    result: Type.Literal('accepted', {
      description: 'Accepted: the zaak behind the notification is read and the mapping applied in the background',
    }),
    mappingId: Uuid,
    logId: Type.String({ description: 'The entry in GET /api/v1/notificaties/log that shows the outcome' }),
    duplicate: Type.Boolean({ description: 'The same notification was accepted before; it is handled once' }),
  },
  { additionalProperties: false },
);
export type NotificatieAccepted = Static<typeof NotificatieAccepted>;
export type StartCaseAction = Static<typeof StartCaseAction>;
export type SendEventAction = Static<typeof SendEventAction>;
export type MappingList = Static<typeof MappingList>;
export type MappingIdParams = Static<typeof MappingIdParams>;
export type DeleteMappingQuery = Static<typeof DeleteMappingQuery>;
