export default async function globalTeardown(): Promise<void> {
  // Each suite stops what it starts; nothing global to stop yet.
}
