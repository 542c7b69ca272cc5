import { Type, type Static } from '@sinclair/typebox';
import { Ident, Instant, Text } from './common';

/** A ZGW base URL or resource URL (Catalogi: zaaktype, statustype, …); https, or http on a municipal network. */
const ZgwUrl = (description: string) => Type.String({ format: 'uri', maxLength: 1000, description });

/** Entering a step of the process sets this status on the zaak. */
export const ZgwStatusLink = Type.Object(
  {
    step: Ident('Step id in the process definition', ['hotel-placement']),
    statustype: ZgwUrl('Catalogi API statustype URL'),
  },
  { additionalProperties: false },
);

/** A decision step whose besluit has its own besluittype. */
export const ZgwBesluitLink = Type.Object(
  {
    decision: Ident('Decision step id in the process definition', ['housing-priority']),
    besluittype: ZgwUrl('Catalogi API besluittype URL'),
  },
  { additionalProperties: false },
);

/** An outcome (end step) whose resultaat has its own resultaattype. */
export const ZgwResultaatLink = Type.Object(
  {
    outcome: Ident('Outcome of an end step in the process definition', ['placed']),
    resultaattype: ZgwUrl('Catalogi API resultaattype URL'),
  },
  { additionalProperties: false },
);

/** One process linked to a zaaktype: what Doorstroom writes back for its cases. */
export const ZgwProcessLink = Type.Object(
  {
    processId: Ident('Process id', ['nareiziger-hotelverblijf']),
    zaaktype: ZgwUrl('Catalogi API zaaktype URL'),
    statustypen: Type.Array(ZgwStatusLink, { maxItems: 100 }),
    besluittype: Type.Optional(ZgwUrl('Catalogi API besluittype URL: a confirmed decision becomes a besluit')),
    besluittypen: Type.Optional(
      Type.Array(ZgwBesluitLink, { maxItems: 100, description: 'Per decision step; others use besluittype' }),
    ),
    informatieobjecttype: Type.Optional(
      ZgwUrl('Catalogi API informatieobjecttype URL of the besluit PDF (Documenten API)'),
    ),
    resultaattype: Type.Optional(ZgwUrl('Catalogi API resultaattype URL set when the case ends')),
    resultaattypen: Type.Optional(
      Type.Array(ZgwResultaatLink, { maxItems: 100, description: 'Per outcome; others use resultaattype' }),
    ),
    eindstatustype: Type.Optional(ZgwUrl('Catalogi API statustype URL (the last one) that closes the zaak')),
    cancelledResultaattype: Type.Optional(
      ZgwUrl(
        'Catalogi API resultaattype URL set when the case is cancelled (e.g. "geannuleerd" or "ingetrokken"); needs eindstatustype. Absent: a cancelled case leaves its zaak open',
      ),
    ),
  },
  { additionalProperties: false },
);
export type ZgwProcessLink = Static<typeof ZgwProcessLink>;

export const PutZgwSettingsBody = Type.Object(
  {
    zakenUrl: ZgwUrl('Zaken API base, e.g. https://openzaak.gemeente.nl/zaken/api/v1'),
    catalogiUrl: ZgwUrl('Catalogi API base, e.g. https://openzaak.gemeente.nl/catalogi/api/v1'),
    besluitenUrl: ZgwUrl('Besluiten API base, e.g. https://openzaak.gemeente.nl/besluiten/api/v1'),
    documentenUrl: ZgwUrl('Documenten API base, e.g. https://openzaak.gemeente.nl/documenten/api/v1'),
    clientId: Type.String({ minLength: 1, maxLength: 256, pattern: '^[\\x21-\\x7E]+$' }),
    clientSecret: Type.Optional(
      Type.String({
        maxLength: 1024,
        description: 'Absent: keep the stored secret; empty: remove it. Never returned.',
      }),
    ),
    bronorganisatie: Type.String({
      pattern: '^[0-9]{9}$',
      maxLength: 9,
      description: 'RSIN of the municipality, written as bronorganisatie and verantwoordelijkeOrganisatie',
    }),
    processLinks: Type.Array(ZgwProcessLink, { maxItems: 100 }),
    enabled: Type.Boolean(),
    reason: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export type PutZgwSettingsBody = Static<typeof PutZgwSettingsBody>;

export const ZgwSettings = Type.Object(
  {
    zakenUrl: Type.String(),
    catalogiUrl: Type.String(),
    besluitenUrl: Type.String(),
    documentenUrl: Type.String(),
    clientId: Type.String(),
    hasClientSecret: Type.Boolean(),
    bronorganisatie: Type.String(),
    processLinks: Type.Array(ZgwProcessLink),
    enabled: Type.Boolean(),
    updatedBy: Type.String(),
    updatedAt: Instant,
  },
  { additionalProperties: false },
);
export type ZgwSettings = Static<typeof ZgwSettings>;

export const ZgwSettingsResponse = Type.Object(
  { settings: Type.Union([ZgwSettings, Type.Null()]) },
  { additionalProperties: false },
);
export type ZgwSettingsResponse = Static<typeof ZgwSettingsResponse>;
