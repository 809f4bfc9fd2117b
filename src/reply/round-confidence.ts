/** Three decimals: enough to compare confidences, short in logs and in the store. */
export function roundConfidence(value: number): number {
  return Math.round(value * 1000) / 1000;
}
