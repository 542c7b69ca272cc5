import { Type, type Static } from '@sinclair/typebox';

/** The Temporal UI's remote codec protocol: payloads as base64 metadata and data. */
const B64 = Type.String({ maxLength: 2_000_000, pattern: '^[A-Za-z0-9+/=]*$' });

/** Request and response of /codec/encode and /codec/decode alike. */
export const CodecBody = Type.Object(
  {
    payloads: Type.Array(
      Type.Object({ metadata: Type.Optional(Type.Record(Type.String(), B64)), data: Type.Optional(B64) }),
      { maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);
export type CodecBody = Static<typeof CodecBody>;
