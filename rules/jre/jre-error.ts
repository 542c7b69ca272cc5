/**
 * Stable codes for every place json-rules-engine 7 throws, so a caller can act on the code instead of
 * parsing the message. Messages keep json-rules-engine's wording (code that matched on them still does).
 */
export type JreErrorCode =
  | 'UNDEFINED_FACT'
  | 'UNDEFINED_CONDITION'
  | 'UNKNOWN_OPERATOR'
  | 'INVALID_RULE'
  | 'INVALID_CONDITION'
  | 'INVALID_PRIORITY'
  | 'INVALID_FACT'
  | 'INVALID_OPERAND'
  | 'RULE_NOT_FOUND'
  | 'UNSUPPORTED_PATH'
  | 'ASYNC_FACT'
  | 'CONDITION_TOO_DEEP'
  | 'CIRCULAR_CONDITION'
  | 'INVALID_ALMANAC';

export class JreError extends Error {
  readonly code: JreErrorCode;

  constructor(code: JreErrorCode, message: string) {
    super(message);
    this.name = 'JreError';
    this.code = code;
  }
}

export const undefinedFact = (id: unknown) => new JreError('UNDEFINED_FACT', `Undefined fact: ${String(id)}`);
export const undefinedCondition = (name: unknown) =>
  new JreError('UNDEFINED_CONDITION', `No condition ${String(name)} exists`);
export const unknownOperator = (name: unknown) => new JreError('UNKNOWN_OPERATOR', `Unknown operator: ${String(name)}`);
export const invalidCondition = (message: string) => new JreError('INVALID_CONDITION', message);
export const invalidRule = (message: string) => new JreError('INVALID_RULE', message);
