declare module 'virtual:ajv-precompiled' {
  /** Standalone ajv validators by JSON.stringify(schema). */
  export const validators: Map<string, unknown>;
  /** The JSON Schema meta-schema's validator (draft-07, ajv's default): is a schema a schema? */
  export const validateSchema: unknown;
}
