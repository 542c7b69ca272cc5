declare module 'virtual:ajv-precompiled' {
  /** Standalone ajv validators by JSON.stringify(schema). */
  export const validators: Map<string, unknown>;
}
