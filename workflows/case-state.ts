import type { ProcessDefinition } from './dsl/schema';

/** What a case starts with: the definition snapshot keeps a running case on its own version. */
export interface CaseInput {
  tenant: string;
  /** The caller's own reference (pseudonymous, never a BSN). */
  caseRef: string;
  definition: ProcessDefinition;
  /** Case data as validated against the definition's inputSchema; may hold personal data. */
  data: Record<string, unknown>;
}

export type CaseStatus = 'running' | 'completed';

export interface Deadline {
  id: string;
  kind: 'reminder' | 'timeout';
  nodeId: string;
  label: string;
  at: string;
  status: 'pending' | 'done' | 'cancelled';
}

export type HistoryEntryType = 'case-started' | 'step-entered' | 'event-accepted' | 'event-rejected' | 'reminder' | 'timeout' | 'task' | 'completed';

export interface HistoryEntry {
  at: string;
  type: HistoryEntryType;
  nodeId?: string;
  event?: string;
  detail?: string;
}

export interface CaseState {
  caseId: string;
  tenant: string;
  caseRef: string;
  processId: string;
  processVersion: number;
  status: CaseStatus;
  currentStep: string | null;
  expectedEvents: string[];
  caseStatus?: string;
  outcome?: string;
  data: Record<string, unknown>;
  variables: Record<string, unknown>;
  dates: Record<string, string>;
  deadlines: Deadline[];
  history: HistoryEntry[];
}

/** An event sent to a case: a name the current step expects and a payload matching its schema. */
export interface CaseEvent {
  name: string;
  payload: Record<string, unknown>;
}

export interface EventResult {
  accepted: true;
  event: string;
  currentStep: string | null;
  status: CaseStatus;
  outcome?: string;
}
