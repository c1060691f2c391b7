import { describe, expect, it } from 'vitest';
import { forThisBuild } from './electron-sqlite.mjs';

/*
 * Seen on a fresh CI machine: its npm is set to `nodedir = /usr` (Node 20's headers), npm hands
 * that to `npm run setup` as npm_config_nodedir, and node-gyp built better-sqlite3 for Node 20
 * when Node 22 was asked for: setup failed and no test ran. A build for another runtime names its
 * own headers, target and runtime, whatever npm's configuration says.
 */
describe('the environment of a build for another runtime', () => {
  const npmRun = {
    PATH: '/usr/bin',
    npm_config_nodedir: '/usr',
    npm_config_target: '20.20.2',
    npm_config_runtime: 'node',
    NPM_CONFIG_DISTURL: 'https://nodejs.org/dist',
    npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt',
  };

  it("names the headers of the runtime asked for, never npm's own", () => {
    const env = forThisBuild(npmRun, '/cache/node-v22.23.5');
    expect(env.npm_config_nodedir).toBe('/cache/node-v22.23.5');
    expect(env).not.toHaveProperty('npm_config_target');
    expect(env).not.toHaveProperty('npm_config_runtime');
    expect(env).not.toHaveProperty('NPM_CONFIG_DISTURL');
  });

  it('leaves no headers named when the build downloads its own (Electron)', () => {
    expect(forThisBuild(npmRun)).not.toHaveProperty('npm_config_nodedir');
  });

  it('keeps what has nothing to do with the target (the path, the certificates)', () => {
    const env = forThisBuild(npmRun, '/cache/node-v22.23.5');
    expect(env.PATH).toBe('/usr/bin');
    expect(env.npm_config_cafile).toBe('/etc/ssl/certs/ca-certificates.crt');
  });
});
