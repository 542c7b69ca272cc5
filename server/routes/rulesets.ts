import type { Router } from 'express';
import { createArtifactRouter } from './artifact-router';
import type { StoreDeps } from './store-deps';

/** Versioned rule sets (e.g. housing-priority): drafts, four-eyes review, peildatum lookup, diff. */
export function createRulesetsRouter(deps: StoreDeps): Router {
  return createArtifactRouter(deps, 'ruleset');
}
