import type { TSchema } from '@sinclair/typebox';
import type { ErrorCode } from '../../contract/error-codes';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call: nobody needs to sign in, any caller (API key or session), or people only (session). */
export type Access = 'public' | 'any' | 'session';

export interface ResponseSpec {
  description: string;
  schema?: TSchema;
  contentType?: string;
  /** OpenAPI links: what a client (or a fuzzer) can call next with this response's data. */
  links?: Record<string, { operationId: string; parameters: Record<string, string> }>;
}

/**
 * One endpoint as the OpenAPI document describes it. The schemas are the very objects the
 * routes validate with, so the document cannot say something the server does not check.
 */
export interface Operation {
  method: HttpMethod;
  /** OpenAPI path below /api/v1, e.g. /cases/{caseId}. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  /** The permission or role required, in words. */
  requires?: string;
  params?: TSchema;
  query?: TSchema;
  /** Request headers (optional unless listed in `required`). */
  headers?: TSchema;
  body?: TSchema;
  /** The body's media type; JSON unless named (a provider's form post, e.g.). */
  bodyContentType?: string;
  responses: Record<number, ResponseSpec>;
  errors: ErrorCode[];
}
