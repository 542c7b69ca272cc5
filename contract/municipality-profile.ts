import { Type, type Static } from '@sinclair/typebox';
import { Instant, Reason, TenantId, Text } from './common';

/** The municipality profile's request and response schemas: what a besluit's letterhead, signature and legal bases are filled from. */

/** One line of text a person types, with what it is for. */
const Line = (description?: string, examples?: string[]) =>
  Type.String({ ...Text(200), ...(description ? { description } : {}), ...(examples ? { examples } : {}) });

export const PostalAddressSchema = Type.Object(
  {
    street: Line('Street and number, or Postbus and number', ['Postbus 202']),
    postcode: Type.String({
      pattern: '^[1-9][0-9]{3} ?[A-Z]{2}$',
      maxLength: 7,
      description: 'Dutch postcode, e.g. 1000 AE',
      examples: ['1000 AE'],
    }),
    city: Line('City', ['Amsterdam']),
  },
  { additionalProperties: false },
);
export type PostalAddress = Static<typeof PostalAddressSchema>;

export const SignatorySchema = Type.Object(
  {
    name: Line('Name of the person who signs on behalf of the college', ['J. de Vries']),
    function: Line('Their function, e.g. teamleider Wonen', ['teamleider Wonen']),
  },
  { additionalProperties: false },
);
export type Signatory = Static<typeof SignatorySchema>;

/** Keys: a rule-set kind (`housing-priority`), a kind and outcome (`housing-priority:priority`), or a rule's placeholder (`artikel-medisch`). */
export const ArticleKey = Type.String({ pattern: '^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)?$', maxLength: 120 });

export const ByeLawSchema = Type.Object(
  {
    name: Line('Name of the bye-law (verordening)', ['Huisvestingsverordening Amsterdam']),
    year: Type.Integer({ minimum: 1900, maximum: 2100, examples: [2024] }),
    articles: Type.Record(ArticleKey, Text(120), {
      maxProperties: 200,
      description:
        'The article that is the legal basis, per rule-set kind (`housing-priority`), per kind and outcome (`housing-priority:priority`), or per placeholder in a rule (`artikel-medisch`)',
      examples: [{ 'housing-priority': 'art. 2.6.1' }],
    }),
  },
  { additionalProperties: false },
);
export type ByeLaw = Static<typeof ByeLawSchema>;

export const PutMunicipalityProfileBody = Type.Object(
  {
    name: Type.Optional(Line('Official name; default: the name on the CBS list of municipalities')),
    address: Type.Optional(PostalAddressSchema),
    objectionAddress: Type.Optional(
      Type.Union([PostalAddressSchema, Type.Null()], {
        description: 'Where objections (bezwaar) go, if not to the postal address',
      }),
    ),
    signatory: Type.Optional(SignatorySchema),
    byeLaw: Type.Optional(ByeLawSchema),
    court: Type.Optional(
      Type.Union([Line(), Type.Null()], {
        description: 'The district court for a voorlopige voorziening, e.g. Rechtbank Amsterdam',
      }),
    ),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);
export type PutMunicipalityProfileBody = Static<typeof PutMunicipalityProfileBody>;

export const MunicipalityProfileSchema = Type.Object(
  {
    tenant: TenantId,
    name: Type.String(),
    /** Whether the name is the municipality's own entry or the CBS list's. */
    nameSource: Type.Union([Type.Literal('profile'), Type.Literal('cbs-list'), Type.Literal('tenant')]),
    address: Type.Union([PostalAddressSchema, Type.Null()]),
    objectionAddress: Type.Union([PostalAddressSchema, Type.Null()]),
    signatory: Type.Union([SignatorySchema, Type.Null()]),
    byeLaw: Type.Union([ByeLawSchema, Type.Null()]),
    court: Type.Union([Type.String(), Type.Null()]),
    updatedAt: Type.Union([Instant, Type.Null()]),
    updatedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

export const ProfileIssueSchema = Type.Object(
  {
    code: Type.String({
      description: 'MISSING_NAME, MISSING_ADDRESS, MISSING_SIGNATORY, MISSING_BYE_LAW or MISSING_ARTICLE',
    }),
    path: Type.String({ description: 'RFC 6901 pointer into the profile, e.g. /byeLaw/articles/housing-priority' }),
    message: Type.Object({ nl: Type.String(), en: Type.String() }),
  },
  { additionalProperties: false },
);
export type ProfileIssue = Static<typeof ProfileIssueSchema>;

export const ProfileCompletenessSchema = Type.Object(
  {
    complete: Type.Boolean({ description: 'Whether a besluit can be signed with this profile' }),
    missing: Type.Array(ProfileIssueSchema),
  },
  { additionalProperties: false },
);
export type ProfileCompleteness = Static<typeof ProfileCompletenessSchema>;

export const MunicipalityProfileResponse = Type.Object(
  {
    profile: MunicipalityProfileSchema,
    completeness: ProfileCompletenessSchema,
  },
  { additionalProperties: false },
);

export type ArticleKey = Static<typeof ArticleKey>;
export type MunicipalityProfile = Static<typeof MunicipalityProfileSchema>;
export type MunicipalityProfileResponse = Static<typeof MunicipalityProfileResponse>;
