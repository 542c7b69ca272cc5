import { Type, type Static } from '@sinclair/typebox';

/** User-facing words are Dutch first, with English (style.md rule 10). */
export const LocalizedTextSchema = Type.Object(
  { nl: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
export type LocalizedText = Static<typeof LocalizedTextSchema>;

export type Language = keyof LocalizedText;
export const LANGUAGES: readonly Language[] = ['nl', 'en'];
