import type { People } from '../../../contract/artifacts';
import type { ArtifactHistory } from '../api/artifacts';

/** The people the version history names: GET /rulesets/{key} and /definitions/{key} send them in `people`. */
export type { People };
export type Person = People[string];

/** The history's `people`; an older server sends none, and then the ids stay as they are. */
export function peopleOf(history: ArtifactHistory): People {
  return history.people ?? {};
}

/** Display name, else username, else the id itself (a user since removed, or an API key). */
export function personName(people: People, id: string): string {
  const p = people[id];
  return p ? (p.displayName ?? p.username) : id;
}
