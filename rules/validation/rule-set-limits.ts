/**
 * Bounds on what one rule set may ask of the product, checked before anything recurses into it.
 * Real bye-laws need a fraction of each: the urgency template has 14 rules, 4 levels of nesting and
 * one named condition per rule. The bounds keep every later check (ajv, the semantic checks, the
 * compiler, evaluation) within a fixed stack depth and linear work; docs/rules.md lists them.
 */
export const RULE_SET_LIMITS = {
  /** all/any/not groups inside one rule or named condition, counting the root as 1. */
  conditionDepth: 32,
  /** Named conditions followed one after the other (rule → a → b → … ); each hop adds a tree's depth to the stack. */
  referenceChain: 16,
  /** Nesting of any other JSON value (event params, condition values) below the field that holds it. */
  valueDepth: 32,
  rules: 1_000,
  /** Condition nodes of every kind, in all rules and named conditions together. */
  conditions: 10_000,
  /** Any list other than `rules`: all/any children, `in` lists, list parameters. */
  listLength: 5_000,
  /** Properties of one object: parameters, named conditions, event params. */
  properties: 1_000,
  /** The rule set's own facts (`facts`); a bye-law adds a handful to the built-in catalog. */
  facts: 200,
  /** Options of one enum or string-list fact of the rule set's own. */
  factOptions: 500,
  /** Characters in one string or one property name. */
  stringLength: 10_000,
  /** About the document's length as compact JSON, in characters. */
  size: 1_000_000,
} as const;

/** Keys that reach Object.prototype in plain JavaScript objects; refused as keys and as names. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** At most this many limit issues are reported: past the first few, a hostile file only costs time. */
export const MAX_LIMIT_ISSUES = 20;
