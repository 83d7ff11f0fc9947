/** True for a JSON object (not an array, not null): the client, the webhook receiver and the test kit read bodies with it. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
