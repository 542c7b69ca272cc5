import type { RuleSet } from '../../rules';
import type { ProfileCompleteness, ProfileIssue } from '../../contract/municipality-profile';
import { fillLegalBasis } from './legal-basis';
import type { MunicipalityProfile } from './municipality-profile';

export type { ProfileCompleteness, ProfileIssue };

const pointerKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Whether a besluit can be signed with this profile: a name, a postal address, a signatory and
 * the bye-law are needed; with a rule set, also every article its rules' legal bases refer to.
 * Pure: the profile and rule set in, the missing fields with a code and a path out.
 */
export function profileCompleteness(profile: MunicipalityProfile, ruleSet?: RuleSet): ProfileCompleteness {
  const missing: ProfileIssue[] = [];
  const add = (code: string, path: string, nl: string, en: string) => {
    if (!missing.some((m) => m.path === path)) missing.push({ code, path, message: { nl, en } });
  };
  if (!profile.name.trim())
    add(
      'MISSING_NAME',
      '/name',
      'De officiële naam van de gemeente ontbreekt.',
      "The municipality's official name is missing.",
    );
  if (!profile.address)
    add(
      'MISSING_ADDRESS',
      '/address',
      'Het postadres van de gemeente ontbreekt.',
      "The municipality's postal address is missing.",
    );
  if (!profile.signatory)
    add(
      'MISSING_SIGNATORY',
      '/signatory',
      'Naam en functie van wie namens het college ondertekent ontbreken.',
      'Name and function of the person who signs on behalf of the college are missing.',
    );
  if (!profile.byeLaw)
    add(
      'MISSING_BYE_LAW',
      '/byeLaw',
      'Naam en jaar van de verordening ontbreken.',
      "The bye-law's name and year are missing.",
    );
  if (ruleSet && profile.byeLaw) {
    for (const rule of ruleSet.rules) {
      if (rule.enabled === false) continue;
      const { unfilled } = fillLegalBasis(rule.legalBasis, profile.name, profile.byeLaw, {
        kind: ruleSet.kind,
        eventType: rule.event.type,
      });
      for (const u of unfilled) {
        add(
          'MISSING_ARTICLE',
          `/byeLaw/articles/${pointerKey(u.key)}`,
          `Het artikel van de verordening voor de regel "${rule.title}" ontbreekt (sleutel ${u.key}).`,
          `The bye-law article for the rule "${rule.title}" is missing (key ${u.key}).`,
        );
      }
    }
  }
  return { complete: missing.length === 0, missing };
}
