/** What the rest of the server uses from auth: the middleware, the helpers and the types. */
export { authenticate, requirePermission, requireRole, requireUser, type AuthenticateOptions } from './authenticate';
export { getAuth, type Actor, type AuthContext } from './context';
export { authConfig, authConfigFromEnv, type AuthConfig } from '../../services/auth/config';
export {
  bootstrapAdmin,
  bootstrapMessage,
  bootstrapOptionsFromEnv,
  type BootstrapResult,
} from '../../services/auth/bootstrap';
export {
  PERMISSIONS,
  ROLES,
  TENANT_ROLES,
  NATIONAL_ADMIN,
  permissionsOfRoles,
  type Permission,
  type Role,
} from '../../services/auth/roles';
export type { AuthDeps } from '../../services/auth/deps';
