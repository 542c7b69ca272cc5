import type { LocalizedText } from './localized-text';

/** One problem a designer or a calling system can act on: a stable code, where, and why in both languages. */
export interface RulesIssue {
  code: string;
  /** RFC 6901 JSON pointer into the document that was checked ('' is the whole document). */
  path: string;
  message: LocalizedText;
}

/** Thrown by the rules core; carries the same fields as an issue so the API can map it to JSON. */
export class RulesError extends Error {
  readonly code: string;
  readonly path: string;
  readonly messages: LocalizedText;

  constructor(code: string, message: LocalizedText, path = '') {
    super(`Rules: ${message.en}`);
    this.name = 'RulesError';
    this.code = code;
    this.path = path;
    this.messages = message;
  }

  toJSON(): RulesIssue {
    return { code: this.code, path: this.path, message: this.messages };
  }
}
