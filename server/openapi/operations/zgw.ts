import { PutZgwSettingsBody, ZgwSettingsResponse } from '../../../contract/zgw';
import type { ErrorCode } from '../../../contract/error-codes';
import type { Operation } from '../operation';

const T = 'Notificaties (ZGW)';
const admin: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED'];

export const zgwOperations: Operation[] = [
  {
    method: 'get',
    path: '/zgw-settings',
    operationId: 'getZgwSettings',
    tag: T,
    access: 'any',
    requires: 'admin',
    summary: "The link with the municipality's ZGW APIs (Zaken, Catalogi, Besluiten, Documenten); never the secret",
    description: '`settings` is null until an administrator sets the link up. See docs/zgw.md.',
    responses: { 200: { description: 'The settings, or null', schema: ZgwSettingsResponse } },
    errors: admin,
  },
  {
    method: 'put',
    path: '/zgw-settings',
    operationId: 'putZgwSettings',
    tag: T,
    access: 'any',
    requires: 'admin',
    summary: 'Replace the link with the ZGW APIs (audited as zgwSettings.update)',
    description:
      'Base URLs per API, the client id and secret that sign the JWT (HS256) the standard asks for, the RSIN Doorstroom writes as, and per process its zaaktype, the statustype per step, besluittype, informatieobjecttype, resultaattype and eindstatustype. ' +
      '`clientSecret` absent keeps the stored one, empty removes it; it is stored encrypted with the key ring of DOORSTROOM_CODEC_KEYS and never returned.',
    body: PutZgwSettingsBody,
    responses: { 200: { description: 'Saved', schema: ZgwSettingsResponse } },
    errors: [...admin, 'CSRF_FAILED', 'VALIDATION_FAILED', 'INVALID_ZGW_SETTINGS', 'ZGW_NOT_CONFIGURED'],
  },
];
