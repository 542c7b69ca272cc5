import { decisionSentence, outcomeLabel } from '../../../rules/labels/outcome-labels';
import { finishedTemplate } from '../support/finished-template';
import { aRuleSet } from '../support/factories';

describe('outcome labels and decision sentences', () => {
  const statusHolders = finishedTemplate('status-holder-priority');

  it("reads the rule set's own label and the sentence a besluit states", () => {
    expect(outcomeLabel(statusHolders, 'priority', 'nl')).toBe('voorrang');
    expect(decisionSentence(statusHolders, 'priority', 'nl')).toBe(
      'U krijgt voorrang voor een woning als statushouder.',
    );
    expect(decisionSentence(statusHolders, 'priority', 'en')).toBe(
      'You are given priority for a home as a status holder.',
    );
    expect(decisionSentence(statusHolders, null, 'nl')).toBe(
      'U krijgt geen voorrang voor een woning als statushouder.',
    );
  });

  it("falls back to the kind's usual outcomes, then to the event type itself", () => {
    const plain = aRuleSet();
    expect(outcomeLabel(plain, 'not-eligible', 'nl')).toBe('komt niet in aanmerking');
    expect(decisionSentence(plain, null, 'nl')).toBe('U krijgt geen voorrang bij het zoeken naar een woning.');
    expect(outcomeLabel(plain, 'eigen-uitkomst', 'nl')).toBe('eigen-uitkomst');
    expect(decisionSentence({ ...plain, outcomes: { x: { label: { nl: 'iets', en: 'something' } } } }, 'x', 'nl')).toBe(
      'Uitkomst: iets.',
    );
  });

  it('is not fooled by names of Object.prototype', () => {
    expect(outcomeLabel(aRuleSet(), 'constructor', 'nl')).toBe('constructor');
    expect(outcomeLabel(aRuleSet(), '__proto__', 'nl')).toBe('__proto__');
  });
});
