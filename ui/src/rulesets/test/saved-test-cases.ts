import type { RawFacts } from './facts-form';

/**
 * Test cases saved per rule set in this browser. The API has no place for them yet; they hold
 * made-up facts only, never a real applicant's data.
 */
export interface SavedTestCase {
  name: string;
  peildatum: string;
  facts: RawFacts;
}

const keyOf = (storageKey: string) => `doorstroom.testcases.${storageKey}`;

export function loadTestCases(storageKey: string): SavedTestCase[] {
  try {
    return JSON.parse(localStorage.getItem(keyOf(storageKey)) ?? '[]') as SavedTestCase[];
  } catch {
    return [];
  }
}

export function storeTestCases(storageKey: string, cases: SavedTestCase[]): void {
  try {
    localStorage.setItem(keyOf(storageKey), JSON.stringify(cases));
  } catch {
    // storage full or blocked: the list lasts this page only
  }
}
