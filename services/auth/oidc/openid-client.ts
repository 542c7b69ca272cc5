import Module from 'node:module';

export type OpenIdClient = typeof import('openid-client');

let loaded: OpenIdClient | undefined;

/**
 * openid-client 6 is ESM only. Node 20.20 `require()`s it; jest's module registry does not
 * (it refuses ESM without --experimental-vm-modules), so the package is loaded through Node's
 * own loader, which behaves the same under `npm start`, tsx and jest.
 */
export function openIdClient(): OpenIdClient {
  if (!loaded) {
    const M = Module as unknown as typeof Module & { _nodeModulePaths(dir: string): string[] };
    const loader = new M(__filename);
    loader.filename = __filename;
    loader.paths = M._nodeModulePaths(__dirname);
    loaded = loader.require('openid-client') as OpenIdClient;
  }
  return loaded;
}
