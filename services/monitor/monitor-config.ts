/**
 * Where the dashboard finds its dates in the built-in processes. Identifiers of steps and
 * dates, not durations: the norms themselves come from each definition's parameters.
 */
export const MONITOR_CONFIG = {
  hotel: {
    processId: 'nareiziger-hotelverblijf',
    step: 'coa-betaalde-periode',
    startDate: 'hotelStart',
    paidPeriodParam: 'coaPaidPeriod',
  },
  har: { processId: 'har-overdracht', step: 'tijdelijk-verblijf' },
  housing: {
    processId: 'huisvesting-statushouder',
    fromDate: 'koppeling',
    homeDate: 'moved',
    normParam: ['norms', 'moved'] as const,
    defaultNormWeeks: 12,
  },
  /** How many cases per chart the dashboard reads state of (the newest first). */
  stateSampleLimit: 2000,
  completedSampleLimit: 500,
  harEndingWindowDays: 30,
  summaryTtlMs: 5000,
} as const;
