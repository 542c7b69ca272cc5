import { Type, type Static } from '@sinclair/typebox';

/** The Temporal UI's remote codec protocol: payloads as base64 metadata and data. */
const B64 = Type.String({ maxLength: 2_000_000, pattern: '^[A-Za-z0-9+/=]*$' });

/** Request and response of /codec/encode and /codec/decode alike. */
export const CodecBody = Type.Object(
  {
    payloads: Type.Array(
      // Temporal's Payload as proto3 JSON: metadata and data only; anything else is refused, not passed on.
      Type.Object(
        {
          metadata: Type.Optional(Type.Record(Type.String({ maxLength: 200 }), B64, { maxProperties: 64 })),
          data: Type.Optional(B64),
        },
        { additionalProperties: false },
      ),
      { maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);
export type CodecBody = Static<typeof CodecBody>;
