import { dictionary } from '@zxcvbn-ts/language-common';
import { ApiError } from '../../platform/errors';

/** NIST SP 800-63B 5.1.1.2: at least 8, we ask 12 (BIO); at least 64 must be allowed. */
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; bounds the hashing work per request. */
export const MAX_PASSWORD_LENGTH = 256;

// zxcvbn's list of common and breached passwords (49k), shipped as data: no network call.
const COMMON = new Set<string>((dictionary as Record<string, string[]>)['passwords-common'] ?? []);
// Context-specific words (800-63B: "the name of the service"); the username is added per check.
const CONTEXT = ['doorstroom', 'gemeente', 'welkom', 'wachtwoord', 'password'];

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_.-]+/g, '');

/** "aaaaaaaaaaaa", "abababababab", "123123123123": a short unit repeated. */
function isRepetition(s: string): boolean {
  for (let unit = 1; unit <= 4; unit++) {
    if (
      s.length >= unit * 3 &&
      s ===
        s
          .slice(0, unit)
          .repeat(Math.ceil(s.length / unit))
          .slice(0, s.length)
    )
      return true;
  }
  return new Set(s).size < 5;
}

/** "abcdefghijkl", "123456789012", "987654321098": one step up or down all the way (digits wrap). */
function isSequence(s: string): boolean {
  const codes = [...s].map((c) => c.codePointAt(0)!);
  const step = (a: number, b: number) =>
    /\d/.test(String.fromCodePoint(a)) && /\d/.test(String.fromCodePoint(b)) ? (b - a + 10) % 10 : b - a;
  const first = step(codes[0]!, codes[1]!);
  if (first !== 1 && first !== -1 && first !== 9) return false;
  return codes.every((c, i) => i === 0 || step(codes[i - 1]!, c) === first);
}

/** Why a password is too easy to guess, or undefined. Only length and guessability, no composition rules. */
export function commonPasswordReason(password: string, username?: string): string | undefined {
  const s = squash(password);
  const core = s.replace(/^[\d\W]+|[\d\W]+$/gu, '');
  if (COMMON.has(s) || COMMON.has(core))
    return 'het staat in een lijst van veelgebruikte of gelekte wachtwoorden (it is on a list of common or breached passwords)';
  if (isRepetition(s) || isSequence(s)) return 'het is een herhaling of reeks (it is a repetition or sequence)';
  const context = [...CONTEXT, ...(username && username.length >= 4 ? [squash(username)] : [])];
  if (context.some((w) => core === w || core.replace(w, '').length < 4))
    return 'het is (bijna) alleen uw gebruikersnaam of de naam van de dienst (it is mostly your username or the service name)';
  return undefined;
}

/** The password policy for passwords people choose (NIST 800-63B, BIO): throws a coded 400. */
export function checkPasswordPolicy(password: string, opts: { username?: string; path?: string } = {}): void {
  const path = opts.path ?? '/body/newPassword';
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new ApiError(
      400,
      'PASSWORD_TOO_SHORT',
      `Het nieuwe wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens hebben; een zin van een paar woorden is goed te onthouden (new password needs at least ${MIN_PASSWORD_LENGTH} characters).`,
      path,
    );
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new ApiError(
      400,
      'PASSWORD_TOO_LONG',
      `Het nieuwe wachtwoord mag ten hoogste ${MAX_PASSWORD_LENGTH} tekens hebben (at most ${MAX_PASSWORD_LENGTH} characters).`,
      path,
    );
  }
  const reason = commonPasswordReason(password, opts.username);
  if (reason) {
    throw new ApiError(
      400,
      'PASSWORD_TOO_COMMON',
      `Dit wachtwoord is te makkelijk te raden: ${reason}. Kies een langere zin van eigen woorden (password is too easy to guess).`,
      path,
    );
  }
}
