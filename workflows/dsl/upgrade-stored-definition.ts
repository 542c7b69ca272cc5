import { ajv } from './ajv';
import { ProcessDefinitionV1Schema, type ProcessDefinitionV1 } from './schema-v1';
import { isVersion1, upgradeDefinition } from './upgrade-definition';

const isV1 = ajv.compile<ProcessDefinitionV1>(ProcessDefinitionV1Schema);

/**
 * Definition content as stored or sent: a well-formed version-1 definition comes back upgraded
 * to version 2, anything else as it is (a version-2 definition, or content the validator will
 * refuse). For the version store, which upgrades on save and on read, so an editor, a diff or a
 * new case never sees version 1 again; running cases keep their own snapshot.
 */
export function upgradeStoredDefinition(content: unknown): unknown {
  return isVersion1(content) && isV1(content) ? upgradeDefinition(content) : content;
}
