import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Generates server/municipalities/municipalities.json, the official list of Dutch municipalities
 * with their CBS codes, from NLExtract's `bag/db/data/gemeentelijke-indeling.xml`.
 *
 * Where the data comes from: CBS publishes the list each autumn for the next year ("Gemeentelijke
 * indeling op 1 januari <jaar>", CC BY 4.0). The NLExtract project (github.com/nlextract/NLExtract,
 * maintained by the Dutch open-geodata community) keeps every year's list since 1990 in one XML
 * file, with start and end dates per municipality. No package on the registries this project can
 * reach (npm, PyPI, Maven, Go, crates.io, Debian) carries a current list, so we read that file.
 *
 * Use: tsx scripts/generate-municipalities.ts <gemeentelijke-indeling.xml> <year> <source commit> [out]
 * The list for <year> is the latest <indeling> up to that year, minus municipalities whose
 * einddatum is on or before 1 January of <year>. Check the count against CBS's publication.
 */

interface Municipality {
  code: string;
  name: string;
  province: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '');

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/(\w+)="([^"]*)"/g)) out[m[1] ?? ''] = unescape(m[2] ?? '');
  return out;
}

export function municipalitiesFor(xml: string, year: number): { indelingYear: number; items: Municipality[] } {
  const indelingen = [...xml.matchAll(/<indeling jaar="(\d{4})">([\s\S]*?)<\/indeling>/g)]
    .map((m) => ({ year: Number(m[1]), body: m[2] ?? '' }))
    .filter((i) => i.year <= year)
    .sort((a, b) => a.year - b.year);
  const latest = indelingen[indelingen.length - 1];
  if (!latest) throw new Error(`generate-municipalities: no <indeling> up to ${year}`);
  const firstOfYear = `${year}-01-01`;
  const items: Municipality[] = [];
  for (const p of latest.body.matchAll(/<provincie ([^>]*)>([\s\S]*?)<\/provincie>/g)) {
    const province = attributes(p[1] ?? '').naam ?? '';
    for (const g of (p[2] ?? '').matchAll(/<gemeente ([^>]*)\/>/g)) {
      const a = attributes(g[1] ?? '');
      if (a.einddatum && a.einddatum <= firstOfYear) continue;
      if (a.begindatum && a.begindatum > firstOfYear) continue;
      items.push({ code: `GM${String(a.code).padStart(4, '0')}`, name: a.naam ?? '', province });
    }
  }
  items.sort((a, b) => a.code.localeCompare(b.code));
  return { indelingYear: latest.year, items };
}

function main(): void {
  const [xmlPath, yearText, commit, out = path.join('server', 'municipalities', 'municipalities.json')] =
    process.argv.slice(2);
  if (!xmlPath || !yearText || !commit)
    throw new Error(
      'use: tsx scripts/generate-municipalities.ts <gemeentelijke-indeling.xml> <year> <source commit> [out]',
    );
  const year = Number(yearText);
  const { indelingYear, items } = municipalitiesFor(readFileSync(xmlPath, 'utf8'), year);
  const document = {
    description: `Gemeenten van Nederland op 1 januari ${year}, met CBS-gemeentecode (official list of Dutch municipalities with CBS codes).`,
    year,
    count: items.length,
    source: {
      publisher: 'Centraal Bureau voor de Statistiek (CBS), Gemeentelijke indeling; licence CC BY 4.0',
      carrier: `NLExtract, bag/db/data/gemeentelijke-indeling.xml at commit ${commit} (indeling ${indelingYear}; municipalities ended before ${year} removed)`,
      generatedBy: 'scripts/generate-municipalities.ts',
      generatedOn: new Date().toISOString().slice(0, 10),
    },
    municipalities: items,
  };
  // One municipality per line: a yearly update reads as a short diff.
  const rows = items.map((m) => `    ${JSON.stringify(m)}`).join(',\n');
  const head = JSON.stringify({ ...document, municipalities: [] }, null, 2).replace(/"municipalities": \[\]\n\}$/, '');
  writeFileSync(out, `${head}"municipalities": [\n${rows}\n  ]\n}\n`);
  console.log(
    `generate-municipalities: ${items.length} municipalities for ${year} (indeling ${indelingYear}) → ${out}`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (err: unknown) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
