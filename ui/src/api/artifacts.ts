import { api } from './http';

/** Rule sets and process definitions share one versioning API (server/versions/artifact-router.ts). */
export type ArtifactType = 'rulesets' | 'definitions';
export type VersionStatus = 'draft' | 'in_review' | 'published' | 'rejected' | 'retired';

export interface ArtifactSummary {
  key: string;
  name: string;
  latestVersion: number;
  effectiveVersion: number | null;
}

export interface ArtifactVersion {
  key: string;
  version: number;
  status: VersionStatus;
  scheduled: boolean;
  content?: unknown;
  authorId: string;
  basedOnVersion: number | null;
  createdAt: string;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  submitComment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  effectiveFrom: string | null;
  publishedAt: string | null;
  retiredBy: string | null;
  retiredAt: string | null;
  retireReason: string | null;
}

export interface ArtifactHistory {
  artifact: { key: string; name: string };
  versions: ArtifactVersion[];
}

export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface VersionDiff {
  from: number;
  to: number;
  collection: string;
  items: Array<{
    key: string;
    change: 'added' | 'removed' | 'changed' | 'moved';
    position?: { before?: number; after?: number };
    fields?: FieldChange[];
  }>;
  other: FieldChange[];
}

const base = (type: ArtifactType, key?: string) => `/api/v1/${type}${key ? `/${encodeURIComponent(key)}` : ''}`;

export const artifacts = {
  list: (type: ArtifactType) => api<{ items: ArtifactSummary[] }>('GET', base(type)).then((r) => r.items),
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
