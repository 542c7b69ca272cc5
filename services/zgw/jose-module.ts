import Module from 'node:module';

export type Jose = typeof import('jose');

let loaded: Jose | undefined;

/**
 * jose 6 is ESM only: loaded through Node's own loader, like openid-client
 * (services/auth/oidc/openid-client.ts), so it behaves the same under `npm start`, tsx and jest.
 */
export function jose(): Jose {
  if (!loaded) {
    const M = Module as unknown as typeof Module & { _nodeModulePaths(dir: string): string[] };
    const loader = new M(__filename);
    loader.filename = __filename;
    loader.paths = M._nodeModulePaths(__dirname);
    loaded = loader.require('jose') as Jose;
  }
  return loaded;
}
