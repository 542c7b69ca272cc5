import { loadConfig } from '../../platform/config';

describe('configuration: origins of a Temporal UI that may call the codec endpoint', () => {
  it('reads DOORSTROOM_TEMPORAL_UI_ORIGINS as a comma-separated list, without trailing slashes or blanks', () => {
    const config = loadConfig({
      DOORSTROOM_TEMPORAL_UI_ORIGINS: ' https://temporal.gemeente.nl/ ,https://temporal-acc.gemeente.nl,, ',
    });
    expect(config.temporal.uiOrigins).toEqual(['https://temporal.gemeente.nl', 'https://temporal-acc.gemeente.nl']);
  });

  it('is empty when not set (only the embedded UI, with TEMPORAL_UI=true, is allowed)', () => {
    expect(loadConfig({}).temporal.uiOrigins).toEqual([]);
  });
});
