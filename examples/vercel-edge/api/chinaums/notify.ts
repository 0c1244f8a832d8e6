// POST /api/chinaums/notify: the notifyUrl given to ChinaUMS.
import { notify } from '../../lib/chinaums.js';

export const config = { runtime: 'edge' };

export default function handler(request: Request): Promise<Response> {
  return notify(request);
}
