/** Time comes from a clock in deps, so tests can fix it and move it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function iso(clock: Clock): string {
  return clock().toISOString();
}
