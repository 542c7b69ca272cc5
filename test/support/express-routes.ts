import type { Express } from 'express';

/** One route the express app answers: method and full path in express syntax (`/api/v1/cases/:caseId`). */
export interface ServedRoute {
  method: string;
  path: string;
}

interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
}

const join = (a: string, b: string) => `${a}/${b}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

/**
 * Every route of an express 5 app, found by walking its router stack: mounted routers by the
 * path they were mounted at (`rawPath`), routes by their own path. Regular-expression paths
 * are skipped (the app has none).
 */
export function servedRoutes(app: Express): ServedRoute[] {
  const out: ServedRoute[] = [];
  const walk = (stack: LayerLike[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const p of paths)
          if (typeof p === 'string')
            for (const [m, on] of Object.entries(layer.route.methods))
              if (on && m !== '_all') out.push({ method: m, path: join(prefix, p) });
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '/';
        walk(layer.handle.stack, join(prefix, mount));
      }
    }
  };
  walk((app as unknown as { router: { stack: LayerLike[] } }).router.stack, '');
  return out;
}
