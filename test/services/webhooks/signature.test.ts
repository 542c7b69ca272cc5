import { signatureHeader, verifyWebhookSignature } from '../../../services/webhooks/signature';

const secret = 'whsec_test-secret';
const body = JSON.stringify({ id: 'evt_1', type: 'case.started', data: { caseId: 'GM0363-x-1' } });
const now = 1_780_000_000;

describe('webhook signature', () => {
  it('verifies a body signed with the secret at a recent timestamp', () => {
    const header = signatureHeader(secret, now - 10, body);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret, header, body, now })).toEqual({ ok: true, timestamp: now - 10 });
    expect(verifyWebhookSignature({ secret, header, body: Buffer.from(body), now })).toMatchObject({ ok: true });
  });

  it('refuses a tampered body, a wrong secret and a changed timestamp', () => {
    const header = signatureHeader(secret, now, body);
    expect(
      verifyWebhookSignature({ secret, header, body: body.replace('case.started', 'case.completed'), now }),
    ).toEqual({ ok: false, reason: 'SIGNATURE_MISMATCH' });
    expect(verifyWebhookSignature({ secret: 'whsec_other', header, body, now })).toEqual({
      ok: false,
      reason: 'SIGNATURE_MISMATCH',
    });
    expect(verifyWebhookSignature({ secret, header: header.replace(`t=${now}`, `t=${now - 1}`), body, now })).toEqual({
      ok: false,
      reason: 'SIGNATURE_MISMATCH',
    });
  });

  it('refuses a timestamp outside the 5-minute replay window, either way', () => {
    expect(verifyWebhookSignature({ secret, header: signatureHeader(secret, now - 301, body), body, now })).toEqual({
      ok: false,
      reason: 'TIMESTAMP_OUT_OF_TOLERANCE',
    });
    expect(verifyWebhookSignature({ secret, header: signatureHeader(secret, now + 301, body), body, now })).toEqual({
      ok: false,
      reason: 'TIMESTAMP_OUT_OF_TOLERANCE',
    });
    expect(
      verifyWebhookSignature({ secret, header: signatureHeader(secret, now - 300, body), body, now }),
    ).toMatchObject({ ok: true });
  });

  it('refuses missing and malformed headers, and accepts any one matching v1 (secret rotation)', () => {
    expect(verifyWebhookSignature({ secret, header: undefined, body, now })).toEqual({
      ok: false,
      reason: 'MISSING_HEADER',
    });
    expect(verifyWebhookSignature({ secret, header: 'v1=abc', body, now })).toEqual({
      ok: false,
      reason: 'MALFORMED_HEADER',
    });
    expect(verifyWebhookSignature({ secret, header: `t=${now}`, body, now })).toEqual({
      ok: false,
      reason: 'MALFORMED_HEADER',
    });
    const good = signatureHeader(secret, now, body).split(',')[1];
    const other = signatureHeader('whsec_old', now, body).split(',')[1];
    expect(verifyWebhookSignature({ secret, header: `t=${now},${other},${good}`, body, now })).toMatchObject({
      ok: true,
    });
  });
});
