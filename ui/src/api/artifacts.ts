import type {
  ArtifactHistory,
  ArtifactList,
  ArtifactSummary,
  Version,
  VersionDiff,
  VersionStatus,
} from '../../../contract/artifacts';
import { api } from './http';

/** Rule sets and process definitions share one versioning API (server/versions/artifact-router.ts). */
export type ArtifactType = 'rulesets' | 'definitions';
export type { ArtifactHistory, ArtifactSummary, VersionDiff, VersionStatus };
export type ArtifactVersion = Version;
export type FieldChange = VersionDiff['other'][number];

const base = (type: ArtifactType, key?: string) => `/api/v1/${type}${key ? `/${encodeURIComponent(key)}` : ''}`;

export const artifacts = {
  list: (type: ArtifactType) => api<ArtifactList>('GET', base(type)).then((r) => r.items),
  history: (type: ArtifactType, key: string) => api<ArtifactHistory>('GET', base(type, key)),
  version: (type: ArtifactType, key: string, version: number) =>
    api<ArtifactVersion>('GET', `${base(type, key)}/versions/${version}`),
  effective: (type: ArtifactType, key: string) => api<ArtifactVersion>('GET', `${base(type, key)}/effective`),
  createDraft: (type: ArtifactType, key: string, fromVersion?: number) =>
    api<ArtifactVersion>('POST', `${base(type, key)}/versions`, fromVersion ? { fromVersion } : {}),
  saveDraft: (type: ArtifactType, key: string, version: number, content: unknown) =>
    api<ArtifactVersion>('PUT', `${base(type, key)}/versions/${version}`, { content }),
  submit: (type: ArtifactType, key: string, version: number, comment: string) =>
    api<ArtifactVersion>('POST', `${base(type, key)}/versions/${version}/submit`, { comment }),
  /** Without a date the version takes effect now (the server's default). */
  approve: (type: ArtifactType, key: string, version: number, effectiveFrom?: string, comment?: string) =>
    api<ArtifactVersion>('POST', `${base(type, key)}/versions/${version}/approve`, {
      ...(effectiveFrom ? { effectiveFrom } : {}),
      ...(comment ? { comment } : {}),
    }),
  reject: (type: ArtifactType, key: string, version: number, comment: string) =>
    api<ArtifactVersion>('POST', `${base(type, key)}/versions/${version}/reject`, { comment }),
  diff: (type: ArtifactType, key: string, from: number, to: number) =>
    api<VersionDiff>('GET', `${base(type, key)}/diff?from=${from}&to=${to}`),
};
