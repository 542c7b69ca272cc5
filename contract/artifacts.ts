import { Type, type Static } from '@sinclair/typebox';
import { ArtifactKey, DateOrDateTime, Instant, NullableInstant, Text } from './common';

/** Rule-set or process-definition JSON; its own validator (rules/, workflows/dsl) checks the inside. */
export const ArtifactContent = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Rule set or process definition (JSON object)',
});

export const ArtifactParams = Type.Object({ key: ArtifactKey }, { additionalProperties: false });
export const VersionParams = Type.Object(
  { key: ArtifactKey, version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
  { additionalProperties: false },
);

export const CreateArtifactBody = Type.Object(
  {
    key: ArtifactKey,
    name: Text(200),
    content: ArtifactContent,
  },
  { additionalProperties: false },
);

export const CreateDraftBody = Type.Object(
  {
    /** Starts from this version's content (default: the latest) unless `content` is given. */
    fromVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    content: Type.Optional(ArtifactContent),
  },
  { additionalProperties: false },
);

export const UpdateDraftBody = Type.Object({ content: ArtifactContent }, { additionalProperties: false });

export const SubmitBody = Type.Object({ comment: Text(2000) }, { additionalProperties: false });

export const ApproveBody = Type.Object(
  {
    comment: Type.Optional(Text(2000)),
    /** A date means the start of that day in the Netherlands; default: now. A future date schedules. */
    effectiveFrom: Type.Optional(DateOrDateTime),
  },
  { additionalProperties: false },
);

export const RejectBody = Type.Object({ comment: Text(2000) }, { additionalProperties: false });
export const RetireBody = Type.Object({ reason: Text(2000) }, { additionalProperties: false });

export const DiffQuery = Type.Object(
  {
    from: Type.Integer({ minimum: 1 }),
    to: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export const EffectiveQuery = Type.Object({ at: Type.Optional(DateOrDateTime) }, { additionalProperties: false });

/** draft → in_review → published | rejected; published → retired. */
export const VERSION_STATUSES = ['draft', 'in_review', 'published', 'rejected', 'retired'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const VersionStatusSchema = Type.Union(VERSION_STATUSES.map((s) => Type.Literal(s)));

export const ArtifactSchema = Type.Object({
  id: Type.String(),
  tenantId: Type.String(),
  type: Type.Union([Type.Literal('ruleset'), Type.Literal('definition')]),
  key: ArtifactKey,
  name: Type.String(),
  createdBy: Type.String(),
  createdAt: Instant,
});

export const ArtifactSummarySchema = Type.Composite([
  ArtifactSchema,
  Type.Object({
    latestVersion: Type.Integer(),
    effectiveVersion: Type.Union([Type.Integer(), Type.Null()]),
  }),
]);

export const VersionSchema = Type.Object({
  artifactId: Type.String(),
  type: Type.Union([Type.Literal('ruleset'), Type.Literal('definition')]),
  key: ArtifactKey,
  version: Type.Integer(),
  status: VersionStatusSchema,
  scheduled: Type.Boolean(),
  content: Type.Optional(Type.Unknown()),
  authorId: Type.String(),
  contributors: Type.Array(Type.String()),
  basedOnVersion: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Instant,
  updatedAt: Instant,
  submittedBy: Type.Union([Type.String(), Type.Null()]),
  submittedAt: NullableInstant,
  submitComment: Type.Union([Type.String(), Type.Null()]),
  reviewedBy: Type.Union([Type.String(), Type.Null()]),
  reviewedAt: NullableInstant,
  reviewComment: Type.Union([Type.String(), Type.Null()]),
  effectiveFrom: NullableInstant,
  publishedAt: NullableInstant,
  retiredBy: Type.Union([Type.String(), Type.Null()]),
  retiredAt: NullableInstant,
  retireReason: Type.Union([Type.String(), Type.Null()]),
});

export const ArtifactList = Type.Object({ items: Type.Array(ArtifactSummarySchema) });
/** User id → name, for every id in the versions (author, contributors, submitter, reviewer, retirer) found in the municipality. */
export const PeopleSchema = Type.Record(
  Type.String(),
  Type.Object({ username: Type.String(), displayName: Type.Union([Type.String(), Type.Null()]) }),
);
export const ArtifactHistory = Type.Object({
  artifact: ArtifactSchema,
  versions: Type.Array(VersionSchema),
  people: PeopleSchema,
});
export const CreatedArtifact = Type.Object({ artifact: ArtifactSchema, version: VersionSchema });

const FieldChange = Type.Object({
  path: Type.String(),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
});
export const VersionDiffSchema = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  collection: Type.String(),
  items: Type.Array(
    Type.Object({
      key: Type.String(),
      change: Type.Union([
        Type.Literal('added'),
        Type.Literal('removed'),
        Type.Literal('changed'),
        Type.Literal('moved'),
      ]),
      position: Type.Optional(
        Type.Object({ before: Type.Optional(Type.Integer()), after: Type.Optional(Type.Integer()) }),
      ),
      fields: Type.Optional(Type.Array(FieldChange)),
    }),
  ),
  other: Type.Array(FieldChange),
});

export type ArtifactContent = Static<typeof ArtifactContent>;
export type ArtifactParams = Static<typeof ArtifactParams>;
export type VersionParams = Static<typeof VersionParams>;
export type CreateArtifactBody = Static<typeof CreateArtifactBody>;
export type CreateDraftBody = Static<typeof CreateDraftBody>;
export type UpdateDraftBody = Static<typeof UpdateDraftBody>;
export type SubmitBody = Static<typeof SubmitBody>;
export type ApproveBody = Static<typeof ApproveBody>;
export type RejectBody = Static<typeof RejectBody>;
export type RetireBody = Static<typeof RetireBody>;
export type DiffQuery = Static<typeof DiffQuery>;
export type EffectiveQuery = Static<typeof EffectiveQuery>;
export type Artifact = Static<typeof ArtifactSchema>;
export type ArtifactSummary = Static<typeof ArtifactSummarySchema>;
export type Version = Static<typeof VersionSchema>;
export type ArtifactList = Static<typeof ArtifactList>;
export type People = Static<typeof PeopleSchema>;
export type ArtifactHistory = Static<typeof ArtifactHistory>;
export type CreatedArtifact = Static<typeof CreatedArtifact>;
export type VersionDiff = Static<typeof VersionDiffSchema>;
