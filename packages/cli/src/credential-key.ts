import { newCredentialKey } from '@tollgate/db';
import type { Config } from '@tollgate/server';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Without CREDENTIAL_KEY, keeps one under TOLLGATE_HOME (mode 600) so the
 * embedded setup can store upstream credentials; production sets the
 * variable from its secret store instead.
 */
export function ensureCredentialKey(config: Config, log: (line: string) => void): void {
  if (config.credentialKey) return;
  const file = join(config.home, 'credential.key');
  if (!existsSync(file)) {
    mkdirSync(config.home, { recursive: true });
    writeFileSync(file, newCredentialKey(), { mode: 0o600 });
    log(`created ${file} (set CREDENTIAL_KEY to use your own)`);
  }
  config.credentialKey = readFileSync(file, 'utf8').trim();
}
