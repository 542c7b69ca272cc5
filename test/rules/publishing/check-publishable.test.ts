import { checkPublishable } from '../../../rules/publishing/check-publishable';
import { loadTemplate, templates, TEMPLATE_IDS } from '../../../rules/templates/templates';
import { finishedTemplate } from '../support/finished-template';

describe('checkPublishable: publishable means finished', () => {
  it.each(TEMPLATE_IDS)('refuses template %s as it ships, naming each placeholder by its path', (id) => {
    const { publishable, errors } = checkPublishable(templates[id].document, { tenant: 'GM0363' });
    expect(publishable).toBe(false);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'template-tenant', path: '/tenant' }));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'placeholder-remaining', path: '/rules/0/legalBasis' }),
    );
    const first = errors.find((e) => e.code === 'placeholder-remaining');
    expect(first?.message.nl).toMatch(
      /^De invulvelden \{\{gemeente\}\}, \{\{jaar\}\}, \{\{artikel[a-z-]*\}\} zijn nog niet ingevuld\.$/,
    );
  });

  it('refuses the template municipality code GM0000 left in a parameter when publishing for another municipality', () => {
    const ruleSet = finishedTemplate('status-holder-priority');
    ruleSet.parameters!.gemeentecode!.value = 'GM0000';
    expect(checkPublishable(ruleSet, { tenant: 'GM0363' }).errors).toEqual([
      expect.objectContaining({ code: 'template-municipality-code', path: '/parameters/gemeentecode/value' }),
    ]);
    // GM0000 is the development municipality as well: there it is its own code.
    expect(checkPublishable({ ...ruleSet, tenant: 'GM0000' }, { tenant: 'GM0000' }).publishable).toBe(true);
  });

  it('accepts a finished template, and refuses one loaded for another municipality', () => {
    for (const id of TEMPLATE_IDS)
      expect(checkPublishable(finishedTemplate(id), { tenant: 'GM0363' })).toEqual({ publishable: true, errors: [] });
    expect(
      checkPublishable(finishedTemplate('status-holder-priority', 'GM0599'), { tenant: 'GM0363' }).errors[0],
    ).toMatchObject({ code: 'tenant-mismatch', path: '/tenant' });
  });

  it('finds placeholders in every text, keys included, with escaped JSON pointers', () => {
    const ruleSet = { ...finishedTemplate('status-holder-priority'), title: 'Voorrang {{gemeente}}' } as Record<
      string,
      unknown
    >;
    ruleSet.outcomes = { 'a/{{b}}': { label: { nl: 'x', en: 'x' }, decision: { nl: 'U krijgt {{iets}}.', en: 'ok' } } };
    expect(checkPublishable(ruleSet, { tenant: 'GM0363' }).errors.map((e) => e.path)).toEqual([
      '/title',
      '/outcomes/a~1{{b}}',
      '/outcomes/a~1{{b}}/decision/nl',
    ]);
  });

  it('reports a bounded number of issues for a document full of placeholders', () => {
    const template = loadTemplate('status-holder-priority', { tenant: 'GM0363' });
    const ruleSet = {
      ...template,
      rules: Array.from({ length: 1000 }, () => template.rules[0]),
      description: '{{x}}'.repeat(10_000),
    };
    const { errors } = checkPublishable(ruleSet, { tenant: 'GM0363', maxIssues: 50 });
    expect(errors).toHaveLength(50);
    expect(errors[0]).toMatchObject({
      path: '/description',
      message: { nl: 'Het invulveld {{x}} is nog niet ingevuld.' },
    });
  });
});
