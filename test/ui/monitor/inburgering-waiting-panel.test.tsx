/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import type { InburgeringWaiting } from '../../../contract/inburgering-waiting';
import { InburgeringWaitingTable } from '../../../ui/src/monitor/inburgering-waiting-panel';

const data: InburgeringWaiting = {
  processId: 'inburgering',
  pipWithin: 'P10W',
  weeks: [
    { week: '2026-09-14', intake: 1, pip: 1, overdue: 2 },
    { week: '2026-11-30', intake: 2, pip: 1, overdue: 0 },
  ],
  totals: { intake: 3, pip: 2, overdue: 2 },
  cases: 5,
  truncated: false,
  generatedAt: '2026-11-30T10:00:00.000Z',
};

describe('the monitor shows the inburgering waiting list', () => {
  it('in Dutch: per week of koppeling in words, the norm in words, the totals', () => {
    render(<InburgeringWaitingTable data={data} lang="nl" />);
    expect(screen.getByRole('heading', { name: 'Wachtlijst inburgering' })).toBeTruthy();
    expect(screen.getByText(/Streeftermijn voor het PIP: 10 weken na de koppeling/)).toBeTruthy();
    const september = within(document.querySelector('[data-week="2026-09-14"]') as HTMLElement);
    expect(september.getByText('week van 14 september 2026')).toBeTruthy();
    expect(september.getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '1', '2']);
    expect(screen.getByText('week van 30 november 2026')).toBeTruthy();
    const total = screen.getByText('Totaal').closest('tr') as HTMLElement;
    expect(
      within(total)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', '2', '2']);
    expect(document.body.textContent).not.toMatch(/2026-09-14|P10W|brede-intake/);
  });

  it('in English, and an empty list says so', () => {
    render(<InburgeringWaitingTable data={{ ...data, weeks: [] }} lang="en" />);
    expect(screen.getByText('Nobody waits for a broad intake or a PIP.')).toBeTruthy();
    expect(screen.getByText(/10 weeks after linking/)).toBeTruthy();
  });
});
