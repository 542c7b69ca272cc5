import type { DigestBody } from './digest';

export interface DigestEmail {
  from: string;
  to: string;
  subject: string;
  /** The whole RFC 5322 message, CRLF line ends, ready for SMTP DATA (before dot-stuffing). */
  message: string;
}

const when = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' });
const fmt = (iso: string) => when.format(new Date(iso));

/** RFC 2047 for a header that may hold non-ASCII text. */
function encodeHeader(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** Plain-text lines of the digest, Dutch first with English: references and counts only. */
export function digestText(body: DigestBody): string {
  const lines = [
    `Termijnoverzicht ${body.tenant} (deadline digest): ${body.totals.deadlines} termijn(en) bij ${body.totals.cases} zaak/zaken`,
    `in de komende ${body.window.daysAhead} dag(en), van ${fmt(body.window.from)} tot ${fmt(body.window.to)} (Europe/Amsterdam).`,
    '',
  ];
  if (body.processes.length === 0) lines.push('Geen termijnen in deze periode (no deadlines in this window).');
  for (const p of body.processes) {
    lines.push(`${p.processId}: ${p.cases} zaak/zaken, ${p.deadlines} termijn(en)`);
    for (const i of p.items) {
      const what = i.deadline.label ? `${i.deadline.label} (${i.deadline.kind})` : 'volgende termijn (next deadline)';
      lines.push(`  - ${fmt(i.deadline.at)}  ${i.caseId}  stap ${i.step}: ${what}`);
    }
    lines.push('');
  }
  if (body.truncated) lines.push('Let op: niet alle zaken passen in één overzicht (truncated); zie de monitor.', '');
  lines.push(`Overzicht-id (digest id): ${body.id}`, 'Zaakgegevens staan in Doorstroom, niet in deze e-mail (case data stay in Doorstroom).');
  return lines.join('\r\n');
}

/**
 * The e-mail of a digest. The body is quoted-printable-free plain UTF-8 in base64, so long
 * lines and non-ASCII labels survive every relay.
 */
export function buildDigestEmail(body: DigestBody, opts: { from: string; to: string; date?: Date }): DigestEmail {
  const subject = `Doorstroom: termijnen komende ${body.window.daysAhead} dagen (deadlines) — ${body.tenant}`;
  const text = Buffer.from(digestText(body), 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n').trimEnd();
  const headers = [
    `From: ${opts.from}`,
    `To: ${opts.to}`,
    `Subject: ${encodeHeader(subject)}`,
    `Date: ${(opts.date ?? new Date(body.generatedAt)).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${body.id}@doorstroom>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    `X-Doorstroom-Digest-Id: ${body.id}`,
  ];
  return { from: opts.from, to: opts.to, subject, message: `${headers.join('\r\n')}\r\n\r\n${text}\r\n` };
}
