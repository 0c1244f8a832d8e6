// GET /api/orders/query?merOrderId=…: one access-token call; the token comes from Upstash.
import { ums } from '../../lib/chinaums.js';

export const config = { runtime: 'edge' };

export default async function handler(request: Request): Promise<Response> {
  const merOrderId = new URL(request.url).searchParams.get('merOrderId') ?? '';
  const order = await ums.netpayQuery({ mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId });
  return Response.json({ merOrderId: order.merOrderId, status: order.status, totalAmount: order.totalAmount });
}
