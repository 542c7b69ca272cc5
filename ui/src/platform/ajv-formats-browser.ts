/** ajv-formats in the browser: formats are compiled into the precompiled validators already. */
export default function addFormats<T>(ajv: T): T {
  return ajv;
}
