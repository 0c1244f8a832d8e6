// Next.js app router: POST /api/chinaums/notify. Works on the Node and the Edge runtime.
import { notify } from '../chinaums';

export const runtime = 'edge';

export async function POST(request: Request): Promise<Response> {
  return notify(request);
}
