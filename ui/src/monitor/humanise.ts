/** "hotelStartDate" / "gegevens-aanvullen" → "Hotel start date" / "Gegevens aanvullen": a last resort, never an id.
 * Its own module, so the case list has it without the fact catalogs case-labels.ts loads. */
export function humanise(id: string): string {
  const words = id
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
