import {
  ChangePasswordBody,
  LoginBody,
  LoginResponse,
  LogoutResponse,
  MeResponse,
  PasswordChanged,
} from '../../../contract/auth';
import type { Operation } from '../operation';

export const authOperations: Operation[] = [
  {
    method: 'post',
    path: '/auth/login',
    operationId: 'login',
    tag: 'Inloggen (auth)',
    access: 'public',
    summary: 'Log in with municipality, username and password',
    description:
      'Sets an httpOnly session cookie; send the returned csrfToken as X-CSRF-Token on state-changing requests.',
    body: LoginBody,
    responses: { 200: { description: 'Logged in', schema: LoginResponse } },
    errors: ['VALIDATION_FAILED', 'MALFORMED_JSON', 'LOGIN_FAILED', 'LOGIN_THROTTLED'],
  },
  {
    method: 'post',
    path: '/auth/logout',
    operationId: 'logout',
    tag: 'Inloggen (auth)',
    access: 'session',
    summary: 'End the session',
    description:
      "A session from the municipality's identity provider ends there too when the provider offers it: then the answer is 200 with the provider's end-session address.",
    responses: {
      204: { description: 'Logged out' },
      200: { description: 'Logged out here; go on to the identity provider', schema: LogoutResponse },
    },
    errors: ['UNAUTHENTICATED', 'CSRF_FAILED', 'NO_SESSION'],
  },
  {
    method: 'get',
    path: '/auth/me',
    operationId: 'whoAmI',
    tag: 'Inloggen (auth)',
    access: 'any',
    summary: 'Who is calling: municipality, roles, permissions',
    responses: { 200: { description: 'The caller', schema: MeResponse } },
    errors: ['UNAUTHENTICATED'],
  },
  {
    method: 'post',
    path: '/auth/password',
    operationId: 'changePassword',
    tag: 'Inloggen (auth)',
    access: 'session',
    summary: 'Change your own password',
    body: ChangePasswordBody,
    responses: { 200: { description: 'Changed', schema: PasswordChanged } },
    errors: [
      'VALIDATION_FAILED',
      'UNAUTHENTICATED',
      'CSRF_FAILED',
      'WRONG_PASSWORD',
      'PASSWORD_TOO_SHORT',
      'PASSWORD_TOO_LONG',
      'PASSWORD_TOO_COMMON',
      'PASSWORD_UNCHANGED',
      'NO_SESSION',
    ],
  },
];
