import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request } from 'express';
import type { CaseService } from './cases/case-service';
import { ApiError, errorHandler } from './errors';
import { createCasesRouter } from './routes/cases';

export interface AppDeps {
  cases: CaseService;
  tenantOf: (req: Request) => string;
  log: { error: (obj: object, msg: string) => void };
  /** Built UI to serve at /, if present. */
  uiDir?: string;
}

/** The express app without listening: main.ts listens, tests use supertest. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '256kb' }));

  app.get('/api/v1/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/api/v1', createCasesRouter(deps));
  app.use('/api', (req, _res, next) => next(new ApiError(404, 'NOT_FOUND', `No API route ${req.method} ${req.originalUrl.split('?')[0]}.`, '/path')));

  if (deps.uiDir && existsSync(deps.uiDir)) {
    const uiDir = deps.uiDir;
    app.use(express.static(uiDir, { index: 'index.html', maxAge: '1h' }));
    // The UI routes in the browser: every other GET gets the app shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(uiDir, 'index.html')));
  }
  app.use(errorHandler(deps.log));
  return app;
}
