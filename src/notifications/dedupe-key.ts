/**
 * What identifies "the same notification" across the platform's retries.
 *
 * `notifyId` when present: the platform resends it unchanged. Without it, the fields that name
 * one state change of one order: mid, merOrderId (or billNo for bills notifications),
 * status/billStatus, refundOrderId, seqId. The sign is deliberately left out: the random extra
 * field may differ between retries, and with it the sign. Only when neither merOrderId nor billNo
 * is present is the sign used, as the last thing that tells notifications apart.
 */
export function defaultDedupeKey(raw: Readonly<Record<string, string>>): string {
  const notifyId = raw['notifyId'];
  if (notifyId) return `notifyId:${notifyId}`;
  const order = raw['merOrderId'] || raw['billNo'];
  if (!order) return `sign:${(raw['sign'] ?? '').toUpperCase()}`;
  const parts = [raw['mid'], order, raw['status'], raw['billStatus'], raw['refundOrderId'], raw['seqId']];
  return `order:${JSON.stringify(parts.map((part) => part ?? ''))}`;
}
