import { api, ApiProblem, TEMPORAL_UNAVAILABLE_MESSAGE } from '../../../ui/src/api/http';

// Every screen shows an ApiProblem's message: while the process engine is away, people read words, not a code.
describe('ui api client', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });
  const answer = (status: number, body: unknown) => {
    global.fetch = jest.fn(
      async () =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json', 'retry-after': '5' },
        }),
    ) as typeof fetch;
  };

  it('says in Dutch that the process engine is unreachable on 503 TEMPORAL_UNAVAILABLE', async () => {
    answer(503, {
      error: { code: 'TEMPORAL_UNAVAILABLE', message: 'De procesmotor (Temporal) is tijdelijk niet bereikbaar; …' },
    });
    const problem = await api('GET', '/api/v1/monitor/summary').catch((e: unknown) => e);
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toMatchObject({ status: 503, code: 'TEMPORAL_UNAVAILABLE', message: TEMPORAL_UNAVAILABLE_MESSAGE });
    expect(TEMPORAL_UNAVAILABLE_MESSAGE).toBe(
      'De procesmotor is tijdelijk niet bereikbaar; probeer het over een minuut opnieuw.',
    );
  });

  it("keeps the server's message for other errors", async () => {
    answer(409, {
      error: { code: 'EVENT_NOT_EXPECTED', message: 'Deze stap verwacht dit event niet.', path: '/body/name' },
    });
    await expect(api('POST', '/api/v1/cases/x/events', {})).rejects.toMatchObject({
      status: 409,
      message: 'Deze stap verwacht dit event niet.',
      path: '/body/name',
    });
  });
});
