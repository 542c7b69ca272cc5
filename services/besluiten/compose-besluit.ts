import { factCatalogs, type Explanation, type FactCatalog, type RuleSet } from '../../rules';
import type { DecisionRecord } from '../../workflows/case-state';
import type { MunicipalityProfile } from '../municipalities/municipality-profile';
import { profileCompleteness } from '../municipalities/profile-completeness';
import type { BesluitContent, BesluitSection } from './besluit-content';
import { BesluitError } from './besluit-error';
import { bezwaarclausule } from './bezwaarclausule';
import { dateInWords } from './dutch-format';
import { composeMotivation } from './motivation';
import { decisionSentenceNl, outcomeLabelNl, type ExplanationLabelsLike } from './outcome-texts';

export interface ComposeBesluitInput {
  decision: DecisionRecord;
  /** The kenmerk: the caller's pseudonymous case reference. */
  caseRef: string;
  profile: MunicipalityProfile;
  /** The rule-set version that decided (decision.ruleSetId / ruleSetVersion). */
  ruleSet: RuleSet;
  /** The date of sending, YYYY-MM-DD. */
  dagtekening: string;
  /** Name and address lines of the applicant, if the caller has them; never stored elsewhere. */
  addressee?: string[];
}

function isExplanation(value: unknown): value is Explanation {
  const e = value as Explanation | undefined;
  return (
    typeof e === 'object' &&
    e !== null &&
    Array.isArray(e.rules) &&
    typeof e.peildatum === 'string' &&
    typeof e.facts === 'object'
  );
}

/**
 * The besluit's content from a confirmed decision record, never from live case state: the
 * decision the person took (which may deviate from the rules' proposal), motivated from the
 * recorded explanation, signed as the municipality's profile says. Pure.
 */
export function composeBesluit(input: ComposeBesluitInput): BesluitContent {
  const { decision, profile, ruleSet } = input;
  const confirmation = decision.confirmation;
  if (!confirmation)
    throw new BesluitError(
      'DECISION_NOT_CONFIRMED',
      `decision ${decision.nodeId} was not confirmed by a person (AVG art. 22)`,
    );
  if (!isExplanation(decision.explanation))
    throw new BesluitError('EXPLANATION_MISSING', `decision ${decision.nodeId} has no explanation to motivate it with`);
  const completeness = profileCompleteness(profile, ruleSet);
  if (!completeness.complete || !profile.address || !profile.signatory) {
    throw new BesluitError(
      'PROFILE_INCOMPLETE',
      `the municipality profile lacks ${completeness.missing.map((m) => m.path).join(', ')}`,
      completeness.missing,
    );
  }
  const explanation = decision.explanation;
  const labels = (explanation as { labels?: ExplanationLabelsLike }).labels;
  const branch = confirmation.branch;
  const params =
    decision.events.find((e) => e.type === branch)?.params ??
    explanation.rules.find((r) => r.fired && r.event.type === branch)?.event.params;
  const dagtekening = dateInWords(input.dagtekening);
  const catalog = (factCatalogs as Record<string, FactCatalog | undefined>)[ruleSet.kind];
  const topic = catalog?.topic?.nl ?? catalog?.label.nl.toLowerCase() ?? 'uw aanvraag';

  let deviation: BesluitSection | undefined;
  if (confirmation.deviated) {
    const proposal = decision.proposal?.branch ?? decision.branch;
    deviation = {
      heading: 'Afwijking van het voorstel',
      paragraphs: [
        {
          text:
            `Volgens de regels hierboven lag de uitkomst "${outcomeLabelNl(ruleSet, proposal, labels)}" voor de hand. ` +
            `Wij zijn daarvan afgeweken en hebben besloten zoals hierboven staat. De reden daarvoor is: ${confirmation.reason?.trim() || 'niet opgegeven'}`,
        },
      ],
    };
  }

  return {
    municipality: {
      letterhead: `Gemeente ${profile.name}`,
      name: profile.name,
      addressLines: [profile.address.street, `${profile.address.postcode} ${profile.address.city}`],
    },
    dagtekening,
    documentDate: input.dagtekening,
    kenmerk: input.caseRef,
    subject: `Besluit over ${topic}`,
    ...(input.addressee?.length ? { addressee: input.addressee } : {}),
    salutation: 'Geachte heer, mevrouw,',
    introduction: `Wij hebben beoordeeld of u in aanmerking komt voor ${topic}. In deze brief leest u ons besluit en waarom wij zo hebben besloten.`,
    decision: decisionSentenceNl(ruleSet, branch, params, labels),
    motivation: composeMotivation(explanation, ruleSet, profile),
    ...(deviation ? { deviation } : {}),
    signature: {
      onBehalfOf: `Namens het college van burgemeester en wethouders van ${profile.name},`,
      name: profile.signatory.name,
      function: profile.signatory.function,
    },
    bezwaar: bezwaarclausule({
      municipalityName: profile.name,
      address: profile.objectionAddress ?? profile.address,
      dagtekening,
      kenmerk: input.caseRef,
      court: profile.court,
    }),
  };
}
