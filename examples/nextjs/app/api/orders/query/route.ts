// Next.js app router: GET /api/orders/query?merOrderId=…
import { ums } from '../../chinaums/chinaums';

export const runtime = 'edge';

export async function GET(request: Request): Promise<Response> {
  const merOrderId = new URL(request.url).searchParams.get('merOrderId') ?? '';
  const order = await ums.netpayQuery({ mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId });
  return Response.json({ merOrderId: order.merOrderId, status: order.status, totalAmount: order.totalAmount });
}
