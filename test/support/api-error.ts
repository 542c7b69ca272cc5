import { ApiError } from '../../platform/errors';

/** The ApiError `run` throws; any other error is thrown on, and no error at all fails the test. */
export function refusalOf(run: () => unknown): ApiError {
  try {
    run();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('test: accepted where a refusal was expected');
}
