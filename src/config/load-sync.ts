// The synchronous config loader, for library users and tests with JSON configs. The CLI uses
// loadConfigModule (load.ts), which loads the drizzle.config reader, and with it ts-morph, only when needed.

import { drizzleConfigSources } from '../sources/drizzle/config.ts';
import { resolveConfig, type ConfigOverrides } from './load.ts';
import type { ResolvedConfig } from './types.ts';

export function loadConfig(o: ConfigOverrides): ResolvedConfig {
  return resolveConfig(o, drizzleConfigSources);
}
