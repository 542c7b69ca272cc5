export function ProcessDesignerPage() {
  return null;
}
