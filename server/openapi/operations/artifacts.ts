import {
  ApproveBody, ArtifactHistory, ArtifactList, ArtifactParams, CreateArtifactBody, CreateDraftBody, CreatedArtifact, DiffQuery, EffectiveQuery,
  RejectBody, RetireBody, SubmitBody, UpdateDraftBody, VersionDiffSchema, VersionParams, VersionSchema,
} from '../../routes/schemas/artifacts';
import type { ErrorCode } from '../error-codes';
import type { Operation } from '../operation';

const auth: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN'];
const write: ErrorCode[] = [...auth, 'CSRF_FAILED', 'VALIDATION_FAILED', 'MALFORMED_JSON'];

/** The versioning endpoints, the same for rule sets and process definitions. */
function artifactOperations(base: '/rulesets' | '/definitions', noun: string, idPrefix: string, tag: string): Operation[] {
  const id = (verb: string) => `${verb}${idPrefix}`;
  return [
    { method: 'get', path: base, operationId: id('list'), tag, access: 'any', requires: `${base.slice(1)}:read`, summary: `The municipality's ${noun}s with their latest and effective version`, responses: { 200: { description: 'List', schema: ArtifactList } }, errors: auth },
    { method: 'post', path: base, operationId: id('create'), tag, access: 'session', requires: 'designer', summary: `Create a ${noun} with a first draft`, body: CreateArtifactBody, responses: { 201: { description: 'Created', schema: CreatedArtifact } }, errors: [...write, 'ARTIFACT_EXISTS', 'CONTENT_INVALID'] },
    { method: 'get', path: `${base}/{key}`, operationId: id('history'), tag, access: 'any', requires: `${base.slice(1)}:read`, summary: 'Version history: who wrote, submitted, approved, when and why', params: ArtifactParams, responses: { 200: { description: 'History', schema: ArtifactHistory } }, errors: [...auth, 'VALIDATION_FAILED', 'NOT_FOUND'] },
    { method: 'get', path: `${base}/{key}/effective`, operationId: id('effective'), tag, access: 'any', requires: `${base.slice(1)}:read`, summary: 'The version in force at a date (peildatum) or now', params: ArtifactParams, query: EffectiveQuery, responses: { 200: { description: 'Version', schema: VersionSchema } }, errors: [...auth, 'VALIDATION_FAILED', 'INVALID_DATE', 'NOT_FOUND', 'NO_EFFECTIVE_VERSION'] },
    { method: 'get', path: `${base}/{key}/diff`, operationId: id('diff'), tag, access: 'any', requires: `${base.slice(1)}:read`, summary: 'Structural difference between two versions (per rule or node)', params: ArtifactParams, query: DiffQuery, responses: { 200: { description: 'Diff', schema: VersionDiffSchema } }, errors: [...auth, 'VALIDATION_FAILED', 'NOT_FOUND'] },
    { method: 'post', path: `${base}/{key}/versions`, operationId: id('createDraft'), tag, access: 'session', requires: 'designer', summary: 'A new draft, copied from a version or with new content', params: ArtifactParams, body: CreateDraftBody, responses: { 201: { description: 'Draft', schema: VersionSchema } }, errors: [...write, 'NOT_FOUND', 'CONTENT_INVALID'] },
    { method: 'get', path: `${base}/{key}/versions/{version}`, operationId: id('getVersion'), tag, access: 'any', requires: `${base.slice(1)}:read`, summary: 'One version with its content', params: VersionParams, responses: { 200: { description: 'Version', schema: VersionSchema } }, errors: [...auth, 'VALIDATION_FAILED', 'NOT_FOUND'] },
    { method: 'put', path: `${base}/{key}/versions/{version}`, operationId: id('updateDraft'), tag, access: 'session', requires: 'designer', summary: 'Replace the content of a draft', params: VersionParams, body: UpdateDraftBody, responses: { 200: { description: 'Draft', schema: VersionSchema } }, errors: [...write, 'NOT_FOUND', 'VERSION_NOT_DRAFT', 'VERSION_CONFLICT', 'CONTENT_INVALID'] },
    { method: 'post', path: `${base}/{key}/versions/{version}/submit`, operationId: id('submit'), tag, access: 'session', requires: 'designer', summary: 'Submit a draft for review, with a comment', params: VersionParams, body: SubmitBody, responses: { 200: { description: 'In review', schema: VersionSchema } }, errors: [...write, 'NOT_FOUND', 'INVALID_TRANSITION', 'CONTENT_INVALID', 'NOT_PUBLISHABLE'] },
    { method: 'post', path: `${base}/{key}/versions/{version}/approve`, operationId: id('approve'), tag, access: 'session', requires: 'approver (not an author)', summary: 'Approve and publish, effective from a date (today or later; later schedules it)', params: VersionParams, body: ApproveBody, responses: { 200: { description: 'Published', schema: VersionSchema } }, errors: [...write, 'NOT_FOUND', 'INVALID_TRANSITION', 'FOUR_EYES', 'EFFECTIVE_DATE_IN_PAST', 'INVALID_DATE', 'NOT_PUBLISHABLE'] },
    { method: 'post', path: `${base}/{key}/versions/{version}/reject`, operationId: id('reject'), tag, access: 'session', requires: 'approver (not an author)', summary: 'Reject with a reason', params: VersionParams, body: RejectBody, responses: { 200: { description: 'Rejected', schema: VersionSchema } }, errors: [...write, 'NOT_FOUND', 'INVALID_TRANSITION', 'FOUR_EYES'] },
    { method: 'post', path: `${base}/{key}/versions/{version}/retire`, operationId: id('retire'), tag, access: 'session', requires: 'approver', summary: 'Retire a published version, with a reason', params: VersionParams, body: RetireBody, responses: { 200: { description: 'Retired', schema: VersionSchema } }, errors: [...write, 'NOT_FOUND', 'INVALID_TRANSITION'] },
  ];
}

export const ruleSetOperations = artifactOperations('/rulesets', 'rule set', 'RuleSets', 'Regels (rule sets)');
export const definitionOperations = artifactOperations('/definitions', 'process definition', 'Definitions', 'Processen (definitions)');
