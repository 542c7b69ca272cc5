import type { SecretBox } from '../../codec/secret-box';

/** What a migration needs to seal secrets that were stored in clear (0009). */
export interface MigrationSecrets {
  box: SecretBox;
  /**
   * False when the store runs without the product's key ring (a random one of this process):
   * sealing existing secrets with it would lose them at the next start, so a migration refuses.
   */
  persistent: boolean;
}
