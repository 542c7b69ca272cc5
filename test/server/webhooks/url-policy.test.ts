import { ApiError } from '../../../server/errors';
import { checkWebhookUrl } from '../../../server/webhooks/url-policy';

const refused = (url: string, env: NodeJS.ProcessEnv = {}) => {
  try {
    checkWebhookUrl(url, env);
    return undefined;
  } catch (err) {
    return err instanceof ApiError ? err.code : 'other';
  }
};

describe('webhook URL policy', () => {
  it('accepts https anywhere and http to this machine', () => {
    expect(refused('https://zaaksysteem.example.nl/hook')).toBeUndefined();
    expect(refused('http://127.0.0.1:8080/hook')).toBeUndefined();
    expect(refused('http://localhost/hook')).toBeUndefined();
  });
  it('refuses plain http elsewhere unless allowed, other schemes, and credentials in the URL', () => {
    expect(refused('http://intern.gemeente.nl/hook')).toBe('WEBHOOK_URL_NOT_ALLOWED');
    expect(refused('http://intern.gemeente.nl/hook', { DOORSTROOM_WEBHOOK_ALLOW_HTTP: 'true' })).toBeUndefined();
    expect(refused('ftp://example.nl/x')).toBe('WEBHOOK_URL_NOT_ALLOWED');
    expect(refused('https://user:geheim@example.nl/hook')).toBe('WEBHOOK_URL_NOT_ALLOWED');
  });
});
