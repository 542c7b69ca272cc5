import { ApiError } from '../../../platform/errors';

/**
 * Why a sign-in through the identity provider did not succeed, Dutch first. The callback sends
 * the browser back to the login page with the code; the page shows these words (ui i18n, `signin.errors`).
 */
export const OIDC_ERRORS = {
  OIDC_NOT_CONFIGURED: [
    404,
    'Deze gemeente heeft inloggen via de eigen identiteitsprovider niet ingesteld (sign-in through the identity provider is not set up for this municipality).',
  ],
  OIDC_UNAVAILABLE: [
    501,
    'Inloggen via een identiteitsprovider is op deze server niet ingeschakeld (OpenID Connect sign-in is not available on this server).',
  ],
  OIDC_STATE_INVALID: [
    400,
    'Deze inlogpoging is verlopen of al gebruikt; begin opnieuw bij het inlogscherm (sign-in attempt expired or already used; start again).',
  ],
  OIDC_TOKEN_INVALID: [
    401,
    'De identiteitsprovider gaf geen geldig bewijs van inloggen, bijvoorbeeld voor een andere toepassing of verlopen (the provider’s ID token is not valid: wrong audience, expired or wrongly signed).',
  ],
  OIDC_PROVIDER_ERROR: [
    502,
    'De identiteitsprovider is niet bereikbaar of weigerde de aanvraag (the identity provider could not be reached or refused the request).',
  ],
  OIDC_NO_ROLE: [
    403,
    'U bent aangemeld bij uw gemeente, maar uw groepen geven geen rol in Doorstroom. Vraag uw beheerder u aan een Doorstroom-groep toe te voegen (signed in, but none of your groups gives a Doorstroom role).',
  ],
  OIDC_USER_DISABLED: [
    403,
    'Uw account in Doorstroom is uitgeschakeld; neem contact op met uw beheerder (your Doorstroom account is disabled).',
  ],
  OIDC_LOGOUT_TOKEN_INVALID: [
    400,
    'De afmeldopdracht van de identiteitsprovider is ongeldig of al gebruikt (the provider’s logout token is not valid or was used already).',
  ],
  SESSION_ENDED_BY_PROVIDER: [
    401,
    'Uw sessie is beëindigd: de identiteitsprovider van uw gemeente bevestigt uw account niet meer. Log opnieuw in (session ended: the identity provider no longer confirms your account).',
  ],
} as const satisfies Record<string, readonly [number, string]>;

export type OidcErrorCode = keyof typeof OIDC_ERRORS;

export function oidcError(code: OidcErrorCode, details?: unknown): ApiError {
  const [status, message] = OIDC_ERRORS[code];
  return new ApiError(status, code, message, undefined, details);
}

export const isOidcErrorCode = (code: string): code is OidcErrorCode => code in OIDC_ERRORS;
