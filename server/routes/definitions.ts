import type { Router } from 'express';
import { createArtifactRouter } from './artifact-router';
import type { StoreDeps } from './store-deps';

/** Versioned process definitions: the same lifecycle as rule sets. */
export function createDefinitionsRouter(deps: StoreDeps): Router {
  return createArtifactRouter(deps, 'definition');
}
