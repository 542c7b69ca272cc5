/** The event a case handler's missing facts arrive with (through the events API or the case page). */
export const SUPPLY_FACTS_EVENT = 'gegevens-aanvullen';
/** The confirmation's event name: it starts with `$`, so only the confirm update can send it, never the events API. */
export const CONFIRM_EVENT = '$besluit-bevestigen';
