// A config may be a module (`schemadrift.config.mjs` / `.js` / `.ts`) exporting the same object as the
// JSON file; it is the user's own code, so it runs, and its failures are one-line config errors.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigModule } from '../../src/config/load.ts';
import { loadConfig } from '../../src/config/load-sync.ts';
import { copyExample, EXAMPLE, runCli } from '../helpers/cli.ts';

const json = readFileSync(path.join(EXAMPLE, 'schemadrift.config.json'), 'utf8');

function exampleWithModuleConfig(name: string, text: string): string {
  const dir = copyExample();
  rmSync(path.join(dir, 'schemadrift.config.json'));
  writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('module configs', () => {
  it('schemadrift.config.mjs resolves to the same config as the JSON file', async () => {
    const dir = exampleWithModuleConfig('schemadrift.config.mjs', `export default ${json};\n`);
    const fromModule = await loadConfigModule({ cwd: dir, env: {} });
    const jsonDir = copyExample();
    const fromJson = loadConfig({ cwd: jsonDir, env: {} });
    const relative = (c: typeof fromJson, root: string) =>
      JSON.parse(JSON.stringify({ sources: c.sources, truth: c.truth }).replaceAll(root, '<root>'));
    expect(relative(fromModule, dir)).toEqual(relative(fromJson, jsonDir));
    expect(fromModule.configFile).toBe(path.join(dir, 'schemadrift.config.mjs'));
  });

  it('a schemadrift.config.ts is found and run by the CLI, giving the same report', () => {
    const dir = exampleWithModuleConfig(
      'schemadrift.config.ts',
      `type Config = { truth: string; sources: Record<string, unknown> };\nconst config: Config = ${json.trim()};\nexport default config;\n`,
    );
    const viaTs = runCli(['check', '--format', 'json'], dir);
    const viaJson = runCli(['check', '--format', 'json'], EXAMPLE);
    expect(viaTs.stderr).toBe('');
    expect(viaTs.code).toBe(1);
    expect(viaTs.stdout).toBe(viaJson.stdout);
  });

  it('a config module that throws is one line naming the file, exit 2', () => {
    const dir = exampleWithModuleConfig('schemadrift.config.mjs', 'throw new Error("no config for you");\n');
    const r = runCli(['check'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('schemadrift: schemadrift.config.mjs: cannot be loaded: no config for you\n');
  });

  it('a config module without a default export object is refused', () => {
    const dir = exampleWithModuleConfig('schemadrift.config.mjs', 'export const sources = {};\n');
    const r = runCli(['check'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`schemadrift: ${path.join(dir, 'schemadrift.config.mjs')}: must export an object as its default export\n`);
  });
});
