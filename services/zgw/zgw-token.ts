import { jose } from './jose-module';

/** How long one token is good for: Open Zaak accepts tokens by `iat` within its own leeway. */
const TOKEN_SECONDS = 5 * 60;

/**
 * The JWT the ZGW standard asks for (VNG "Authenticatie & autorisatie", used by Open Zaak):
 * HS256 with the client's secret, `iss` and `client_id` the client id, `iat` now. `user_id` and
 * `user_representation` name the system, never a person: Doorstroom acts as itself.
 */
export async function zgwToken(clientId: string, secret: string, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new (jose().SignJWT)({
    client_id: clientId,
    user_id: 'doorstroom',
    user_representation: 'Doorstroom',
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(clientId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + TOKEN_SECONDS)
    .sign(new TextEncoder().encode(secret));
}
