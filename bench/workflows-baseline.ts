import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

// The baseline of `npm run bench:workflows`: the least a case can be — start, wait for one event
// (the same `sendEvent` update the interpreter takes), answer it, end. No definition, no state.
export const baselineEvent = defineUpdate<{ accepted: true }, [{ name: string; payload: Record<string, unknown> }]>(
  'sendEvent',
);

export async function baselineCase(): Promise<string> {
  let received: string | undefined;
  setHandler(baselineEvent, (event) => {
    received = event.name;
    return { accepted: true };
  });
  await condition(() => received !== undefined);
  return received as string;
}
