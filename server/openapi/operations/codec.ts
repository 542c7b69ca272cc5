import { CodecBody } from '../../../contract/codec';
import type { Operation } from '../operation';

const op = (name: 'decode' | 'encode', summary: string): Operation => ({
  method: 'post',
  path: `/codec/${name}`,
  operationId: `codec${name[0]?.toUpperCase()}${name.slice(1)}`,
  tag: 'Beheer (operations)',
  access: 'session',
  requires: 'supervisor or admin',
  summary,
  description:
    "The Temporal UI's remote codec protocol: payloads as base64 metadata and data. No CSRF token is needed (no side effects); cross-origin calls only from the configured Temporal UI.",
  body: CodecBody,
  responses: { 200: { description: 'Payloads', schema: CodecBody } },
  errors: [
    'VALIDATION_FAILED',
    'MALFORMED_JSON',
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'BODY_TOO_LARGE',
    'PAYLOAD_OTHER_MUNICIPALITY',
    'PAYLOAD_DECRYPT_FAILED',
  ],
});

export const codecOperations: Operation[] = [
  op('decode', 'Decrypt Temporal payloads (for the Temporal UI)'),
  op('encode', 'Encrypt Temporal payloads (for the Temporal UI)'),
];
