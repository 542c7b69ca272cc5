import os from 'node:os';
import type { Page } from 'playwright-core';
import type { RuleSet } from '../rules';
import { validateDefinition } from '../workflows/dsl/validate-definition';
import type { ProcessDefinition } from '../workflows/dsl/schema';
import { loginInBrowser, startEditorStack, type ApiSession } from '../test/support/e2e-editor';
import { bigProcess, bigRuleSet } from './editor-fixtures';

// npx tsx bench/editor.ts — needs the built UI (npx vite build --config ui/vite.config.mts).
// Starts the product in-process with a Chromium, puts drafts of a rule set (10 rules as the
// baseline, then 200 rules ≈ 1,000 conditions) and a process (the built-in 9 steps as the
// baseline, then 60 steps) through the API, and measures in the page with performance marks:
//   open: navigation start → graph drawn and the main thread idle again (targets < 1 s);
//   edit: one keystroke in the side panel → React has rendered and the frame painted (< 100 ms).

const EDITS = 25;

/** Waits until the page shows graph nodes and a frame plus a macrotask have passed: interactive. */
async function timeToInteractive(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            performance.mark('editor:interactive');
            resolve(performance.measure('editor:open', { start: 0, end: 'editor:interactive' }).duration);
          }, 0),
        ),
      ),
  );
}

/** Types one character at a time into a side-panel text box; each keystroke timed until the next frame. */
async function editTimes(page: Page, selector: string): Promise<number[]> {
  return page.evaluate(
    async ({ selector, edits }) => {
      const input = document.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(`bench: no ${selector}`);
      // Called as setValue.call(input, …) below: `this` is the input.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set as (
        this: HTMLInputElement,
        v: string,
      ) => void;
      const out: number[] = [];
      for (let i = 0; i < edits; i += 1) {
        performance.mark('editor:edit-start');
        setValue.call(input, `${input.value}${i % 10}`);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        performance.mark('editor:edit-end');
        out.push(performance.measure('editor:edit', 'editor:edit-start', 'editor:edit-end').duration);
        // Apart from each other, so the undo steps do not join and each edit stands alone.
        await new Promise((r) => setTimeout(r, 30));
      }
      return out;
    },
    { selector, edits: EDITS },
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] as number;
const rows: string[] = [];
function report(what: string, size: string, open: number, edits: number[], target: { open: number; edit: number }) {
  const ok = open < target.open && median(edits) < target.edit ? 'yes' : 'NO';
  rows.push(
    `| ${what} | ${size} | ${open.toFixed(0)} | ${median(edits).toFixed(1)} | ${p95(edits).toFixed(1)} | ${ok} |`,
  );
  console.log(rows[rows.length - 1]);
}

async function put(api: ApiSession, type: 'rulesets' | 'definitions', key: string, version: number, content: unknown) {
  const res = await api.call('PUT', `/api/v1/${type}/${key}/versions/${version}`, { content });
  if (res.status !== 200)
    throw new Error(`bench: saving ${type}/${key} failed: ${JSON.stringify(res.body).slice(0, 500)}`);
}

async function main(): Promise<void> {
  const stack = await startEditorStack();
  try {
    const api = await stack.apiUser('bench-api', ['designer']);
    const password = await stack.createUser('bench-ui', ['designer']);
    const context = await stack.browser.newContext({ locale: 'nl-NL', viewport: { width: 1440, height: 900 } });
    const page = await loginInBrowser(context, stack.base, 'bench-ui', password);

    console.log(
      `Editor benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}, ${stack.browser.version()}`,
    );
    console.log('| screen | size | open (ms) | edit median (ms) | edit p95 (ms) | within target |');
    console.log('|---|---|---:|---:|---:|---|');

    const rsBase = ((await api.call('GET', '/api/v1/rulesets/housing-priority/effective')).body as { content: RuleSet })
      .content;
    const rsDraft = (
      (await api.call('POST', '/api/v1/rulesets/housing-priority/versions', {})).body as { version: number }
    ).version;
    const ruleSetUrl = `${stack.base}/regels/housing-priority`;
    const ruleTitle = 'aside.side-panel input.utrecht-textbox';
    for (const n of [10, 200]) {
      const doc = bigRuleSet(rsBase, n);
      await put(api, 'rulesets', 'housing-priority', rsDraft, doc);
      const open = await timeToInteractive(page, ruleSetUrl, '.react-flow__node-rule');
      await page.locator('.react-flow__node-rule').first().click();
      await page.locator(ruleTitle).first().waitFor();
      const edits = await editTimes(page, ruleTitle);
      const conditions = doc.rules.reduce((s, r) => s + ('all' in r.conditions ? r.conditions.all.length : 0), 0);
      report('Regelset', `${n} rules, ${conditions} conditions`, open, edits, { open: 1000, edit: 100 });
    }

    const pdBase = (
      (await api.call('GET', '/api/v1/definitions/nareiziger-hotelverblijf/effective')).body as {
        content: ProcessDefinition;
      }
    ).content;
    const pdDraft = (
      (await api.call('POST', '/api/v1/definitions/nareiziger-hotelverblijf/versions', {})).body as { version: number }
    ).version;
    const processUrl = `${stack.base}/processen/nareiziger-hotelverblijf`;
    const stepName = 'aside.pd-side-panel fieldset.pd-pair input';
    for (const doc of [pdBase, bigProcess(pdBase, 60)]) {
      const check = validateDefinition(doc);
      if (!check.valid)
        throw new Error(`bench: generated process is invalid: ${JSON.stringify(check.errors.slice(0, 3))}`);
      await put(api, 'definitions', 'nareiziger-hotelverblijf', pdDraft, doc);
      const open = await timeToInteractive(page, processUrl, '.react-flow__node-step');
      // A 60-step chain is drawn small; the first step may sit under the toolbar, so the click goes to the node itself.
      await page.locator('.react-flow__node-step').first().dispatchEvent('click');
      await page.locator(stepName).first().waitFor();
      const edits = await editTimes(page, stepName);
      report('Proces', `${doc.nodes.length} steps`, open, edits, { open: 1000, edit: 100 });
    }
    await context.close();
  } finally {
    await stack.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
