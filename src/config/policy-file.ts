// Reads the policy file named by POLICY_FILE (YAML or JSON by extension); the rules live in src/domain/policy.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPolicy, type PolicyFormat } from '../domain/policy/load-policy.js';
import { PolicyError } from '../domain/policy/policy-error.js';
import { defaultPolicy } from '../domain/policy/resolve-policy.js';
import type { Policy } from '../domain/policy/types.js';

export function policyFormatOf(file: string): PolicyFormat {
  return path.extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
}

/** Throws PolicyError when the file cannot be read or is wrong. */
export function loadPolicyFile(file: string, timezone: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PolicyError([`policy: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`], file);
  }
  return loadPolicy({ text, format: policyFormatOf(file), timezone, source: file });
}

/** The policy of the running configuration: POLICY_FILE merged over the defaults, or the defaults. */
export function loadConfiguredPolicy(config: { policyFile: string | undefined; timezone: string }): Policy {
  return config.policyFile ? loadPolicyFile(config.policyFile, config.timezone) : defaultPolicy(config.timezone);
}
