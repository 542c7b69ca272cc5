import type { TopLevelCondition } from '../condition-schema';
import type { Parameter } from '../rule-set-schema';
import type { CompiledCondition } from './compiled-condition';

/** What compiling one rule set shares across its conditions. */
export interface CompilerScope {
  parameters: Readonly<Record<string, Parameter>>;
  namedConditions: Readonly<Record<string, TopLevelCondition>>;
  /** allowUndefinedFacts off: an evaluated condition on a missing fact throws, as in json-rules-engine. */
  strict: boolean;
  /** Named conditions compile once; a name in `resolving` means a reference cycle. */
  compiledNamed: Map<string, CompiledCondition>;
  resolving: Set<string>;
  /** all/any/not groups open in the tree being compiled (named conditions start their own count). */
  depth: number;
  usedFacts: Set<string>;
  /** Derived facts are read from the evaluation context, computed once per evaluation, not copied into the facts. */
  derived: ReadonlySet<string>;
}
